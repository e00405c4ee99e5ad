package io.legalhub.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.xref.XrefStore;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The conflicts gate holds back provisioning until cleared or waived, and can be switched off. */
class ConflictGateTest {

    private final ConflictGateProperties properties = new ConflictGateProperties();
    private XrefStore xrefs;
    private ConflictGate gate;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:gate-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        xrefs = new XrefStore(JdbcClient.create(h2));
        gate = new ConflictGate(properties, xrefs);
    }

    @Test
    void aPendingMatterIsHeldBackFromGatedTargetsOnly() {
        assertThat(gate.holdBack("billing", "matter", matter("pending"))).contains("waiting for conflicts clearance (status pending)");
        assertThat(gate.holdBack("conflicts", "matter", matter("pending"))).isEmpty();
    }

    @Test
    void clearedAndWaivedMattersPassAndDeclinedOnesNever() {
        assertThat(gate.holdBack("dms", "matter", matter("cleared"))).isEmpty();
        assertThat(gate.holdBack("dms", "matter", matter("waived"))).isEmpty();
        assertThat(gate.holdBack("dms", "matter", matter("declined"))).contains("conflicts declined: never provisioned");
    }

    @Test
    void aTargetThatAlreadyHasTheMatterKeepsReceivingItsChanges() {
        xrefs.link("matter", "2026-0001", "billing", "BM-1");

        assertThat(gate.holdBack("billing", "matter", matter("pending"))).isEmpty();
    }

    @Test
    void switchedOffTheGateHoldsNothingBack() {
        properties.setEnabled(false);

        assertThat(gate.holdBack("billing", "matter", matter("not-checked"))).isEmpty();
        assertThat(gate.holdBack("billing", "matter", matter("declined"))).isEmpty();
    }

    private static ObjectNode matter(String conflictStatus) {
        return new ObjectMapper().createObjectNode().put("entity", "matter").put("key", "2026-0001").put("conflictStatus", conflictStatus);
    }
}
