package io.legalhub.deadletter;

public class DeadLetterNotFoundException extends RuntimeException {
    public DeadLetterNotFoundException(long id) {
        super("No dead letter with id " + id);
    }
}
