package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, flow 1: a new matter is searched in the conflicts system with its parties and roles; the
 * result and the decision are written back onto the matter; provisioning waits for cleared or waived.
 */
class ConflictsIntakeTest extends HubIntegrationTest {

    @Test
    void aMatterWithoutHitsIsClearedOnTheMatterAndProvisioned() {
        String number = newMatterNumber();
        long client = sandbox.createClient("Blue Yonder Airlines " + number, "Company");
        long adverse = sandbox.createClient("Coho Vineyard " + number, "Company");

        JsonNode matter = sandbox.createMatter(number, "Blue Yonder v. Coho – lease dispute", client, parties(adverse, "Adverse Party"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode now = sandbox.matter(matter.get("id").asLong());
            assertThat(now.get("conflict_status").asText()).isEqualTo("cleared");
            assertThat(now.get("conflict_search_id").asText()).startsWith("CS-");
            assertThat(sandbox.billingMatters(number)).hasSize(1);
            assertThat(sandbox.dmsWorkspaces(number)).hasSize(1);
        });
        List<JsonNode> searches = sandbox.conflictSearches(number);
        assertThat(searches).hasSize(1);
        assertThat(searches.get(0).get("parties").toString())
                .contains("Blue Yonder Airlines " + number).contains("CLIENT")
                .contains("Coho Vineyard " + number).contains("OPPOSING_PARTY");
    }

    @Test
    void aDeclinedMatterIsFlaggedInMatterManagementAndNothingIsProvisioned() {
        String number = newMatterNumber();
        String adverseName = "Trey Research " + number;
        sandbox.plantConflictEntity(adverseName, "CLIENT", "2019-0001");
        long client = sandbox.createClient("Margie's Travel " + number, "Company");
        long adverse = sandbox.createClient(adverseName, "Company");

        JsonNode matter = sandbox.createMatter(number, "Margie's Travel v. Trey Research", client, parties(adverse, "Adverse Party"));
        long id = matter.get("id").asLong();

        JsonNode pending = await().atMost(Duration.ofSeconds(30))
                .until(() -> sandbox.matter(id), m -> "pending".equals(m.path("conflict_status").asText()));
        assertThat(pending.get("conflict_note").asText()).contains(adverseName).contains("2019-0001");
        String searchId = pending.get("conflict_search_id").asText();

        sandbox.decide(searchId, "declined", "We act for Trey Research");

        JsonNode declined = await().atMost(Duration.ofSeconds(30))
                .until(() -> sandbox.matter(id), m -> "declined".equals(m.path("conflict_status").asText()));
        assertThat(declined.get("intake_flag").asText()).contains("declined").contains("We act for Trey Research");
        awaitQueuesDrained();
        assertThat(sandbox.billingMatters(number)).isEmpty();
        assertThat(sandbox.dmsWorkspaces(number)).isEmpty();
        assertThat(trail(number)).contains("waiting for conflicts clearance", "conflicts declined");
    }

    @Test
    void aWaivedMatterIsProvisioned() {
        String number = newMatterNumber();
        String adverseName = "Lucerne Publishing " + number;
        sandbox.plantConflictEntity(adverseName, "CLIENT", "2020-0042");
        long client = sandbox.createClient("Wide World Importers " + number, "Company");
        long adverse = sandbox.createClient(adverseName, "Company");
        JsonNode matter = sandbox.createMatter(number, "Wide World v. Lucerne", client, parties(adverse, "Adverse Party"));
        long id = matter.get("id").asLong();
        JsonNode pending = await().atMost(Duration.ofSeconds(30))
                .until(() -> sandbox.matter(id), m -> "pending".equals(m.path("conflict_status").asText()));
        awaitQueuesDrained();
        assertThat(sandbox.billingMatters(number)).isEmpty();

        sandbox.decide(pending.get("conflict_search_id").asText(), "waived", "Informed consent on file");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sandbox.matter(id).get("conflict_status").asText()).isEqualTo("waived");
            assertThat(sandbox.billingMatters(number)).hasSize(1);
            assertThat(sandbox.dmsWorkspaces(number)).hasSize(1);
        });
    }

    @Test
    void partiesAddedLaterTriggerANewSearchAndRenamingDoesNot() {
        String number = newMatterNumber();
        long client = sandbox.createClient("Graphic Design Institute " + number, "Company");
        JsonNode matter = sandbox.createMatter(number, "Graphic Design Institute licensing", client, null);
        long id = matter.get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.billingMatters(number).size() == 1);

        sandbox.updateMatter(id, SandboxClient.JSON.createObjectNode().put("description", "Graphic Design Institute licensing (renamed)"));
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.billingMatters(number).get(0).get("name").asText().endsWith("(renamed)"));
        awaitQueuesDrained();
        assertThat(sandbox.conflictSearches(number)).hasSize(1);

        long witness = sandbox.createClient("Alex Johnson " + number, "Person");
        sandbox.updateMatter(id, parties(witness, "Witness"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> searches = sandbox.conflictSearches(number);
            assertThat(searches).hasSize(2);
            assertThat(searches.get(1).get("parties").toString()).contains("Alex Johnson " + number).contains("WITNESS");
        });
    }

    private static ObjectNode parties(long contactId, String role) {
        ObjectNode extra = SandboxClient.JSON.createObjectNode();
        ArrayNode relationships = extra.putArray("relationships");
        ObjectNode relationship = relationships.addObject().put("description", role);
        relationship.putObject("contact").put("id", contactId);
        return extra;
    }

    private String trail(String number) {
        return String.join("\n", jdbc.sql("select detail from journal where record_key = :k and detail is not null order by id")
                .param("k", number).query(String.class).list());
    }
}
