package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Fields;
import io.legalhub.sandbox.http.Json;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The writable workspace profile fields of {@code createWorkspace} and {@code updateWorkspace}: their types,
 * lengths and the parent-child rules between custom fields. A request is checked as a whole and every problem is
 * reported at once. Internal.
 */
final class WorkspaceProfileRules {

    enum Kind { TEXT, NUMBER, DATE_TIME, BOOLEAN, USER, SECURITY, NAME }

    record Rule(Kind kind, int maxLength) {
    }

    static final List<String> DEFAULT_SECURITY = List.of("private", "view", "public");

    /** Lookups whose child can only be written together with its parent, e.g. a matter (custom2) with its client. */
    private static final List<List<String>> CHILD_AND_PARENT = List.of(List.of("custom2", "custom1"), List.of("custom30", "custom29"));

    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})");

    static final Map<String, Rule> RULES = rules();

    /** Fields only {@code createWorkspace} takes; the module reads them itself. */
    static final Set<String> CREATE_ONLY = Set.of("libraryId", "templateId", "createChildren");
    /** Fields only {@code updateWorkspace} takes. */
    static final Set<String> UPDATE_ONLY = Set.of("id");

    private WorkspaceProfileRules() {
    }

    private static Map<String, Rule> rules() {
        Map<String, Rule> r = new LinkedHashMap<>();
        r.put("name", new Rule(Kind.NAME, 254));
        r.put("owner", new Rule(Kind.USER, 63));
        r.put("description", new Rule(Kind.TEXT, 254));
        r.put("default_security", new Rule(Kind.SECURITY, 0));
        for (int i = 1; i <= 30; i++) {
            Kind k = i >= 17 && i <= 20 ? Kind.NUMBER : i >= 21 && i <= 24 ? Kind.DATE_TIME : i >= 25 && i <= 28 ? Kind.BOOLEAN : Kind.TEXT;
            r.put("custom" + i, new Rule(k, 0));
        }
        r.put("is_external_as_normal", new Rule(Kind.BOOLEAN, 0));
        for (int i = 1; i <= 3; i++) {
            r.put("project_custom" + i, new Rule(Kind.TEXT, 254));
        }
        r.put("subclass", new Rule(Kind.TEXT, 0));
        return r;
    }

    /**
     * Checks the body and writes its profile fields into {@code ws}. An empty string clears a text field (on
     * create: leaves it unset). Problems go to {@code f}; nothing is thrown.
     */
    static void apply(ObjectNode body, ObjectNode ws, boolean create, Fields f, ImanageDirectory directory) {
        Set<String> own = create ? CREATE_ONLY : UPDATE_ONLY;
        String operation = create ? "createWorkspace" : "updateWorkspace";
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = e.getKey();
            if (own.contains(field)) {
                continue;
            }
            Rule rule = RULES.get(field);
            if (rule == null) {
                f.invalid(field, "is not a field of " + operation);
                continue;
            }
            applyOne(field, rule, e.getValue(), ws, f, directory);
        }
        checkParents(body, f);
    }

    /** A child lookup field in the body needs its parent in the same body, with a value when the child has one. */
    static void checkParents(ObjectNode body, Fields f) {
        for (List<String> pair : CHILD_AND_PARENT) {
            String child = pair.get(0);
            String parent = pair.get(1);
            if (body.has(child) && (!body.has(parent) || (hasText(body, child) && !hasText(body, parent)))) {
                f.invalid(child, "needs " + parent + " in the same request, with a value when " + child + " has one ("
                        + child + " is a child of " + parent + " in iManage's lookup hierarchy)");
            }
        }
    }

    private static boolean hasText(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank();
    }

    private static void applyOne(String field, Rule rule, JsonNode v, ObjectNode ws, Fields f, ImanageDirectory directory) {
        switch (rule.kind()) {
            case NAME -> {
                String s = text(field, v, rule.maxLength(), f);
                if (s == null) {
                    return;
                }
                if (s.isEmpty() || !isProfileText(s)) {
                    f.invalid(field, s.isEmpty() ? "must not be empty" : "contains a character iManage does not allow (a backslash, a control character or a character outside the Basic Multilingual Plane)");
                } else {
                    ws.put(field, s);
                }
            }
            case USER -> {
                String s = text(field, v, rule.maxLength(), f);
                if (s == null) {
                    return;
                }
                if (s.isEmpty()) {
                    f.invalid(field, "must not be empty");
                } else {
                    directory.user(s).ifPresentOrElse(u -> ws.put(field, u.id()),
                            () -> f.invalid(field, "'" + s + "' is not a user id of library " + ImanageDirectory.LIBRARY
                                    + " (user ids look like ARIVERA, not e-mail addresses)"));
                }
            }
            case TEXT -> {
                String s = text(field, v, rule.maxLength(), f);
                if (s == null) {
                    return;
                }
                if (s.isEmpty()) {
                    ws.remove(field);
                } else {
                    ws.put(field, s);
                }
            }
            case SECURITY -> {
                if (v.isTextual() && DEFAULT_SECURITY.contains(v.asText())) {
                    ws.put(field, v.asText());
                } else {
                    f.invalid(field, "must be one of " + String.join(", ", DEFAULT_SECURITY) + ", got " + v);
                }
            }
            case NUMBER -> {
                if (v.isNumber()) {
                    ws.set(field, v);
                } else {
                    f.invalid(field, "must be a number, got " + v);
                }
            }
            case BOOLEAN -> {
                if (v.isBoolean()) {
                    ws.put(field, v.booleanValue());
                } else {
                    f.invalid(field, "must be true or false, got " + v);
                }
            }
            case DATE_TIME -> {
                String ts = v.isTextual() ? dateTime(v.asText().trim()) : null;
                if (ts == null) {
                    f.invalid(field, "must be an ISO-8601 date-time with a zone, such as 2026-01-15T09:30:00Z, got " + v);
                } else {
                    ws.put(field, ts);
                }
            }
            default -> throw new IllegalStateException(rule.kind().name());
        }
    }

    /** The trimmed string, or null (after reporting) when the value is not a string or too long. */
    private static String text(String field, JsonNode v, int maxLength, Fields f) {
        if (!v.isTextual()) {
            f.invalid(field, "must be a string, got " + v);
            return null;
        }
        String s = v.asText().trim();
        if (maxLength > 0 && s.length() > maxLength) {
            f.invalid(field, "must be at most " + maxLength + " characters, got " + s.length());
            return null;
        }
        return s;
    }

    /** An ISO-8601 date-time with a zone in the sandbox's timestamp format, or null. */
    static String dateTime(String s) {
        if (!DATE_TIME.matcher(s).matches()) {
            return null;
        }
        String withColon = s.matches(".*[+-]\\d{4}$") ? s.substring(0, s.length() - 2) + ":" + s.substring(s.length() - 2) : s;
        Instant i = Json.parseInstant(withColon);
        return i == null ? null : Json.ts(i);
    }

    /**
     * Names and owners in iManage are printable text: not blank, no backslash, no control character other than
     * white space, nothing in the private-use or non-character ranges and nothing outside the Basic Multilingual Plane.
     */
    static boolean isProfileText(String s) {
        if (s.isBlank()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 0x20 && c < 0x7F && c != '\\')
                    || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r'
                    || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFEF);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
