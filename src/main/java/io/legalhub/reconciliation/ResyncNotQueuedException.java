package io.legalhub.reconciliation;

/** The broker did not take a re-sync message; the records before it were queued. */
public class ResyncNotQueuedException extends RuntimeException {
    public ResyncNotQueuedException(String message, Throwable cause) {
        super(message, cause);
    }
}
