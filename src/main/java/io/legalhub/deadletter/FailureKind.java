package io.legalhub.deadletter;

public enum FailureKind {
    /** Retried until the retry budget ran out (I/O, timeouts, 5xx, 429). */
    TRANSIENT("transient"),
    /** Retrying cannot help: validation, mapping, a 4xx rejection. */
    PERMANENT("permanent");

    private final String id;

    FailureKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
