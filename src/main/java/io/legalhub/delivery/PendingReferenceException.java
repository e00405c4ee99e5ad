package io.legalhub.delivery;

/**
 * A record points to a record the hub knows but has not yet written to this target (a production for a
 * matter whose DMS workspace is still being provisioned): likely to resolve by itself, so it is retried
 * like a transient failure, and dead-lettered as transient if it does not.
 */
public class PendingReferenceException extends UnknownReferenceException {

    public PendingReferenceException(String message, String pointer) {
        super(message, pointer);
    }
}
