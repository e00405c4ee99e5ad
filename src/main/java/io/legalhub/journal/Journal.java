package io.legalhub.journal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each record's trail through the hub, so an operator can answer "where is matter 2026-0012 now?". */
@Component
public class Journal {

    private static final int MAX_DETAIL = 2000;

    private final JdbcClient jdbc;

    public Journal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(JournalEntry entry) {
        jdbc.sql("""
                insert into journal (entity_type, record_key, step, system_name, system_id, source_version, message_id, detail, occurred_at)
                values (:entity, :key, :step, :system, :systemId, :version, :messageId, :detail, :at)""")
                .param("entity", entry.entity())
                .param("key", entry.key())
                .param("step", entry.step().id())
                .param("system", entry.system())
                .param("systemId", entry.systemId())
                .param("version", entry.sourceVersion())
                .param("messageId", entry.messageId())
                .param("detail", entry.detail() == null || entry.detail().length() <= MAX_DETAIL
                        ? entry.detail() : entry.detail().substring(0, MAX_DETAIL))
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    public List<TrailStep> trail(String entity, String key) {
        return jdbc.sql("""
                select step, system_name, system_id, source_version, message_id, detail, occurred_at
                from journal where entity_type = :entity and record_key = :key order by id""")
                .param("entity", entity)
                .param("key", key)
                .query((rs, n) -> new TrailStep(
                        rs.getString("step"),
                        rs.getString("system_name"),
                        rs.getString("system_id"),
                        (Long) rs.getObject("source_version", Long.class),
                        rs.getString("message_id"),
                        rs.getString("detail"),
                        rs.getObject("occurred_at", OffsetDateTime.class)))
                .list();
    }
}
