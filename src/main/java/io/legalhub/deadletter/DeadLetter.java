package io.legalhub.deadletter;

import java.time.OffsetDateTime;

/** A message the hub could not deliver, with everything needed to understand it and replay it. */
public record DeadLetter(
        long id,
        String messageId,
        DeadLetterStatus status,
        String entityType,
        String recordKey,
        Long sourceVersion,
        String sourceSystem,
        String target,
        String stage,
        String routeId,
        String endpoint,
        String failureKind,
        String errorClass,
        String errorMessage,
        String causeChain,
        Integer failedLine,
        String failedField,
        int attempts,
        String body,
        String headers,
        OffsetDateTime firstFailedAt,
        OffsetDateTime lastFailedAt,
        int replayCount,
        OffsetDateTime lastReplayedAt,
        OffsetDateTime updatedAt) {
}
