package io.legalhub.checkpoint;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Where each incremental poll is: per source system and entity, an opaque position saved after every page. */
@Component
public class CheckpointStore {

    private final JdbcClient jdbc;

    public CheckpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Checkpoint(String sourceSystem, String entity, String position, OffsetDateTime updatedAt) {
    }

    public Optional<String> position(String system, String entity) {
        return jdbc.sql("select position from checkpoint where source_system = :s and entity_type = :e")
                .param("s", system).param("e", entity).query(String.class).optional();
    }

    public void save(String system, String entity, String position) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = jdbc.sql("update checkpoint set position = :p, updated_at = :now where source_system = :s and entity_type = :e")
                .param("p", position).param("now", now).param("s", system).param("e", entity).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into checkpoint (source_system, entity_type, position, updated_at) values (:s, :e, :p, :now)")
                        .param("s", system).param("e", entity).param("p", position).param("now", now).update();
            } catch (DuplicateKeyException raced) {
                save(system, entity, position);
            }
        }
    }

    public List<Checkpoint> all() {
        return jdbc.sql("select source_system, entity_type, position, updated_at from checkpoint order by source_system, entity_type")
                .query((rs, n) -> new Checkpoint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                .list();
    }
}
