package io.legalhub.jobs;

import java.time.OffsetDateTime;

/** A long operator action and how far it has got. */
public record OperatorJob(long id, String kind, String status, String actor, String parameters, int total, int done,
                          int succeeded, int failed, String message, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    public int percent() {
        return total == 0 ? ("running".equals(status) ? 0 : 100) : (int) Math.floor(100.0 * done / total);
    }
}
