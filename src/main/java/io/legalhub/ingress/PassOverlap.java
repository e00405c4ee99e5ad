package io.legalhub.ingress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Consecutive passes overlap on purpose (the next one starts a second before this one began, since HTTP dates
 * have whole seconds), so records changed in that second are listed twice. The position remembers the version of
 * each record listed in the overlap ({@code seen}: the previous pass's, {@code seenNext}: this pass's), and a record
 * listed again unchanged is not queued again: no second canonicalization, no second enrichment call. A record with
 * neither an etag, a version nor an updated_at is always queued.
 */
final class PassOverlap {

    /** Records remembered per pass at most: beyond that, the rest of the overlap is queued again (as before). */
    static final int LIMIT = 5_000;

    private PassOverlap() {
    }

    /** Whether the previous pass queued this very version of the record. */
    static boolean repeated(ObjectNode position, String id, String fingerprint) {
        return fingerprint != null && fingerprint.equals(position.path("seen").path(id).asText(null));
    }

    /** Remembers the record if the next pass will list it again (changed at or after this pass's watermark). */
    static void remember(ObjectNode position, String id, String fingerprint, JsonNode record) {
        Instant changed = instant(record.path("updated_at").asText(null));
        Instant nextWatermark = instant(position.path("passStartedAt").asText(null));
        if (fingerprint == null || id.isBlank() || changed == null || nextWatermark == null || changed.isBefore(nextWatermark)) {
            return;
        }
        ObjectNode next = position.has("seenNext") ? (ObjectNode) position.get("seenNext") : position.putObject("seenNext");
        if (next.size() < LIMIT || next.has(id)) {
            next.put(id, fingerprint);
        }
    }

    /** The pass is complete: what it remembered is what the next pass compares with. */
    static void passComplete(ObjectNode position) {
        JsonNode next = position.remove("seenNext");
        if (next == null || next.isEmpty()) {
            position.remove("seen");
        } else {
            position.set("seen", next);
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
