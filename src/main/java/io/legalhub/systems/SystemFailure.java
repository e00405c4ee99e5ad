package io.legalhub.systems;

/** A call to a connected system failed. Subclasses say whether trying again can help. */
public abstract sealed class SystemFailure extends RuntimeException
        permits TransientSystemFailure, PermanentSystemFailure {

    private final String system;
    private final int status;

    protected SystemFailure(String system, int status, String message, Throwable cause) {
        super(message, cause);
        this.system = system;
        this.status = status;
    }

    public String system() {
        return system;
    }

    /** HTTP status, or 0 when no answer came (I/O error, timeout, circuit open). */
    public int status() {
        return status;
    }
}
