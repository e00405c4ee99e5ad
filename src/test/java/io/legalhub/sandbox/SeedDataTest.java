package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.sandbox.systems.MatterManagementModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SeedDataTest {

    private static final String MATTER_FIELDS = URLEncoder.encode("id,display_number,status,client{id},practice_area{name},"
            + "responsible_attorney{email},relationships{id,description},custom_field_values{id,value,custom_field}", StandardCharsets.UTF_8);
    /** Everything seeded about a matter, without the times (etags and timestamps differ from run to run). */
    private static final String DETERMINISTIC_FIELDS = URLEncoder.encode("id,display_number,description,status,open_date,close_date,"
            + "billable,client{id,name,ledes_client_id},practice_area{id,name},responsible_attorney{id},originating_attorney{id},"
            + "relationships{id,description}", StandardCharsets.UTF_8);

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
        JsonNode matters = mm.get("/api/v4/matters.json?fields=" + MATTER_FIELDS).json().path("data");
        assertThat(matters.size()).isGreaterThanOrEqualTo(50);
        Map<Long, List<JsonNode>> partiesByMatter = new HashMap<>();
        String next = "/api/v4/relationships.json?fields=id,description,matter%7Bid%7D,contact%7Bid,name%7D";
        while (next != null) {
            JsonNode page = mm.get(next).json();
            page.path("data").forEach(r -> partiesByMatter.computeIfAbsent(r.path("matter").path("id").asLong(), k -> new ArrayList<>()).add(r));
            next = page.path("meta").path("paging").has("next") ? page.path("meta").path("paging").path("next").asText() : null;
        }
        Map<String, Integer> byArea = new HashMap<>();
        Map<String, Integer> byStatus = new HashMap<>();
        Set<String> roles = new HashSet<>();
        Set<Long> clients = new HashSet<>();
        for (JsonNode m : matters) {
            assertThat(m.path("display_number").asText()).matches("202[56]-\\d{4}");
            // the hub's matter fields are custom fields; none has a value yet
            assertThat(m.path("custom_field_values")).hasSize(4);
            m.path("custom_field_values").forEach(v -> assertThat(v.path("id").isNull()).isTrue());
            byArea.merge(m.path("practice_area").path("name").asText(), 1, Integer::sum);
            byStatus.merge(m.path("status").asText(), 1, Integer::sum);
            JsonNode rels = m.path("relationships");
            assertThat(rels.size()).isBetween(1, 4);
            List<JsonNode> parties = partiesByMatter.get(m.path("id").asLong());
            assertThat(parties).hasSize(rels.size());
            assertThat(rels.get(0).path("description").asText()).isEqualTo("Client");
            assertThat(parties.get(0).path("contact").path("id").asLong()).isEqualTo(m.path("client").path("id").asLong());
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
        JsonNode acme = mm.get("/api/v4/matters.json?query=2026-0012&fields=display_number,description").json().path("data").get(0);
        assertThat(acme.path("display_number").asText()).isEqualTo("2026-0012");
        assertThat(acme.path("description").asText()).isEqualTo("Acme v. Globex – supply contract dispute");
    }

    @Test
    void clientsAreCompaniesAndPeopleAndBillingKnowsTheSameClientNumbers() {
        JsonNode contacts = mm.get("/api/v4/contacts.json?fields=id,name,type,ledes_client_id,is_client").json().path("data");
        List<String> numbers = new ArrayList<>();
        Set<String> types = new HashSet<>();
        for (JsonNode c : contacts) {
            assertThat(c.path("is_client").asBoolean()).isEqualTo(!c.path("ledes_client_id").isNull());
            if (!c.path("ledes_client_id").isNull()) {
                numbers.add(c.path("ledes_client_id").asText());
                types.add(c.path("type").asText());
            }
        }
        assertThat(numbers.size()).isGreaterThanOrEqualTo(20);
        assertThat(types).containsExactlyInAnyOrder("Company", "Person");
        JsonNode billingClients = new SandboxHttp(sandbox.baseUrl(SandboxSystem.BILLING)).get("/api/v1/clients?limit=200").json().path("items");
        assertThat(billingClients.findValuesAsText("number")).containsExactlyInAnyOrderElementsOf(numbers);
        JsonNode users = mm.get("/api/v4/users.json").json().path("data");
        assertThat(users).hasSize(8);
        users.forEach(u -> assertThat(u.path("email").asText()).matches("[a-z]+\\.[a-z]+@firm\\.example"));
    }

    @Test
    void theFirmsMatterCustomFieldsAreSeededWithTheIdsTheHubIsConfiguredWith() {
        JsonNode fields = mm.get("/api/v4/custom_fields.json?fields=id,name,parent_type").json().path("data");
        Map<String, Long> byName = new HashMap<>();
        fields.forEach(f -> byName.put(f.path("name").asText(), f.path("id").asLong()));
        assertThat(byName).containsEntry("Conflict status", 3001L).containsEntry("Conflict search ID", 3002L)
                .containsEntry("Conflict note", 3003L).containsEntry("Intake flag", 3004L);
        fields.forEach(f -> assertThat(f.path("parent_type").asText()).isEqualTo("Matter"));
        assertThat(MatterManagementModule.hubCustomFields().values()).containsExactlyInAnyOrderElementsOf(byName.values());
    }

    @Test
    void otherSystemsStartEmptyExceptTheConflictsDatabase() {
        SandboxHttp dms = new SandboxHttp(sandbox.baseUrl(SandboxSystem.DMS));
        assertThat(dms.get("/_control/stats").json().path("records").path("workspaces").asInt()).isZero();
        assertThat(new SandboxHttp(sandbox.baseUrl(SandboxSystem.EBILLING)).get("/_control/stats").json().path("records").path("invoices").asInt()).isZero();
        JsonNode ediscovery = new SandboxHttp(sandbox.baseUrl(SandboxSystem.EDISCOVERY)).get("/_control/stats").json().path("records");
        assertThat(ediscovery.path("matters").asInt()).isZero();
        assertThat(ediscovery.path("workspaces").asInt()).isZero();
        JsonNode entities = new SandboxHttp(sandbox.baseUrl(SandboxSystem.CONFLICTS)).get("/_control/entities?limit=1").json();
        assertThat(entities.path("total").asInt()).isGreaterThan(150);
    }

    @Test
    void theDmsHasItsLibraryTemplatesUsersAndGroupsWithOrWithoutSeeding() {
        try (SandboxServer unseeded = SandboxServer.start(SandboxSettings.builder().seed(false).build())) {
            for (SandboxServer s : List.of(sandbox, unseeded)) {
                SandboxHttp dms = new SandboxHttp(s.baseUrl(SandboxSystem.DMS));
                assertThat(dms.get("/automate/work/getWorkspaceTemplates?libraryId=LEGAL").json().path("data").path("results")
                        .findValuesAsText("id")).containsExactly("LEGAL!12", "LEGAL!13");
                JsonNode litigation = dms.get("/automate/work/getGroupMembers?libraryId=LEGAL&groupId=LITIGATION").json().path("data");
                assertThat(litigation.findValuesAsText("id")).contains("ARIVERA", "MOBRIEN");
                JsonNode everyone = dms.get("/automate/work/getGroupMembers?libraryId=LEGAL&groupId=EVERYONE").json().path("data");
                assertThat(everyone.findValuesAsText("id")).hasSize(11).contains("LEGALHUB", "GOKAFOR");
            }
        }
    }

    @Test
    void ediscoveryHasARelativityClientForEverySeededClientWithFixedArtifactIds() {
        JsonNode mmClients = mm.get("/api/v4/contacts.json?limit=200&fields=id,name,ledes_client_id").json().path("data");
        List<String> names = new ArrayList<>();
        mmClients.forEach(c -> {
            if (!c.path("ledes_client_id").isNull()) {
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
            JsonNode a = mm.get("/api/v4/matters.json?fields=" + DETERMINISTIC_FIELDS).json().path("data");
            JsonNode b = new SandboxHttp(other.baseUrl(SandboxSystem.MATTER_MANAGEMENT))
                    .get("/api/v4/matters.json?fields=" + DETERMINISTIC_FIELDS).json().path("data");
            List<String> left = new ArrayList<>();
            List<String> right = new ArrayList<>();
            a.forEach(m -> left.add(m.toString()));
            b.forEach(m -> right.add(m.toString()));
            assertThat(right.subList(0, 60)).isEqualTo(left.subList(0, 60));
        }
    }
}
