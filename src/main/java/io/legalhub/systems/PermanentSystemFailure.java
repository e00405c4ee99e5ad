package io.legalhub.systems;

/** A 4xx other than 408/425/429: the system refused this request and will refuse it again until someone acts. */
public final class PermanentSystemFailure extends SystemFailure {

    private final String reason;

    public PermanentSystemFailure(String system, int status, String reason) {
        super(system, status, system + " rejected the request (HTTP " + status + "): " + reason, null);
        this.reason = reason;
    }

    /** The system's own explanation, as it gave it. */
    public String reason() {
        return reason;
    }
}
