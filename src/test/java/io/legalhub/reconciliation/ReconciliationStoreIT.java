package io.legalhub.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The run store on PostgreSQL (production) and H2 (embedded): one running run at a time through the
 * unique running slot, findings with their differences kept exactly, abandoned runs failed.
 */
class ReconciliationStoreIT {

    private static final String PG_URL = System.getProperty("hub.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("hub.it.postgres.user", "postgres");

    private String schema;

    private ReconciliationStore store(String database) {
        DriverManagerDataSource dataSource;
        if (database.equals("postgresql")) {
            schema = "reconciliation_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            dataSource = new DriverManagerDataSource(PG_URL + "?currentSchema=" + schema, PG_USER, "");
            Flyway.configure().dataSource(PG_URL, PG_USER, "").schemas(schema).createSchemas(true)
                    .locations("classpath:db/migration").load().migrate();
        } else {
            dataSource = new DriverManagerDataSource("jdbc:h2:mem:reconciliation-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        return new ReconciliationStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource));
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, ""); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void onlyOneRunHoldsTheRunningSlotUntilItFinishes(String database) {
        ReconciliationStore store = store(database);

        long first = store.open("operator", Run.TRIGGER_API, null).orElseThrow();

        assertThat(store.open("schedule", Run.TRIGGER_SCHEDULE, null)).isEmpty();
        assertThat(store.running()).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(first));
        store.finish(first, RunStatus.COMPLETED, null);
        long second = store.open("schedule", Run.TRIGGER_SCHEDULE, "billing").orElseThrow();
        assertThat(second).isGreaterThan(first);
        assertThat(store.find(first)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(r.finishedAt()).isNotNull();
        });
        assertThat(store.recent(10)).extracting(Run::id).containsExactly(second, first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void systemResultsAndFindingsAreKeptWithTheirDifferences(String database) {
        ReconciliationStore store = store(database);
        long run = store.open("operator", Run.TRIGGER_API, null).orElseThrow();
        Finding differing = new Finding("billing", "matter", FindingKind.DIFFERING, "2026-0012", "BM-1", "BM-1",
                List.of(new Difference("name", JsonNodeFactory.instance.textNode("Acme v. Globex"), JsonNodeFactory.instance.textNode("Renamed")),
                        new Difference("close_date", NullNode.getInstance(), JsonNodeFactory.instance.textNode("2026-01-01"))),
                "2 field(s) differ");
        Finding orphan = new Finding("billing", "matter", FindingKind.ORPHANED, null, "BM-9", null, List.of(), "no key");

        store.saveSystem(run, SystemResult.completed("billing", "matter", SystemResult.Counts.of(60, 61, 59, List.of(differing, orphan))),
                List.of(differing, orphan));
        store.saveSystem(run, SystemResult.failed("dms", "matter", "dms answered HTTP 503"), List.of());

        assertThat(store.systems(run)).extracting(SystemResult::system, SystemResult::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("billing", "completed"), org.assertj.core.groups.Tuple.tuple("dms", "failed"));
        assertThat(store.systems(run).get(0).counts()).isEqualTo(new SystemResult.Counts(60, 61, 59, 0, 1, 1, 0, 0));
        List<RecordedFinding> findings = store.findings(run);
        assertThat(findings).extracting(RecordedFinding::finding).containsExactly(differing, orphan);
        store.resyncRequested(findings.get(0).id(), "operator");
        assertThat(store.findings(run).get(0).resyncRequestedBy()).isEqualTo("operator");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aRunWithoutHeartbeatForTooLongIsFailedAsAbandoned(String database) {
        ReconciliationStore store = store(database);
        long run = store.open("operator", Run.TRIGGER_API, null).orElseThrow();

        assertThat(store.abandonStale(Duration.ofMinutes(10))).isZero();
        assertThat(store.abandonStale(Duration.ofMillis(-1))).isEqualTo(1);

        assertThat(store.find(run)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.failureReason()).contains("abandoned");
        });
        assertThat(store.running()).isEmpty();
    }
}
