package io.legalhub.journal;

/** The steps a record's trail can show, in the words operators use. */
public enum Step {
    RECEIVED("received"),
    CANONICALIZED("canonicalized"),
    DELIVERED("delivered"),
    UNCHANGED("unchanged"),
    SUPERSEDED("superseded"),
    HELD("held"),
    FAILED("failed"),
    REPLAY_REQUESTED("replay-requested"),
    RESYNC_REQUESTED("resync-requested"),
    REPLAYED("replayed"),
    DISCARDED("discarded"),
    RESOLVED("resolved");

    private final String id;

    Step(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
