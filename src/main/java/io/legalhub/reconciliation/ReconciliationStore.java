package io.legalhub.reconciliation;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Runs, their per-system results and their findings, in the hub's database. */
@Component
public class ReconciliationStore {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final int MAX_TEXT = 2000;
    private static final int MAX_REASON = 4000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ReconciliationStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Records a new run as running, unless one is running already (here or on another hub instance: the
     * database's unique running slot decides).
     *
     * @return the new run's id, or empty when another run holds the slot
     */
    public Optional<Long> open(String startedBy, String trigger, String systemFilter) {
        OffsetDateTime now = now();
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            insert into reconciliation_run (status, started_by, trigger_kind, system_filter, running_slot, started_at, heartbeat_at)
                            values (:status, :by, :trigger, :system, 1, :now, :now)""")
                    .param("status", RunStatus.RUNNING.id()).param("by", startedBy).param("trigger", trigger)
                    .param("system", systemFilter).param("now", now)
                    .update(key, "id");
        } catch (DuplicateKeyException running) {
            return Optional.empty();
        }
        return Optional.of(key.getKey().longValue());
    }

    public Optional<Run> running() {
        return jdbc.sql("select * from reconciliation_run where running_slot = 1").query(this::run).optional();
    }

    /** Fails runs whose hub has shown no sign of life for {@code staleAfter}: it stopped mid-run. */
    public int abandonStale(Duration staleAfter) {
        OffsetDateTime now = now();
        return jdbc.sql("""
                update reconciliation_run set status = :failed, running_slot = null, finished_at = :now,
                  failure_reason = :reason
                where running_slot = 1 and heartbeat_at < :cutoff""")
                .param("failed", RunStatus.FAILED.id()).param("now", now)
                .param("reason", "abandoned: no progress for " + staleAfter.toMinutes() + " minute(s); the hub running it probably stopped")
                .param("cutoff", now.minus(staleAfter))
                .update();
    }

    public void heartbeat(long runId) {
        jdbc.sql("update reconciliation_run set heartbeat_at = :now where id = :id and running_slot = 1")
                .param("now", now()).param("id", runId).update();
    }

    public void finish(long runId, RunStatus status, String reason) {
        jdbc.sql("""
                update reconciliation_run set status = :status, running_slot = null, finished_at = :now, failure_reason = :reason
                where id = :id and running_slot = 1""")
                .param("status", status.id()).param("now", now()).param("reason", truncate(reason, MAX_REASON)).param("id", runId)
                .update();
    }

    @Transactional
    public void saveSystem(long runId, SystemResult result, List<Finding> findings) {
        SystemResult.Counts c = result.counts();
        jdbc.sql("""
                insert into reconciliation_system (run_id, system_name, entity_type, status, reason, hub_records, target_records,
                  in_step, missing, orphaned, differing, unlinked, duplicate, finished_at)
                values (:run, :system, :entity, :status, :reason, :hub, :target, :inStep, :missing, :orphaned, :differing,
                  :unlinked, :duplicate, :now)""")
                .param("run", runId).param("system", result.system()).param("entity", result.entity())
                .param("status", result.status()).param("reason", truncate(result.reason(), MAX_REASON))
                .param("hub", c.hubRecords()).param("target", c.targetRecords()).param("inStep", c.inStep())
                .param("missing", c.missing()).param("orphaned", c.orphaned()).param("differing", c.differing())
                .param("unlinked", c.unlinked()).param("duplicate", c.duplicate()).param("now", now())
                .update();
        template.batchUpdate("""
                insert into reconciliation_finding (run_id, system_name, entity_type, kind, record_key, target_id, xref_id, differences, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", findings, 500, (ps, f) -> {
            ps.setLong(1, runId);
            ps.setString(2, f.system());
            ps.setString(3, f.entity());
            ps.setString(4, f.kind().id());
            ps.setString(5, f.key());
            ps.setString(6, f.targetId());
            ps.setString(7, f.xrefId());
            if (f.differences().isEmpty()) {
                ps.setNull(8, Types.VARCHAR);
            } else {
                ps.setString(8, differencesJson(f.differences()));
            }
            ps.setString(9, truncate(f.detail(), MAX_TEXT));
        });
    }

    public List<Run> recent(int limit) {
        return jdbc.sql("select * from reconciliation_run order by id desc limit :limit")
                .param("limit", limit).query(this::run).list();
    }

    public Optional<Run> find(long runId) {
        return jdbc.sql("select * from reconciliation_run where id = :id").param("id", runId).query(this::run).optional();
    }

    public List<SystemResult> systems(long runId) {
        return jdbc.sql("select * from reconciliation_system where run_id = :run order by system_name, entity_type")
                .param("run", runId)
                .query((rs, n) -> new SystemResult(rs.getString("system_name"), rs.getString("entity_type"), rs.getString("status"),
                        rs.getString("reason"), new SystemResult.Counts(rs.getInt("hub_records"), rs.getInt("target_records"),
                        rs.getInt("in_step"), rs.getInt("missing"), rs.getInt("orphaned"), rs.getInt("differing"),
                        rs.getInt("unlinked"), rs.getInt("duplicate"))))
                .list();
    }

    public List<RecordedFinding> findings(long runId) {
        return jdbc.sql("select * from reconciliation_finding where run_id = :run order by id")
                .param("run", runId).query(this::finding).list();
    }

    public void resyncRequested(long findingId, String by) {
        jdbc.sql("update reconciliation_finding set resync_requested_at = :now, resync_requested_by = :by where id = :id")
                .param("now", now()).param("by", by).param("id", findingId).update();
    }

    private Run run(ResultSet rs, int row) throws SQLException {
        return new Run(rs.getLong("id"), RunStatus.of(rs.getString("status")), rs.getString("started_by"),
                rs.getString("trigger_kind"), rs.getString("system_filter"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("heartbeat_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getString("failure_reason"));
    }

    private RecordedFinding finding(ResultSet rs, int row) throws SQLException {
        Finding finding = new Finding(rs.getString("system_name"), rs.getString("entity_type"), FindingKind.of(rs.getString("kind")),
                rs.getString("record_key"), rs.getString("target_id"), rs.getString("xref_id"),
                differences(rs.getString("differences")), rs.getString("detail"));
        return new RecordedFinding(rs.getLong("id"), rs.getLong("run_id"), finding,
                rs.getObject("resync_requested_at", OffsetDateTime.class), rs.getString("resync_requested_by"));
    }

    private static String differencesJson(List<Difference> differences) {
        ArrayNode array = PLAIN.createArrayNode();
        for (Difference d : differences) {
            ObjectNode node = array.addObject();
            node.put("field", d.field());
            node.set("hub", d.hub() == null ? NullNode.getInstance() : d.hub());
            node.set("target", d.target() == null ? NullNode.getInstance() : d.target());
        }
        try {
            return PLAIN.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Difference> differences(String json) {
        List<Difference> differences = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return differences;
        }
        try {
            for (JsonNode node : PLAIN.readTree(json)) {
                differences.add(new Difference(node.path("field").asText(), node.get("hub"), node.get("target")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable differences of a reconciliation finding", e);
        }
        return differences;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
