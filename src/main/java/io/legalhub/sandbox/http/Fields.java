package io.legalhub.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects validation problems of one JSON object and answers them together as one 422 whose message
 * names every missing or invalid field. Internal.
 */
public final class Fields {

    private final ObjectNode node;
    private final String prefix;
    private final LinkedHashSet<String> missing = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();
    private final LinkedHashSet<String> badFields = new LinkedHashSet<>();

    public Fields(ObjectNode node) {
        this(node, "");
    }

    public Fields(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    public ObjectNode node() {
        return node;
    }

    /** True when the field is present, even as JSON null. */
    public boolean has(String name) {
        return node.has(name);
    }

    public boolean isNull(String name) {
        return node.has(name) && node.get(name).isNull();
    }

    private String n(String name) {
        return prefix + name;
    }

    public void missing(String name) {
        missing.add(n(name));
    }

    public void invalid(String name, String problem) {
        badFields.add(n(name));
        problems.add(n(name) + " " + problem);
    }

    /** Takes over the problems of a nested object's validator (whose prefix already names the path). */
    public void absorb(Fields child) {
        missing.addAll(child.missing);
        problems.addAll(child.problems);
        badFields.addAll(child.badFields);
    }

    public boolean ok() {
        return missing.isEmpty() && problems.isEmpty();
    }

    /** A string field; required means present, not null and not blank. */
    public String text(String name, boolean required) {
        return text(name, required, 10_000);
    }

    public String text(String name, boolean required, int maxLength) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                missing(name);
            }
            return null;
        }
        if (!v.isTextual()) {
            invalid(name, "must be a string, got " + Request.kind(v));
            return null;
        }
        String s = v.asText().trim();
        if (s.isEmpty()) {
            if (required) {
                missing(name);
            }
            return null;
        }
        if (s.length() > maxLength) {
            invalid(name, "must be at most " + maxLength + " characters");
            return null;
        }
        return s;
    }

    /** A string out of a fixed set, matched case-insensitively and returned in its canonical spelling. */
    public String oneOf(String name, boolean required, String defaultValue, List<String> allowed) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                missing(name);
            }
            return defaultValue;
        }
        if (v.isTextual()) {
            for (String a : allowed) {
                if (a.equalsIgnoreCase(v.asText().trim())) {
                    return a;
                }
            }
        }
        invalid(name, "must be one of " + String.join(", ", allowed) + ", got " + v);
        return defaultValue;
    }

    public Boolean bool(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            invalid(name, "must be true or false, got " + v);
            return null;
        }
        return v.booleanValue();
    }

    /** A calendar date {@code YYYY-MM-DD}. */
    public LocalDate date(String name, boolean required) {
        String s = text(name, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            invalid(name, "must be a date YYYY-MM-DD, got '" + s + "'");
            return null;
        }
    }

    /** An ISO-8601 instant, returned in the sandbox timestamp format. */
    public String timestamp(String name, boolean required) {
        String s = text(name, required);
        if (s == null) {
            return null;
        }
        Instant i = Json.parseInstant(s);
        if (i == null) {
            invalid(name, "must be an ISO-8601 timestamp, got '" + s + "'");
            return null;
        }
        return Json.ts(i);
    }

    public BigDecimal decimal(String name, boolean required) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                missing(name);
            }
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        invalid(name, "must be a number, got " + v);
        return null;
    }

    public Long integer(String name, boolean required, long min, long max) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                missing(name);
            }
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            invalid(name, "must be an integer, got " + v);
            return null;
        }
        long l = v.longValue();
        if (l < min || l > max) {
            invalid(name, "must be between " + min + " and " + max + ", got " + l);
            return null;
        }
        return l;
    }

    /** The integer {@code id} inside an object field such as {@code "client": {"id": 501}}. */
    public Long refId(String name, boolean required) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                missing(name + ".id");
            }
            return null;
        }
        if (!v.isObject()) {
            invalid(name, "must be an object like {\"id\": 123}, got " + Request.kind(v));
            return null;
        }
        JsonNode id = v.get("id");
        if (id == null || id.isNull()) {
            if (required) {
                missing(name + ".id");
            } else {
                invalid(name + ".id", "is missing");
            }
            return null;
        }
        if (id.isIntegralNumber()) {
            return id.longValue();
        }
        if (id.isTextual() && id.asText().matches("\\d{1,18}")) {
            return Long.parseLong(id.asText());
        }
        invalid(name + ".id", "must be an integer, got " + id);
        return null;
    }

    /** Flags every field that is neither allowed nor ignored (read-only fields a client may echo back). */
    public void rejectUnknown(Set<String> allowed, Set<String> ignored) {
        Iterator<String> it = node.fieldNames();
        List<String> unknown = new ArrayList<>();
        while (it.hasNext()) {
            String f = it.next();
            if (!allowed.contains(f) && !ignored.contains(f)) {
                unknown.add(f);
            }
        }
        for (String f : unknown) {
            invalid(f, "is not a known field");
        }
    }

    /** Throws one 422 naming all problems found so far. */
    public void check() {
        check(422);
    }

    /** Like {@link #check()}, for APIs whose vendor reports invalid requests with another status (iManage: 400). */
    public void check(int status) {
        if (ok()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing required field(s): " + String.join(", ", missing));
        }
        parts.addAll(problems);
        List<String> all = new ArrayList<>(missing);
        all.addAll(badFields);
        throw new ApiException(status, "ValidationFailed", "validation failed: " + String.join("; ", parts), all);
    }
}
