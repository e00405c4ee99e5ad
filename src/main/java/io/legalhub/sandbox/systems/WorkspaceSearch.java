package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Fields;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The filter of {@code searchWorkspaces}. Every given filter must match (case-insensitively): {@code name} and
 * {@code description} contain the text, {@code anywhere} is contained in any profile value, custom13–16 match
 * with {@code *} wildcards and partially, the other custom fields exactly, custom21–24 through inclusive
 * {@code _from}/{@code _to} bounds. An empty string filters nothing. Internal.
 */
final class WorkspaceSearch {

    private WorkspaceSearch() {
    }

    /** Reads the body's filters (reporting problems to {@code f}) and returns a predicate over stored workspaces. */
    static Predicate<ObjectNode> parse(ObjectNode body, Fields f) {
        List<Predicate<ObjectNode>> all = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            if (field.equals("libraryId")) {
                continue;
            }
            Predicate<ObjectNode> p = filter(field, v, f);
            if (p != null) {
                all.add(p);
            }
        }
        if (body.has("custom30") && !body.has("custom29")) {
            f.invalid("custom30", "needs custom29 in the same request (custom30 is a child of custom29 in iManage's lookup hierarchy)");
        }
        return ws -> all.stream().allMatch(p -> p.test(ws));
    }

    private static Predicate<ObjectNode> filter(String field, JsonNode v, Fields f) {
        Integer custom = customNumber(field);
        String base = field.replaceFirst("_(from|to)$", "");
        Integer ranged = field.equals(base) ? null : customNumber(base);
        if (ranged != null && ranged >= 21 && ranged <= 24) {
            String bound = v.isTextual() ? WorkspaceProfileRules.dateTime(v.asText().trim()) : null;
            if (bound == null) {
                f.invalid(field, "must be an ISO-8601 date-time with a zone, got " + v);
                return null;
            }
            boolean from = field.endsWith("_from");
            return ws -> {
                String value = ws.path(base).asText(null);
                return value != null && (from ? value.compareTo(bound) >= 0 : value.compareTo(bound) <= 0);
            };
        }
        if (custom != null && custom >= 25 && custom <= 28) {
            if (!v.isBoolean()) {
                f.invalid(field, "must be true or false, got " + v);
                return null;
            }
            boolean wanted = v.booleanValue();
            return ws -> ws.path(field).isBoolean() && ws.path(field).booleanValue() == wanted;
        }
        boolean known = (custom != null && !(custom >= 21 && custom <= 24))
                || List.of("name", "owner", "anywhere", "description", "subclass").contains(field);
        if (!known) {
            f.invalid(field, "is not a filter of searchWorkspaces");
            return null;
        }
        if (!v.isTextual()) {
            f.invalid(field, "must be a string, got " + v);
            return null;
        }
        String q = v.asText().trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return null;
        }
        return switch (field) {
            case "name", "description" -> ws -> lower(ws, field).contains(q);
            case "anywhere" -> ws -> anywhere(ws, q);
            case "owner", "subclass" -> ws -> lower(ws, field).equals(q);
            default -> customFilter(field, custom, q, f);
        };
    }

    private static Predicate<ObjectNode> customFilter(String field, int n, String q, Fields f) {
        if (n >= 13 && n <= 16) {
            Pattern p = Pattern.compile(".*" + String.join(".*", quoteParts(q)) + ".*", Pattern.DOTALL);
            return ws -> p.matcher(lower(ws, field)).matches();
        }
        if (n >= 17 && n <= 20) {
            BigDecimal wanted;
            try {
                wanted = new BigDecimal(q);
            } catch (NumberFormatException e) {
                f.invalid(field, "must be a number written as a string, got '" + q + "'");
                return null;
            }
            return ws -> ws.path(field).isNumber() && ws.path(field).decimalValue().compareTo(wanted) == 0;
        }
        return ws -> lower(ws, field).equals(q);
    }

    private static List<String> quoteParts(String q) {
        List<String> parts = new ArrayList<>();
        for (String part : q.split("\\*", -1)) {
            parts.add(Pattern.quote(part));
        }
        return parts;
    }

    private static String lower(ObjectNode ws, String field) {
        JsonNode v = ws.get(field);
        return v == null || v.isNull() ? "" : v.asText().toLowerCase(Locale.ROOT);
    }

    /** Searches the profile's own values, not the sandbox's bookkeeping (ACL, folders, name-value pairs). */
    private static boolean anywhere(ObjectNode ws, String q) {
        for (String field : WorkspaceProfileRules.RULES.keySet()) {
            if (lower(ws, field).contains(q)) {
                return true;
            }
        }
        return lower(ws, "id").contains(q);
    }

    /** {@code custom7} → 7; anything else → null. */
    private static Integer customNumber(String field) {
        if (!field.startsWith("custom") || field.length() > 8) {
            return null;
        }
        String digits = field.substring("custom".length());
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int n = Integer.parseInt(digits);
        return n >= 1 && n <= 30 ? n : null;
    }
}
