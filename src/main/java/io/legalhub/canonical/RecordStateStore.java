package io.legalhub.canonical;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The newest version of each record the hub has accepted from its source. */
@Component
public class RecordStateStore {

    private final JdbcClient jdbc;

    public RecordStateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record RecordState(String entity, String key, String sourceSystem, String sourceId, long sourceVersion,
                              String hash, String canonical) {
    }

    public Optional<RecordState> find(String entity, String key) {
        return jdbc.sql("select * from record_state where entity_type = :e and hub_key = :k")
                .param("e", entity).param("k", key)
                .query((rs, n) -> new RecordState(entity, key, rs.getString("source_system"), rs.getString("source_id"),
                        rs.getLong("source_version"), rs.getString("canonical_hash"), rs.getString("canonical")))
                .optional();
    }

    public List<RecordState> all(String entity) {
        return jdbc.sql("select * from record_state where entity_type = :e order by hub_key")
                .param("e", entity)
                .query((rs, n) -> new RecordState(entity, rs.getString("hub_key"), rs.getString("source_system"),
                        rs.getString("source_id"), rs.getLong("source_version"), rs.getString("canonical_hash"),
                        rs.getString("canonical")))
                .list();
    }

    /**
     * Stores the record unless a newer version is already stored.
     *
     * @return false when the stored version is newer (the incoming one is stale)
     */
    public boolean acceptIfNotOlder(RecordState state) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                update record_state set source_system = :sys, source_id = :id, source_version = :v, canonical_hash = :h,
                  canonical = :c, updated_at = :now
                where entity_type = :e and hub_key = :k and source_version <= :v""")
                .param("sys", state.sourceSystem()).param("id", state.sourceId()).param("v", state.sourceVersion())
                .param("h", state.hash()).param("c", state.canonical()).param("now", now)
                .param("e", state.entity()).param("k", state.key())
                .update();
        if (updated > 0) {
            return true;
        }
        if (find(state.entity(), state.key()).isPresent()) {
            return false;
        }
        try {
            jdbc.sql("""
                    insert into record_state (entity_type, hub_key, source_system, source_id, source_version, canonical_hash, canonical, updated_at)
                    values (:e, :k, :sys, :id, :v, :h, :c, :now)""")
                    .param("e", state.entity()).param("k", state.key()).param("sys", state.sourceSystem())
                    .param("id", state.sourceId()).param("v", state.sourceVersion()).param("h", state.hash())
                    .param("c", state.canonical()).param("now", now)
                    .update();
            return true;
        } catch (DuplicateKeyException raced) {
            return acceptIfNotOlder(state);
        }
    }
}
