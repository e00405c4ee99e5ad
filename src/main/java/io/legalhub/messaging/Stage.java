package io.legalhub.messaging;

import java.util.Arrays;

/** The stages a record passes; a dead letter remembers its stage so a replay re-enters exactly there. */
public enum Stage {
    /** Source format to canonical, schema check, stale-version guard, fan-out. */
    CANONICALIZE("canonicalize"),
    /** Canonical to one target's format, written to that target. */
    DELIVER("deliver");

    private final String id;

    Stage(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String queueFor(String entity, String target) {
        return this == CANONICALIZE ? Queues.inbound(entity) : Queues.outbound(target, entity);
    }

    public static Stage of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown stage '" + id + "'"));
    }
}
