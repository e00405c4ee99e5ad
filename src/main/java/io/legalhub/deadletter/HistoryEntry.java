package io.legalhub.deadletter;

import java.time.OffsetDateTime;

public record HistoryEntry(OffsetDateTime at, String actor, String action, String detail) {
}
