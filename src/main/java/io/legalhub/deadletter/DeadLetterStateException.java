package io.legalhub.deadletter;

/** The action does not fit the dead letter's current status (e.g. replaying one that was discarded). */
public class DeadLetterStateException extends RuntimeException {
    public DeadLetterStateException(String message) {
        super(message);
    }
}
