package io.legalhub.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON null as an absent property, for specs that never say {@code nullable} although the vendor sends
 * nulls (see {@link SpecDialect}). Array elements are kept: a null in a list is not an absent property.
 */
final class JsonNulls {

    private JsonNulls() {
    }

    /** A copy without the properties whose value is null, at any depth. */
    static JsonNode withoutNullProperties(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (field.getValue().isNull()) {
                    nulls.add(field.getKey());
                } else {
                    strip(field.getValue());
                }
            }
            object.remove(nulls);
        } else if (node instanceof ArrayNode array) {
            array.forEach(JsonNulls::strip);
        }
    }
}
