package io.legalhub.reconciliation;

/** Refused: a reconciliation run is running (one at a time), or the run asked about has not finished. */
public class RunInProgressException extends RuntimeException {
    public RunInProgressException(String message) {
        super(message);
    }
}
