package io.legalhub.contract;

import java.util.IdentityHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Kepler writes a .NET {@code object} member (a field value: text, number, date, a choice or an object reference)
 * as {@code type: object} with no properties, e.g. Object Manager's {@code FieldValuePair.Value}. On the wire it is
 * any JSON value ({@code "Value": "LEGAL!1001"} for a text field). Read as meant: such a schema accepts any value.
 */
final class KeplerAnyValues {

    private KeplerAnyValues() {
    }

    static void readAsAnyValue(OpenAPI api) {
        Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(s -> walk(s, seen));
        }
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().values().forEach(m -> walk(m.getSchema(), seen));
                }
                if (op.getResponses() != null) {
                    op.getResponses().values().forEach(r -> {
                        if (r.getContent() != null) {
                            r.getContent().values().forEach(m -> walk(m.getSchema(), seen));
                        }
                    });
                }
            }));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void walk(Schema<?> schema, Map<Schema<?>, Boolean> seen) {
        if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        if (schema.getProperties() != null) {
            for (Map.Entry<String, Schema> property : ((Map<String, Schema>) (Map) schema.getProperties()).entrySet()) {
                Schema value = property.getValue();
                if (value != null && "object".equals(value.getType()) && (value.getProperties() == null || value.getProperties().isEmpty())
                        && value.get$ref() == null && value.getAdditionalProperties() == null) {
                    // "any value": no type at all
                    property.setValue(new Schema<>().description(value.getDescription()));
                } else {
                    walk(value, seen);
                }
            }
        }
        walk(schema.getItems(), seen);
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(s -> walk(s, seen));
        }
    }
}
