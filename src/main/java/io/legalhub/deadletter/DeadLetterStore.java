package io.legalhub.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The dead-letter store and each dead letter's history of operator and system actions. */
@Component
public class DeadLetterStore {

    /** Columns a list may be sorted by, as the API names them. */
    private static final Map<String, String> SORTABLE = Map.of(
            "id", "id",
            "lastFailedAt", "last_failed_at",
            "firstFailedAt", "first_failed_at",
            "recordKey", "record_key",
            "attempts", "attempts",
            "target", "target",
            "status", "status");

    private final JdbcClient jdbc;

    public DeadLetterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a failure. One dead letter per failing thing: the same message failing again (a broker
     * redelivery), or the same version of the same record arriving again by another path (webhook and
     * poll) while its dead letter is still open, updates that dead letter; a failed replay re-opens the
     * dead letter it came from.
     */
    @Transactional
    public long recordFailure(Failure f, Long replayOf) {
        OffsetDateTime now = now();
        Existing existing = replayOf != null ? new Existing(replayOf, false) : existingFor(f);
        if (existing != null) {
            long id = existing.id();
            // the same version by another path updates the dead letter only while it is still open: one an operator
            // closed meanwhile (discarded, resolved) stays closed, and this failure gets a dead letter of its own
            int updated = jdbc.sql("""
                    update dead_letter set status = 'open', failure_kind = :kind, error_class = :cls, error_message = :msg,
                      cause_chain = :chain, failed_line = :line, failed_field = :field, attempts = attempts + :attempts,
                      route_id = :route, endpoint = :endpoint, last_failed_at = :now, updated_at = :now, version = version + 1
                    where id = :id""" + (existing.onlyWhileOpen() ? " and status = 'open'" : ""))
                    .param("kind", f.kind().id()).param("cls", f.errorClass()).param("msg", f.errorMessage())
                    .param("chain", f.causeChain()).param("line", f.failedLine()).param("field", f.failedField())
                    .param("attempts", f.attempts()).param("route", f.routeId()).param("endpoint", f.endpoint())
                    .param("now", now).param("id", id)
                    .update();
            if (updated > 0) {
                addHistory(id, "hub", replayOf != null ? "replay-failed" : "failed-again", f.errorMessage());
                return id;
            }
        }
        jdbc.sql("""
                insert into dead_letter (message_id, status, entity_type, record_key, source_version, source_system, target, stage, route_id,
                  endpoint, failure_kind, error_class, error_message, cause_chain, failed_line, failed_field, attempts, body,
                  headers, first_failed_at, last_failed_at, updated_at)
                values (:m, 'open', :entity, :key, :version, :source, :target, :stage, :route, :endpoint, :kind, :cls, :msg, :chain,
                  :line, :field, :attempts, :body, :headers, :now, :now, :now)""")
                .param("m", f.messageId()).param("entity", f.entityType()).param("key", f.recordKey())
                .param("version", f.sourceVersion()).param("source", f.sourceSystem()).param("target", f.target()).param("stage", f.stage())
                .param("route", f.routeId()).param("endpoint", f.endpoint()).param("kind", f.kind().id())
                .param("cls", f.errorClass()).param("msg", f.errorMessage()).param("chain", f.causeChain())
                .param("line", f.failedLine()).param("field", f.failedField()).param("attempts", f.attempts())
                .param("body", f.body()).param("headers", f.headers()).param("now", now)
                .update();
        long id = idOf(f);
        addHistory(id, "hub", "created", f.kind().id() + " failure at " + f.stage() + ": " + f.errorMessage());
        return id;
    }

    /** A dead letter this failure belongs to; {@code onlyWhileOpen}: found as the same version by another path. */
    record Existing(long id, boolean onlyWhileOpen) {
    }

    Existing existingFor(Failure f) {
        Optional<Long> sameMessage = jdbc.sql("select id from dead_letter where message_id = :m and stage = :s and target = :t")
                .param("m", f.messageId()).param("s", f.stage()).param("t", f.target())
                .query(Long.class).optional();
        if (sameMessage.isPresent()) {
            return new Existing(sameMessage.get(), false);
        }
        if (f.recordKey() == null || f.sourceVersion() == null) {
            return null;
        }
        return jdbc.sql("""
                select id from dead_letter where entity_type = :e and record_key = :k and target = :t and stage = :s
                  and source_version = :v and status = 'open' order by id limit 1""")
                .param("e", f.entityType()).param("k", f.recordKey()).param("t", f.target()).param("s", f.stage())
                .param("v", f.sourceVersion())
                .query(Long.class).optional().map(id -> new Existing(id, true)).orElse(null);
    }

    private Long idOf(Failure f) {
        return jdbc.sql("select id from dead_letter where message_id = :m and stage = :s and target = :t")
                .param("m", f.messageId()).param("s", f.stage()).param("t", f.target())
                .query(Long.class).single();
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.sql("select * from dead_letter where id = :id").param("id", id).query(DeadLetterStore::map).optional();
    }

    public DeadLetter get(long id) {
        return find(id).orElseThrow(() -> new DeadLetterNotFoundException(id));
    }

    /** Open delivery dead letters of versions older than the one just delivered. */
    public List<Long> openOlderVersions(String entity, String key, String target, long version) {
        return jdbc.sql("""
                select id from dead_letter where entity_type = :e and record_key = :k and target = :t and stage = 'deliver'
                  and status = 'open' and source_version < :v order by id""")
                .param("e", entity).param("k", key).param("t", target).param("v", version)
                .query(Long.class).list();
    }

    public List<DeadLetter> search(DeadLetterQuery q, int page, int size, String sort, boolean ascending) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, params);
        String column = SORTABLE.getOrDefault(sort == null ? "id" : sort, null);
        if (column == null) {
            throw new IllegalArgumentException("Cannot sort by '" + sort + "'; use one of " + String.join(", ", SORTABLE.keySet()));
        }
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql("select * from dead_letter" + where + " order by " + column + (ascending ? " asc" : " desc")
                        + ", id " + (ascending ? "asc" : "desc") + " limit :limit offset :offset")
                .params(params).query(DeadLetterStore::map).list();
    }

    public long count(DeadLetterQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select count(*) from dead_letter" + where(q, params)).params(params).query(Long.class).single();
    }

    /** Every dead letter matching the filter with the record it belongs to, oldest first, for a bulk replay. */
    List<ReplayLanes.Item> replayItems(DeadLetterQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select id, entity_type, record_key from dead_letter" + where(q, params) + " order by id").params(params)
                .query((rs, n) -> new ReplayLanes.Item(rs.getLong("id"), rs.getString("entity_type"), rs.getString("record_key")))
                .list();
    }

    private static String where(DeadLetterQuery q, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (q.status() != null) {
            clauses.add("status = :status");
            params.put("status", q.status().id());
        }
        if (q.system() != null) {
            clauses.add("(source_system = :system or target = :system)");
            params.put("system", q.system());
        }
        if (q.sourceSystem() != null) {
            clauses.add("source_system = :source");
            params.put("source", q.sourceSystem());
        }
        if (q.target() != null) {
            clauses.add("target = :target");
            params.put("target", q.target());
        }
        if (q.entityType() != null) {
            clauses.add("entity_type = :entity");
            params.put("entity", q.entityType());
        }
        if (q.errorClass() != null) {
            clauses.add("(error_class = :errorClass or error_class like :errorClassSuffix)");
            params.put("errorClass", q.errorClass());
            params.put("errorClassSuffix", "%." + q.errorClass());
        }
        if (q.keyContains() != null) {
            clauses.add("lower(record_key) like :key");
            params.put("key", "%" + q.keyContains().toLowerCase() + "%");
        }
        if (q.from() != null) {
            clauses.add("last_failed_at >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            clauses.add("last_failed_at < :to");
            params.put("to", q.to());
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    /** Moves a dead letter to a new status if it is currently in one of the expected ones; false if not. */
    @Transactional
    public boolean transition(long id, List<DeadLetterStatus> from, DeadLetterStatus to, String actor, String action, String detail) {
        List<String> fromIds = from.stream().map(DeadLetterStatus::id).toList();
        int updated = jdbc.sql("update dead_letter set status = :to, updated_at = :now, version = version + 1"
                        + (to == DeadLetterStatus.REPLAYING ? ", replay_count = replay_count + 1, last_replayed_at = :now" : "")
                        // the CASE keeps H2 on the primary key: with "status in (a, b)" it walks the (status, id)
                        // index through every row of those statuses (0.5 ms a call at 10,000 open dead letters)
                        + " where id = :id and (case when status in (:from) then 1 else 0 end) = 1")
                .param("to", to.id()).param("now", now()).param("id", id).param("from", fromIds)
                .update();
        if (updated > 0) {
            addHistory(id, actor, action, detail);
        }
        return updated > 0;
    }

    @Transactional
    public void replaceBody(long id, String body, String actor, String diff) {
        jdbc.sql("update dead_letter set body = :body, updated_at = :now, version = version + 1 where id = :id")
                .param("body", body).param("now", now()).param("id", id).update();
        addHistory(id, actor, "edited", diff);
    }

    public void addHistory(long id, String actor, String action, String detail) {
        jdbc.sql("insert into dead_letter_history (dead_letter_id, occurred_at, actor, action, detail) values (:id, :now, :actor, :action, :detail)")
                .param("id", id).param("now", now()).param("actor", actor).param("action", action).param("detail", detail)
                .update();
    }

    public List<HistoryEntry> history(long id) {
        return jdbc.sql("select occurred_at, actor, action, detail from dead_letter_history where dead_letter_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new HistoryEntry(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) from dead_letter group by status").query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private static DeadLetter map(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(
                rs.getLong("id"),
                rs.getString("message_id"),
                DeadLetterStatus.of(rs.getString("status")),
                rs.getString("entity_type"),
                rs.getString("record_key"),
                (Long) rs.getObject("source_version", Long.class),
                rs.getString("source_system"),
                rs.getString("target"),
                rs.getString("stage"),
                rs.getString("route_id"),
                rs.getString("endpoint"),
                rs.getString("failure_kind"),
                rs.getString("error_class"),
                rs.getString("error_message"),
                rs.getString("cause_chain"),
                (Integer) rs.getObject("failed_line", Integer.class),
                rs.getString("failed_field"),
                rs.getInt("attempts"),
                rs.getString("body"),
                rs.getString("headers"),
                rs.getObject("first_failed_at", OffsetDateTime.class),
                rs.getObject("last_failed_at", OffsetDateTime.class),
                rs.getInt("replay_count"),
                rs.getObject("last_replayed_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
