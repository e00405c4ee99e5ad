package io.legalhub.deadletter;

import java.time.OffsetDateTime;

/** Filters for listing dead letters; null means "any". */
public record DeadLetterQuery(
        DeadLetterStatus status,
        String system,
        String sourceSystem,
        String target,
        String entityType,
        String errorClass,
        String keyContains,
        OffsetDateTime from,
        OffsetDateTime to) {

    public static DeadLetterQuery any() {
        return new DeadLetterQuery(null, null, null, null, null, null, null, null, null);
    }
}
