package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SeedDataTest {

    private static SandboxServer sandbox;
    private static SandboxHttp mm;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start();
        mm = new SandboxHttp(sandbox.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @Test
    void seededMattersAreRealisticAndVaried() {
        JsonNode matters = mm.get("/api/v4/matters?limit=200").json().path("data");
        assertThat(matters.size()).isGreaterThanOrEqualTo(50);
        Map<String, Integer> byArea = new HashMap<>();
        Map<String, Integer> byStatus = new HashMap<>();
        Set<String> roles = new HashSet<>();
        Set<Long> clients = new HashSet<>();
        for (JsonNode m : matters) {
            assertThat(m.path("display_number").asText()).matches("202[56]-\\d{4}");
            assertThat(m.path("conflict_status").asText()).isEqualTo("not_checked");
            byArea.merge(m.path("practice_area").path("name").asText(), 1, Integer::sum);
            byStatus.merge(m.path("status").asText(), 1, Integer::sum);
            JsonNode rels = m.path("relationships");
            assertThat(rels.size()).isBetween(1, 4);
            assertThat(rels.get(0).path("description").asText()).isEqualTo("Client");
            assertThat(rels.get(0).path("contact").path("id").asLong()).isEqualTo(m.path("client").path("id").asLong());
            rels.forEach(r -> roles.add(r.path("description").asText()));
            clients.add(m.path("client").path("id").asLong());
            assertThat(m.path("responsible_attorney").path("email").asText()).endsWith("@firm.example");
        }
        assertThat(byArea.get("Litigation")).isBetween(20, 28);
        assertThat(byArea).hasSize(7);
        assertThat(byStatus.get("Open")).isGreaterThan(matters.size() / 2);
        assertThat(byStatus).containsKeys("Pending", "Closed");
        assertThat(roles).contains("Client", "Adverse Party", "Opposing Counsel", "Related Party");
        assertThat(clients.size()).isGreaterThanOrEqualTo(20);
        JsonNode acme = mm.get("/api/v4/matters?display_number=2026-0012").json().path("data").get(0);
        assertThat(acme.path("description").asText()).isEqualTo("Acme v. Globex – supply contract dispute");
    }

    @Test
    void clientsAreCompaniesAndPeopleAndBillingKnowsTheSameClientNumbers() {
        JsonNode contacts = mm.get("/api/v4/contacts?limit=200").json().path("data");
        List<String> numbers = new ArrayList<>();
        Set<String> types = new HashSet<>();
        for (JsonNode c : contacts) {
            if (!c.path("client_number").isNull()) {
                numbers.add(c.path("client_number").asText());
                types.add(c.path("type").asText());
            }
        }
        assertThat(numbers.size()).isGreaterThanOrEqualTo(20);
        assertThat(types).containsExactlyInAnyOrder("Company", "Person");
        JsonNode billingClients = new SandboxHttp(sandbox.baseUrl(SandboxSystem.BILLING)).get("/api/v1/clients?limit=200").json().path("items");
        assertThat(billingClients.findValuesAsText("number")).containsExactlyInAnyOrderElementsOf(numbers);
        JsonNode users = mm.get("/api/v4/users").json().path("data");
        assertThat(users).hasSize(8);
        users.forEach(u -> assertThat(u.path("email").asText()).matches("[a-z]+\\.[a-z]+@firm\\.example"));
    }

    @Test
    void dmsAndEdiscoveryStartWithoutMattersOrWorkspacesWhileConflictsHasItsDatabase() {
        assertThat(new SandboxHttp(sandbox.baseUrl(SandboxSystem.DMS)).get("/_control/stats").json().path("records").path("workspaces").asInt()).isZero();
        JsonNode ediscovery = new SandboxHttp(sandbox.baseUrl(SandboxSystem.EDISCOVERY)).get("/_control/stats").json().path("records");
        assertThat(ediscovery.path("matters").asInt()).isZero();
        assertThat(ediscovery.path("workspaces").asInt()).isZero();
        JsonNode entities = new SandboxHttp(sandbox.baseUrl(SandboxSystem.CONFLICTS)).get("/_control/entities?limit=1").json();
        assertThat(entities.path("total").asInt()).isGreaterThan(150);
    }

    @Test
    void ediscoveryHasARelativityClientForEverySeededClientWithFixedArtifactIds() {
        JsonNode mmClients = mm.get("/api/v4/contacts?limit=200").json().path("data");
        List<String> names = new ArrayList<>();
        mmClients.forEach(c -> {
            if (!c.path("client_number").isNull()) {
                names.add(c.path("name").asText());
            }
        });
        JsonNode eligible = new SandboxHttp(sandbox.baseUrl(SandboxSystem.EDISCOVERY))
                .get("/Relativity.REST/api/relativity-environment/v1/workspaces/-1/eligible-clients").json();

        assertThat(eligible.findValuesAsText("Name")).containsExactlyElementsOf(names);
        assertThat(eligible.get(0).path("ArtifactID").asLong()).isEqualTo(1_015_001L);
        assertThat(eligible.get(0).path("Name").asText()).isEqualTo("Acme Corporation");
        assertThat(eligible.get(eligible.size() - 1).path("ArtifactID").asLong()).isEqualTo(1_015_000L + names.size());
    }

    @Test
    void seedingIsDeterministic() {
        try (SandboxServer other = SandboxServer.start()) {
            JsonNode a = mm.get("/api/v4/matters?limit=200&fields=id,display_number,description,status,client,relationships").json().path("data");
            JsonNode b = new SandboxHttp(other.baseUrl(SandboxSystem.MATTER_MANAGEMENT))
                    .get("/api/v4/matters?limit=200&fields=id,display_number,description,status,client,relationships").json().path("data");
            List<String> left = new ArrayList<>();
            List<String> right = new ArrayList<>();
            a.forEach(m -> left.add(m.toString()));
            b.forEach(m -> right.add(m.toString()));
            assertThat(right.subList(0, 60)).isEqualTo(left.subList(0, 60));
        }
    }
}
