package io.legalhub.reconciliation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Compares what the hub would send a target (its mapping's output) with what the target holds, field by
 * field over the fields the mapping produces. A field the target leaves out counts as null; numbers
 * compare by value (1 equals 1.0), objects and arrays element by element.
 */
final class FieldComparison {

    private FieldComparison() {
    }

    static List<Difference> between(JsonNode expected, JsonNode actual, Set<String> ignored) {
        if (expected == null || !expected.isObject()) {
            throw new IllegalStateException("the mapping does not produce a JSON object, so its fields cannot be compared");
        }
        List<Difference> differences = new ArrayList<>();
        Iterator<String> fields = expected.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (ignored.contains(field)) {
                continue;
            }
            JsonNode hub = expected.get(field);
            if (hub.isTextual() && hub.asText().contains("${")) {
                // an id the writer fills in at write time (${id}, ${parts.x}): not something to compare
                continue;
            }
            JsonNode target = actual == null ? null : actual.get(field);
            if (!same(hub, target)) {
                differences.add(new Difference(field, hub, target == null ? NullNode.getInstance() : target));
            }
        }
        return differences;
    }

    static boolean same(JsonNode a, JsonNode b) {
        // an empty string is how some systems (iManage) clear a value: it compares as no value
        boolean aNull = a == null || a.isNull() || a.isMissingNode() || a.isTextual() && a.asText().isEmpty();
        boolean bNull = b == null || b.isNull() || b.isMissingNode() || b.isTextual() && b.asText().isEmpty();
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            return names.stream().allMatch(name -> same(a.get(name), b.get(name)));
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
