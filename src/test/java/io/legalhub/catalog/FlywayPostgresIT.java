package io.legalhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The hub's migrations apply to PostgreSQL (production) exactly as they do to H2 (embedded).
 * Runs against the PostgreSQL on 127.0.0.1:5432 (database "test"), in a throwaway schema.
 */
class FlywayPostgresIT {

    static final String URL = System.getProperty("hub.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("hub.it.postgres.user", "postgres");

    @Test
    void migrationsApplyToPostgresqlAndCreateEveryTable() throws Exception {
        String schema = "flyway_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(URL, USER, "")
                    .schemas(schema)
                    .createSchemas(true)
                    .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                    .load()
                    .migrate();

            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isGreaterThan(0);
            assertThat(tables(schema)).contains("xref", "record_state", "delivery_state", "checkpoint", "dead_letter",
                    "dead_letter_history", "journal", "camel_messageprocessed", "qrtz_triggers", "qrtz_locks", "reconciliation_run", "reconciliation_system",
                    "reconciliation_finding");
        } finally {
            try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @Test
    void migrationsApplyToH2InPostgresqlModeAsInEmbeddedMode() {
        MigrateResult result = Flyway.configure()
                .dataSource("jdbc:h2:mem:flyway-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")
                .locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load()
                .migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThan(0);
    }

    private static List<String> tables(String schema) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(URL, USER, "");
             ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
