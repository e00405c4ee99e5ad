package io.legalhub.sandbox.systems.relativity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the properties of one JSON object of a Relativity request and collects every problem, so one 400 can
 * name them all. Property names are reported with the path from the body's root ({@code Client.Value.ArtifactID}).
 * Internal.
 */
final class BodyCheck {

    private final ObjectNode node;
    private final String prefix;
    private final List<PropertyError> errors;

    private BodyCheck(ObjectNode node, String prefix, List<PropertyError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    static BodyCheck of(ObjectNode node) {
        return new BodyCheck(node, "", new ArrayList<>());
    }

    /**
     * The object a Kepler body wraps under its parameter name, e.g. {@code {"MatterRequest": {…}}}. Any other
     * shape is refused with a message that shows the expected wrapper, since a bare object is the usual mistake.
     */
    static ObjectNode unwrap(Request req, String parameter, Set<String> otherParameters) {
        ObjectNode root = req.jsonObject();
        JsonNode inner = root.get(parameter);
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(f -> {
            if (!f.equals(parameter) && !otherParameters.contains(f)) {
                unknown.add(f);
            }
        });
        if (inner == null || !inner.isObject() || !unknown.isEmpty()) {
            String expected = "{\"" + parameter + "\": {…}"
                    + (otherParameters.isEmpty() ? "" : ", optional " + String.join(", ", otherParameters)) + "}";
            String problem = inner == null ? "'" + parameter + "' is missing"
                    : !inner.isObject() ? "'" + parameter + "' must be an object"
                    : "unknown top-level properties " + unknown;
            List<PropertyError> errs = new ArrayList<>();
            if (inner == null || !inner.isObject()) {
                errs.add(new PropertyError(parameter, "is required and must be an object"));
            }
            unknown.forEach(u -> errs.add(new PropertyError(u, "is not a parameter of this operation")));
            throw RelativityException.invalid("The request body must wrap its parameters by name: " + expected
                    + "; " + problem + ".", errs);
        }
        return (ObjectNode) inner;
    }

    ObjectNode node() {
        return node;
    }

    List<PropertyError> errors() {
        return errors;
    }

    String path(String name) {
        return prefix + name;
    }

    void error(String name, String message) {
        errors.add(new PropertyError(path(name), message));
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    /** Refuses properties the schema does not have (the Workspace Service declares additionalProperties: false). */
    void only(Set<String> allowed, String schema) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!allowed.contains(f)) {
                error(f, "is not a property of " + schema);
            }
        }
    }

    /** A string; required means present, not null and not blank. {@code maxLength} 0 means no limit. */
    String text(String name, boolean required, int maxLength) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                error(name, "The " + name + " field is required.");
            }
            return null;
        }
        if (!v.isTextual()) {
            error(name, "must be a string, got " + v);
            return null;
        }
        String s = v.asText();
        if (required && s.isBlank()) {
            error(name, "The " + name + " field is required.");
            return null;
        }
        if (maxLength > 0 && s.length() > maxLength) {
            error(name, "The field " + name + " must be a string with a maximum length of " + maxLength
                    + " (got " + s.length() + " characters).");
            return null;
        }
        return s;
    }

    Long integer(String name, boolean required) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                error(name, "The " + name + " field is required.");
            }
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            error(name, "must be a 32-bit integer, got " + v);
            return null;
        }
        return v.longValue();
    }

    Boolean bool(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            error(name, "must be true or false, got " + v);
            return null;
        }
        return v.booleanValue();
    }

    /** An ISO-8601 date-time, or null when absent. */
    Instant dateTime(String name) {
        String s = text(name, false, 0);
        if (s == null) {
            return null;
        }
        Instant i = Json.parseInstant(s);
        if (i == null) {
            error(name, "must be an ISO-8601 date-time such as 2026-01-15T09:30:00.000Z, got '" + s + "'");
        }
        return i;
    }

    /** A nested object, or null when absent (a non-object is reported). */
    BodyCheck object(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            error(name, "must be an object, got " + v);
            return null;
        }
        return new BodyCheck((ObjectNode) v, path(name) + ".", errors);
    }

    /** {@code ObjectIdentifier}: {@code {"ArtifactID": 123, "Guids": [...]}}; returns the ArtifactID. */
    Long objectIdentifier(String name, boolean required) {
        BodyCheck o = object(name);
        if (o == null) {
            if (required && !node.has(name)) {
                error(name, "The " + name + " field is required.");
            } else if (required) {
                error(name, "must be an object like {\"ArtifactID\": 123}");
            }
            return null;
        }
        o.only(Set.of("ArtifactID", "Guids"), "ObjectIdentifier");
        Long id = o.integer("ArtifactID", true);
        return id;
    }

    /** {@code Securable<ObjectIdentifier>}: {@code {"Secured": false, "Value": {"ArtifactID": 123}}}; returns the ArtifactID. */
    Long securable(String name, boolean required) {
        BodyCheck o = object(name);
        if (o == null) {
            if (required) {
                error(name, node.has(name) && !node.get(name).isNull()
                        ? "must be an object like {\"Secured\": false, \"Value\": {\"ArtifactID\": 123}}"
                        : "The " + name + " field is required (as {\"Secured\": false, \"Value\": {\"ArtifactID\": 123}}).");
            }
            return null;
        }
        o.only(Set.of("Secured", "Value"), "Securable");
        o.bool("Secured");
        if (!o.has("Value")) {
            if (required) {
                o.error("Value", "is required: {\"ArtifactID\": 123}");
            }
            return null;
        }
        return o.objectIdentifier("Value", true);
    }

    /** Whether {@code name} is a securable whose Value is explicitly null or absent (used to clear a reference). */
    boolean securableIsEmpty(String name) {
        JsonNode v = node.get(name);
        return v != null && v.isObject() && (v.get("Value") == null || v.get("Value").isNull());
    }

    /** Throws one 400 naming every problem found so far. */
    void throwIfInvalid(String what) {
        if (errors.isEmpty()) {
            return;
        }
        List<String> parts = errors.stream().map(e -> e.property() + ": " + e.message()).toList();
        throw RelativityException.invalid("The " + what + " is invalid. " + String.join("; ", parts), errors);
    }
}
