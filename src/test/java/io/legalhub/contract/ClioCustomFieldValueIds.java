package io.legalhub.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * In request bodies the spec declares a custom field value's {@code id} an integer, while its own text
 * (#/tags/41 and #/tags/19, "Update": {@code { id: "text_line-1", value: "Updated value" }}) and the answer schema
 * ({@code CustomFieldValue_base.id}: string) show the composite string id Clio gives values. Read as documented: the
 * id in {@code custom_field_values} of a request is a string.
 */
final class ClioCustomFieldValueIds {

    private ClioCustomFieldValueIds() {
    }

    static void readAsDocumented(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(path -> path.readOperations().forEach(ClioCustomFieldValueIds::fix));
    }

    private static void fix(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        operation.getRequestBody().getContent().values().forEach(media -> {
            Schema<?> body = media.getSchema();
            Schema<?> data = body == null || body.getProperties() == null ? null : (Schema<?>) body.getProperties().get("data");
            Schema<?> values = data == null || data.getProperties() == null ? null : (Schema<?>) data.getProperties().get("custom_field_values");
            Schema<?> item = values == null ? null : values.getItems();
            if (item != null && item.getProperties() != null && item.getProperties().containsKey("id")) {
                StringSchema id = new StringSchema();
                id.setDescription("the custom field value's composite id, e.g. text_line-1 (#/tags/41)");
                item.getProperties().put("id", id);
            }
        });
    }
}
