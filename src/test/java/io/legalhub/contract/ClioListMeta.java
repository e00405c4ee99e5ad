package io.legalhub.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Clio's list answers carry paging metadata that its spec does not show: every {@code *_List} schema is
 * {@code {"data":[…]}}, but Clio answers {@code {"data":[…],"meta":{"paging":{"previous","next"},"records":n}}}
 * (its "Paging" documentation, outside the spec), and the hub's cursor poll follows {@code meta.paging.next}.
 * So a list answer, and only a list answer, may carry exactly that {@code meta}.
 */
final class ClioListMeta {

    static final String META = "meta";
    private static final Set<String> META_FIELDS = Set.of("paging", "records");
    private static final Set<String> PAGING_FIELDS = Set.of("previous", "next");

    private ClioListMeta() {
    }

    /** A list answer is one whose {@code data} is an array. */
    static boolean isListAnswer(JsonNode body) {
        return body != null && body.path("data").isArray();
    }

    /** What is wrong with the {@code meta} of a list answer, if it has one. */
    static List<Violation> problemsIn(JsonNode body, String method, String path) {
        List<Violation> found = new ArrayList<>();
        JsonNode meta = body.get(META);
        if (meta == null || meta.isNull()) {
            return found;
        }
        if (!meta.isObject()) {
            found.add(new Violation(method, path, "answer body", "/meta", "Clio's paging meta must be an object"));
            return found;
        }
        for (Map.Entry<String, JsonNode> field : meta.properties()) {
            if (!META_FIELDS.contains(field.getKey())) {
                found.add(new Violation(method, path, "answer body", "/meta/" + field.getKey(),
                        "unknown property '" + field.getKey() + "': Clio's paging meta has only paging and records"));
            }
        }
        JsonNode records = meta.get("records");
        if (records != null && !records.isNull() && !records.isIntegralNumber()) {
            found.add(new Violation(method, path, "answer body", "/meta/records", "records must be an integer"));
        }
        JsonNode paging = meta.get("paging");
        if (paging != null && !paging.isNull()) {
            if (!paging.isObject()) {
                found.add(new Violation(method, path, "answer body", "/meta/paging", "paging must be an object"));
                return found;
            }
            for (Map.Entry<String, JsonNode> field : paging.properties()) {
                if (!PAGING_FIELDS.contains(field.getKey())) {
                    found.add(new Violation(method, path, "answer body", "/meta/paging/" + field.getKey(),
                            "unknown property '" + field.getKey() + "': Clio's paging has only previous and next"));
                } else if (!field.getValue().isTextual() && !field.getValue().isNull()) {
                    found.add(new Violation(method, path, "answer body", "/meta/paging/" + field.getKey(),
                            field.getKey() + " must be a URL (a string)"));
                }
            }
        }
        return found;
    }
}
