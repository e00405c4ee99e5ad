package io.legalhub.deadletter;

/** What went wrong, as recorded when a message is dead-lettered. */
public record Failure(
        String messageId,
        String entityType,
        String recordKey,
        Long sourceVersion,
        String sourceSystem,
        String target,
        String stage,
        String routeId,
        String endpoint,
        FailureKind kind,
        String errorClass,
        String errorMessage,
        String causeChain,
        Integer failedLine,
        String failedField,
        int attempts,
        String body,
        String headers) {
}
