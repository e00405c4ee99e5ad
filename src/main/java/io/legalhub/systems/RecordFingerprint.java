package io.legalhub.systems;

import com.fasterxml.jackson.databind.JsonNode;

/** What changes whenever a system's record changes: its etag, else its version, else its updated_at (null: none). */
public final class RecordFingerprint {

    private static final String[] FIELDS = {"etag", "version", "updated_at"};

    private RecordFingerprint() {
    }

    public static String of(JsonNode record) {
        for (String field : FIELDS) {
            JsonNode value = record.get(field);
            if (value != null && !value.isNull() && !value.asText().isBlank()) {
                return field + ":" + value.asText();
            }
        }
        return null;
    }
}
