package io.legalhub.deadletter;

/** A failure that knows where in the input it happened, so the dead letter can name the line and field. */
public interface Pinpointed {

    /** 1-based line in the input, when the input has lines. */
    Integer failedLine();

    /** The field (or JSON path) at fault. */
    String failedField();
}
