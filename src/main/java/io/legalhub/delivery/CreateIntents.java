package io.legalhub.delivery;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates whose outcome the hub may not know: an intent is written before a create request and removed once the
 * new record's id is saved (or the target refused it outright). An intent still standing means the request may
 * have created the record, so the next attempt looks it up by its business key first.
 */
@Component
public class CreateIntents {

    private final JdbcClient jdbc;

    public CreateIntents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the intent in its own (auto-committed) statement, before the request leaves; false when an earlier
     * attempt's intent still stands (one statement either way: the normal path costs no extra read).
     */
    public boolean record(String system, String entity, String key) {
        try {
            jdbc.sql("insert into create_intent (system_name, entity_type, hub_key, started_at) values (:s, :e, :k, :t)")
                    .param("s", system).param("e", entity).param("k", key).param("t", OffsetDateTime.now(ZoneOffset.UTC)).update();
            return true;
        } catch (DuplicateKeyException earlier) {
            return false;
        }
    }

    public void clear(String system, String entity, String key) {
        jdbc.sql("delete from create_intent where system_name = :s and entity_type = :e and hub_key = :k")
                .param("s", system).param("e", entity).param("k", key).update();
    }
}
