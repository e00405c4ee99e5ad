package io.legalhub.delivery;

/**
 * A record cannot be written to a target yet because another system does not hold it yet (e.g. the
 * e-discovery workspace needs the DMS workspace's id). Usually a matter of seconds: treated as transient.
 */
public class PrerequisiteMissing extends RuntimeException {
    public PrerequisiteMissing(String message) {
        super(message);
    }
}
