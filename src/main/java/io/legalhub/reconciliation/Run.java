package io.legalhub.reconciliation;

import java.time.OffsetDateTime;

/** One reconciliation run as stored: who or what started it, for which systems, and how it ended. */
public record Run(long id, RunStatus status, String startedBy, String trigger, String systemFilter,
                  OffsetDateTime startedAt, OffsetDateTime heartbeatAt, OffsetDateTime finishedAt, String failureReason) {

    public static final String TRIGGER_API = "api";
    public static final String TRIGGER_SCHEDULE = "schedule";
}
