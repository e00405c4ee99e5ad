package io.legalhub.production.drop;

import io.legalhub.deadletter.Pinpointed;

/** A dropped production the hub cannot read at all: a load file never came, or no matter is named. */
public class IncompleteProductionException extends RuntimeException implements Pinpointed {

    private final String file;

    public IncompleteProductionException(String message, String file) {
        super(message);
        this.file = file;
    }

    @Override
    public Integer failedLine() {
        return null;
    }

    /** The file at fault (the missing one), e.g. GBX001.opt. */
    @Override
    public String failedField() {
        return file;
    }
}
