package io.legalhub.delivery;

/**
 * Another attempt at the same record is creating it in the target right now (the broker handed the record's
 * message to a second consumer, e.g. after a reconnect). Waiting for its outcome, like any prerequisite: usually
 * a matter of a second, after which the record's id is known and this attempt updates it.
 */
public class CreateInFlight extends PrerequisiteMissing {
    public CreateInFlight(String message) {
        super(message);
    }
}
