package io.legalhub.delivery;

import io.legalhub.deadletter.Pinpointed;

/**
 * A record names a matter the hub has no id for in the target: a permanent failure (retrying will not make the
 * matter known), dead-lettered so it can be replayed once the matter has reached the hub.
 */
public class UnknownMatterException extends RuntimeException implements Pinpointed {

    public UnknownMatterException(String matterKey, String target, String entity) {
        super("matter " + matterKey + " is not known in " + target.replace('-', ' ') + ": the hub holds no id of it there,"
                + " so the " + entity + " cannot name its matter. Replay this dead letter once the hub knows the matter"
                + " in " + target.replace('-', ' '));
    }

    @Override
    public Integer failedLine() {
        return null;
    }

    @Override
    public String failedField() {
        return "matterKey";
    }
}
