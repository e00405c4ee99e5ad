package io.legalhub.delivery;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates the hub has sent (or is sending) whose outcome it does not know yet: written before the request, gone
 * with the cross-reference that records the new id. An intent found by a later attempt means the record may exist
 * already, so that attempt looks it up before creating it; an intent still in flight means another attempt is
 * waiting for the system's answer, so this one waits too (it would otherwise look up too early and create twice).
 * An intent in flight longer than the lease belongs to an attempt that ended without saying so (a crash).
 */
@Component
public class CreateIntents {

    /** What claiming a create found. */
    public enum Claim {
        /** No earlier attempt: the create is the only call. */
        FIRST,
        /** An earlier attempt's create has an unknown outcome: look the record up first. */
        EARLIER_UNKNOWN,
        /** Another attempt's create is on its way right now: wait for it. */
        OTHER_IN_FLIGHT
    }

    private final JdbcClient jdbc;
    private final Duration lease;

    public CreateIntents(JdbcClient jdbc, @Value("${hub.delivery.create-lease:40s}") Duration lease) {
        this.jdbc = jdbc;
        this.lease = lease;
    }

    /**
     * Writes the intent (in flight) in its own auto-committed statement, before the request leaves; one statement
     * in the normal path. An earlier intent is taken over only if its attempt is over or past the lease, in one
     * conditional update, so of two attempts claiming at once only one goes on.
     */
    public Claim claim(String system, String entity, String key) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            jdbc.sql("insert into create_intent (system_name, entity_type, hub_key, started_at, in_flight) values (:s, :e, :k, :t, true)")
                    .param("s", system).param("e", entity).param("k", key).param("t", now).update();
            return Claim.FIRST;
        } catch (DuplicateKeyException earlier) {
            int taken = jdbc.sql("update create_intent set started_at = :t, in_flight = true"
                            + " where system_name = :s and entity_type = :e and hub_key = :k and (in_flight = false or started_at < :stale)")
                    .param("s", system).param("e", entity).param("k", key).param("t", now).param("stale", now.minus(lease)).update();
            return taken == 1 ? Claim.EARLIER_UNKNOWN : Claim.OTHER_IN_FLIGHT;
        }
    }

    /** The attempt is over without an id (a failure, a timeout): the next one looks the record up at once. */
    public void settle(String system, String entity, String key) {
        jdbc.sql("update create_intent set in_flight = false where system_name = :s and entity_type = :e and hub_key = :k")
                .param("s", system).param("e", entity).param("k", key).update();
    }

    public void clear(String system, String entity, String key) {
        jdbc.sql("delete from create_intent where system_name = :s and entity_type = :e and hub_key = :k")
                .param("s", system).param("e", entity).param("k", key).update();
    }
}
