package io.legalhub.delivery;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What each target last received for each record: source version and a hash of the payload sent. */
@Component
public class DeliveryStateStore {

    private final JdbcClient jdbc;

    public DeliveryStateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record DeliveryState(long sourceVersion, String contentHash, String targetId) {
    }

    public Optional<DeliveryState> find(String entity, String key, String target) {
        return jdbc.sql("select source_version, content_hash, target_id from delivery_state where entity_type = :e and hub_key = :k and target = :t")
                .param("e", entity).param("k", key).param("t", target)
                .query((rs, n) -> new DeliveryState(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Records a delivery unless the target already holds a newer version. */
    public void record(String entity, String key, String target, long version, String hash, String targetId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                update delivery_state set source_version = :v, content_hash = :h, target_id = coalesce(:id, target_id), delivered_at = :now
                where entity_type = :e and hub_key = :k and target = :t and source_version <= :v""")
                .param("v", version).param("h", hash).param("id", targetId).param("now", now)
                .param("e", entity).param("k", key).param("t", target)
                .update();
        if (updated > 0 || find(entity, key, target).isPresent()) {
            return;
        }
        try {
            jdbc.sql("""
                    insert into delivery_state (entity_type, hub_key, target, source_version, content_hash, target_id, delivered_at)
                    values (:e, :k, :t, :v, :h, :id, :now)""")
                    .param("e", entity).param("k", key).param("t", target).param("v", version).param("h", hash)
                    .param("id", targetId).param("now", now)
                    .update();
        } catch (DuplicateKeyException raced) {
            record(entity, key, target, version, hash, targetId);
        }
    }
}
