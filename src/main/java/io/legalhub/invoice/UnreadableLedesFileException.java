package io.legalhub.invoice;

/** A dropped file the hub cannot read as text at all; it is moved to .failed and dead-lettered. */
public class UnreadableLedesFileException extends RuntimeException {

    public UnreadableLedesFileException(String message) {
        super(message);
    }
}
