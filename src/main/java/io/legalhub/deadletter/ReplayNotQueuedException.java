package io.legalhub.deadletter;

public class ReplayNotQueuedException extends RuntimeException {
    public ReplayNotQueuedException(long id, Throwable cause) {
        super("Dead letter " + id + " could not be replayed: the broker did not accept the message; it is still open", cause);
    }
}
