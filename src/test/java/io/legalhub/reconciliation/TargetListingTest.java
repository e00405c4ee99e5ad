package io.legalhub.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.reconciliation.TargetComparison.TargetRecord;
import io.legalhub.sandbox.SandboxServer;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.systems.PermanentSystemFailure;
import io.legalhub.systems.SystemClient;
import io.legalhub.systems.TransientSystemFailure;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading every record of a target through its configured list operation, over real HTTP to a sandbox. */
class TargetListingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SandboxServer sandbox;

    private final HubSystemsProperties properties = new HubSystemsProperties();
    private HubSystemsProperties.EntityEndpoints billing;
    private HubSystemsProperties.EntityEndpoints matterManagement;
    private final List<Integer> progress = new ArrayList<>();

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxSettings.defaults());
        SystemClient seed = new SystemClient(systems(), JSON);
        for (int i = 1; i <= 5; i++) {
            seed.send("billing", "POST", "/api/v1/matters",
                    "{\"number\":\"L-000" + i + "\",\"name\":\"Listed " + i + "\",\"client_number\":\"ACME-001\"}", false);
        }
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    private static HubSystemsProperties systems() {
        HubSystemsProperties properties = new HubSystemsProperties();
        for (SandboxSystem system : List.of(SandboxSystem.BILLING, SandboxSystem.MATTER_MANAGEMENT)) {
            HubSystemsProperties.SystemSettings settings = new HubSystemsProperties.SystemSettings();
            settings.setBaseUrl(sandbox.baseUrl(system));
            properties.getSystems().put(system.prefix(), settings);
        }
        return properties;
    }

    @BeforeEach
    void connectors() {
        properties.setSystems(systems().getSystems());
        billing = new HubSystemsProperties.EntityEndpoints();
        billing.setList("GET /api/v1/matters?offset={offset}&limit={limit}");
        billing.setListItems("/items");
        billing.setListKey("/number");
        billing.setListPageSize(2);
        properties.system("billing").getEntities().put("matter", billing);
        matterManagement = new HubSystemsProperties.EntityEndpoints();
        matterManagement.setList("GET /api/v4/matters.json?limit={limit}&fields=id,display_number");
        matterManagement.setListItems("/data");
        matterManagement.setListKey("/display_number");
        matterManagement.setListPaging("next-link");
        matterManagement.setListNext("/meta/paging/next");
        matterManagement.setListPageSize(25);
        properties.system("matter-management").getEntities().put("matter", matterManagement);
        sandbox.clearFaults();
    }

    private List<TargetRecord> list(String system) {
        return new TargetListing(new SystemClient(properties, JSON), properties, 1000).list(system, "matter", progress::add);
    }

    @Test
    void offsetPagingReadsEveryRecordPageByPage() {
        List<TargetRecord> records = list("billing");

        assertThat(records).extracting(TargetRecord::key).containsExactly("L-0001", "L-0002", "L-0003", "L-0004", "L-0005");
        assertThat(records).extracting(TargetRecord::id).allMatch(id -> id.startsWith("BM-"));
        assertThat(records.get(0).fields().get("name").asText()).isEqualTo("Listed 1");
        assertThat(progress).containsExactly(2, 4, 5);
    }

    @Test
    void nextLinkPagingFollowsTheLinksTheSystemGives() {
        List<TargetRecord> records = list("matter-management");

        assertThat(records).hasSize(60);
        assertThat(records).extracting(TargetRecord::key).contains("2025-0001", "2026-0025").doesNotHaveDuplicates();
        assertThat(progress).containsExactly(25, 50, 60);
    }

    @Test
    void pagingThatDoesNotAdvanceStopsTheListingInsteadOfLoopingForever() {
        billing.setList("GET /api/v1/matters?limit={limit}&ignored={page}");

        assertThatThrownBy(() -> list("billing")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("paging does not advance");
    }

    @Test
    void moreRecordsThanTheLimitFailTheListingNamingTheSetting() {
        assertThatThrownBy(() -> new TargetListing(new SystemClient(properties, JSON), properties, 3).list("billing", "matter", n -> { }))
                .hasMessageContaining("more than 3").hasMessageContaining("hub.reconciliation.max-records");
    }

    @Test
    void anAnswerWithoutItemsWhereConfiguredIsAClearPermanentFailure() {
        billing.setListItems("/records");

        assertThatThrownBy(() -> list("billing")).isInstanceOf(PermanentSystemFailure.class)
                .hasMessageContaining("no array of records at '/records'").hasMessageContaining("list-items");
    }

    @Test
    void aSystemThatIsDownIsATransientFailure() {
        new SandboxClient(sandbox.port()).faults("billing", "{\"outage\":true}");

        assertThatThrownBy(() -> list("billing")).isInstanceOf(TransientSystemFailure.class).hasMessageContaining("503");
    }

    @Test
    void incompleteConfigurationIsNamedKeyByKey() {
        HubSystemsProperties.EntityEndpoints none = new HubSystemsProperties.EntityEndpoints();
        assertThat(TargetListing.configurationProblem("ediscovery", "matter", none))
                .isEqualTo("no list operation is configured (hub.systems.ediscovery.entities.matter.list)");
        none.setList("GET /matters");
        assertThat(TargetListing.configurationProblem("ediscovery", "matter", none)).contains("list-key");
        none.setListKey("/Number");
        none.setListPaging("cursor");
        assertThat(TargetListing.configurationProblem("ediscovery", "matter", none)).contains("offset, next-link or none");
        none.setListPaging("next-link");
        assertThat(TargetListing.configurationProblem("ediscovery", "matter", none)).contains("list-next");
        none.setListNext("/next");
        assertThat(TargetListing.configurationProblem("ediscovery", "matter", none)).isNull();
    }
}
