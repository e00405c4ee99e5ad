package io.legalhub.deadletter;

import java.util.Arrays;

public enum DeadLetterStatus {
    /** Waiting for an operator. */
    OPEN("open"),
    /** Sent back to its stage; waiting for the outcome. */
    REPLAYING("replaying"),
    /** A replay went through. */
    REPLAYED("replayed"),
    /** A replay carried an older version than the target already has; nothing was applied. */
    SUPERSEDED("superseded"),
    /** Fixed outside the hub; closed by an operator. */
    RESOLVED("resolved"),
    /** Dropped on purpose by an operator, with a reason. */
    DISCARDED("discarded");

    private final String id;

    DeadLetterStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean isClosed() {
        return this == REPLAYED || this == SUPERSEDED || this == RESOLVED || this == DISCARDED;
    }

    public static DeadLetterStatus of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown status '" + id + "'; use one of open, replaying, replayed, superseded, resolved, discarded"));
    }
}
