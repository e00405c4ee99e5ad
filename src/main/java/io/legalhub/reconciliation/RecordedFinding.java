package io.legalhub.reconciliation;

import java.time.OffsetDateTime;

/** A stored finding with its id and whether (and by whom) a re-sync of it was requested. */
public record RecordedFinding(long id, long runId, Finding finding, OffsetDateTime resyncRequestedAt, String resyncRequestedBy) {
}
