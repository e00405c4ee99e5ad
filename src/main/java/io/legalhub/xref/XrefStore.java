package io.legalhub.xref;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Cross-references: hub key of a record ↔ that record's id in each system. */
@Component
public class XrefStore {

    private final JdbcClient jdbc;

    public XrefStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> systemId(String entity, String hubKey, String system) {
        return jdbc.sql("select system_id from xref where entity_type = :e and hub_key = :k and system_name = :s")
                .param("e", entity).param("k", hubKey).param("s", system)
                .query(String.class).optional();
    }

    public Optional<String> hubKey(String entity, String system, String systemId) {
        return jdbc.sql("select hub_key from xref where entity_type = :e and system_name = :s and system_id = :id")
                .param("e", entity).param("s", system).param("id", systemId)
                .query(String.class).optional();
    }

    @Transactional
    public void link(String entity, String hubKey, String system, String systemId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = jdbc.sql("update xref set system_id = :id, updated_at = :now where entity_type = :e and hub_key = :k and system_name = :s")
                .param("id", systemId).param("now", now).param("e", entity).param("k", hubKey).param("s", system)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into xref (entity_type, hub_key, system_name, system_id, created_at, updated_at) values (:e, :k, :s, :id, :now, :now)")
                    .param("e", entity).param("k", hubKey).param("s", system).param("id", systemId).param("now", now)
                    .update();
        }
    }

    /**
     * Forgets the record's id in a system, but only if it is still {@code systemId}: a delivery that linked
     * a new id meanwhile is kept. The next delivery then looks the record up by its key afresh.
     */
    public boolean unlinkIf(String entity, String hubKey, String system, String systemId) {
        return jdbc.sql("delete from xref where entity_type = :e and hub_key = :k and system_name = :s and system_id = :id")
                .param("e", entity).param("k", hubKey).param("s", system).param("id", systemId)
                .update() > 0;
    }

    public List<Xref> forSystem(String entity, String system) {
        return jdbc.sql("select hub_key, system_id from xref where entity_type = :e and system_name = :s order by hub_key")
                .param("e", entity).param("s", system)
                .query((rs, n) -> new Xref(entity, rs.getString(1), system, rs.getString(2)))
                .list();
    }

    public List<Xref> forEntity(String entity) {
        return jdbc.sql("select hub_key, system_name, system_id from xref where entity_type = :e")
                .param("e", entity)
                .query((rs, n) -> new Xref(entity, rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public List<Xref> forRecord(String entity, String hubKey) {
        return jdbc.sql("select system_name, system_id from xref where entity_type = :e and hub_key = :k order by system_name")
                .param("e", entity).param("k", hubKey)
                .query((rs, n) -> new Xref(entity, hubKey, rs.getString(1), rs.getString(2)))
                .list();
    }

    public record Xref(String entity, String hubKey, String system, String systemId) {
    }
}
