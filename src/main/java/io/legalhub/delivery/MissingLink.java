package io.legalhub.delivery;

/** The target record a write must go to is not known to the hub (no cross-reference); someone must act. */
public class MissingLink extends RuntimeException {
    public MissingLink(String message) {
        super(message);
    }
}
