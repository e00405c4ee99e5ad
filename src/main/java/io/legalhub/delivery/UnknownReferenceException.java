package io.legalhub.delivery;

import io.legalhub.deadletter.Pinpointed;

/**
 * A record points to another record (a document to its matter) that the hub cannot find in the target:
 * writing it there would leave it orphaned, so it waits as a dead letter until the other record exists.
 */
public class UnknownReferenceException extends RuntimeException implements Pinpointed {

    private final String pointer;

    public UnknownReferenceException(String message, String pointer) {
        super(message);
        this.pointer = pointer;
    }

    @Override
    public Integer failedLine() {
        return null;
    }

    /** The canonical field holding the unknown key, e.g. "matterKey". */
    @Override
    public String failedField() {
        return pointer.startsWith("/") ? pointer.substring(1).replace('/', '.') : pointer;
    }
}
