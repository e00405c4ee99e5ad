package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Json;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Clio's {@code fields} parameter: which fields an answer (or a webhook payload) carries, with nested selections in
 * braces, e.g. {@code id,etag,client{id,name},custom_field_values{id,value,custom_field}}. Without {@code fields} a
 * record shows its own scalar fields; a nested record named without braces shows its {@code id} and {@code etag}
 * (assumptions: Clio documents both only on its Fields page, outside the spec). A name the resource does not have is
 * refused, so a client asking for a field Clio lacks learns it at once. Internal.
 */
final class ClioFieldSelection {

    private static final int MAX_LENGTH = 1_000;

    /** name → nested selection (null: the field as it is, or a nested record's id and etag). */
    private final Map<String, ClioFieldSelection> names;
    /** A default view: a name the record lacks shows as null instead of being refused. */
    private final boolean lenient;

    private ClioFieldSelection(Map<String, ClioFieldSelection> names) {
        this(names, false);
    }

    private ClioFieldSelection(Map<String, ClioFieldSelection> names, boolean lenient) {
        this.names = names;
        this.lenient = lenient;
    }

    /**
     * The view of records shaped like {@code prototype} when no {@code fields} are asked for: the prototype's scalar
     * fields. Taken from the prototype rather than from each record, so that a nested record that is null on one record
     * (a matter without a practice area) is left out as it is where it is set, instead of showing as a null scalar.
     */
    static ClioFieldSelection defaultView(ObjectNode prototype) {
        Map<String, ClioFieldSelection> names = new LinkedHashMap<>();
        prototype.fields().forEachRemaining(f -> {
            if (!f.getValue().isContainerNode()) {
                names.put(f.getKey(), null);
            }
        });
        return new ClioFieldSelection(names, true);
    }

    /** The selection of a {@code fields} value; null means "no selection" (the default view). */
    static ClioFieldSelection parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        if (spec.length() > MAX_LENGTH) {
            throw ApiException.badRequest("fields is longer than " + MAX_LENGTH + " characters");
        }
        int[] pos = {0};
        ClioFieldSelection selection = parseList(spec, pos);
        if (pos[0] != spec.length()) {
            throw ApiException.badRequest("fields: unbalanced '}' at position " + pos[0] + " in '" + spec + "'");
        }
        return selection;
    }

    private static ClioFieldSelection parseList(String spec, int[] pos) {
        Map<String, ClioFieldSelection> names = new LinkedHashMap<>();
        StringBuilder name = new StringBuilder();
        while (pos[0] < spec.length()) {
            char c = spec.charAt(pos[0]);
            if (c == '{') {
                pos[0]++;
                ClioFieldSelection nested = parseList(spec, pos);
                if (pos[0] >= spec.length() || spec.charAt(pos[0]) != '}') {
                    throw ApiException.badRequest("fields: '{' after '" + name + "' is never closed in '" + spec + "'");
                }
                pos[0]++;
                put(names, name, nested, spec);
                name.setLength(0);
                continue;
            }
            if (c == '}') {
                break;
            }
            if (c == ',') {
                put(names, name, null, spec);
                name.setLength(0);
            } else if (!Character.isWhitespace(c)) {
                name.append(c);
            }
            pos[0]++;
        }
        put(names, name, null, spec);
        return new ClioFieldSelection(names);
    }

    private static void put(Map<String, ClioFieldSelection> names, StringBuilder name, ClioFieldSelection nested, String spec) {
        if (name.length() == 0) {
            if (nested != null) {
                throw ApiException.badRequest("fields: a '{…}' selection must follow a field name in '" + spec + "'");
            }
            return;
        }
        if (!name.toString().matches("[a-z_][a-z0-9_]*")) {
            throw ApiException.badRequest("fields: '" + name + "' is not a field name");
        }
        names.put(name.toString(), nested);
    }

    /**
     * The record as this selection shows it. {@code known} are the field names the resource has (beyond those stored on
     * it); a selected name outside both is refused with 400.
     */
    static JsonNode project(ObjectNode record, ClioFieldSelection selection, String resource, Set<String> known) {
        if (selection == null) {
            return scalars(record);
        }
        return selection.apply(record, resource, selection.lenient ? selection.names.keySet() : known);
    }

    private JsonNode apply(ObjectNode record, String resource, Set<String> known) {
        ObjectNode out = Json.object();
        for (Map.Entry<String, ClioFieldSelection> entry : names.entrySet()) {
            String name = entry.getKey();
            if (!record.has(name)) {
                if (known != null && known.contains(name)) {
                    out.putNull(name);
                    continue;
                }
                throw ApiException.badRequest("fields: " + resource + " has no field '" + name + "'");
            }
            out.set(name, nested(record.get(name), entry.getValue(), resource + "." + name));
        }
        return out;
    }

    private static JsonNode nested(JsonNode value, ClioFieldSelection selection, String resource) {
        if (value.isNull()) {
            return value;
        }
        if (value.isArray()) {
            ArrayNode items = Json.array();
            value.forEach(item -> items.add(nested(item, selection, resource)));
            return items;
        }
        if (!value.isObject()) {
            if (selection != null) {
                throw ApiException.badRequest("fields: " + resource + " is not a record, so it takes no '{…}' selection");
            }
            return value;
        }
        if (selection == null) {
            ObjectNode ref = Json.object();
            for (String name : new String[] {"id", "etag"}) {
                if (value.has(name)) {
                    ref.set(name, value.get(name));
                }
            }
            return ref;
        }
        return selection.apply((ObjectNode) value, resource, null);
    }

    /** The record's own scalar fields: what an answer shows when no {@code fields} are asked for. */
    private static ObjectNode scalars(ObjectNode record) {
        ObjectNode out = Json.object();
        Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isContainerNode()) {
                out.set(field.getKey(), field.getValue());
            }
        }
        return out;
    }

    /**
     * A webhook payload: the record as this selection shows it, a selected top-level field the record lacks shown as null
     * (a subscription may name fields Clio has that the sandbox does not keep, as a GET may).
     */
    JsonNode payload(ObjectNode record, String resource) {
        return apply(record, resource, Set.copyOf(names.keySet()));
    }

    /** Whether any of the selected (top-level) fields differ between two versions of a record. */
    boolean changed(JsonNode before, JsonNode after, String resource) {
        return !apply((ObjectNode) before, resource, Set.copyOf(names.keySet()))
                .equals(apply((ObjectNode) after, resource, Set.copyOf(names.keySet())));
    }
}
