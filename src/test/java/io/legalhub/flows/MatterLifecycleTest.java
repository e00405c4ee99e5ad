package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, flows 2 and 3: litigation matters get an e-discovery workspace linked to the matter and its
 * DMS workspace; changes reach every system that has the matter; closing closes and archives, reopening
 * reverses it.
 */
class MatterLifecycleTest extends HubIntegrationTest {

    @Test
    void aLitigationMatterGetsAnEdiscoveryWorkspaceLinkedToTheMatterAndItsDmsWorkspace() {
        String number = newMatterNumber();
        long client = sandbox.createClient("Alpine Ski House " + number, "Company");
        sandbox.createRelativityClient("Alpine Ski House " + number, "C-" + client);

        sandbox.createMatter(number, "Alpine Ski House v. Fourth Coffee", client, practiceArea("Litigation"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sandbox.ediscoveryWorkspaces(number)).hasSize(1);
            assertThat(sandbox.dmsWorkspaces(number)).hasSize(1);
            assertThat(sandbox.ediscoveryWorkspaces(number).get(0).get("dmsWorkspace").isNull()).as("linked to the DMS").isFalse();
        });
        JsonNode workspace = sandbox.ediscoveryWorkspaces(number).get(0);
        assertThat(workspace.at("/MatterNumber/Value").asText()).isEqualTo(number);
        assertThat(workspace.at("/ClientNumber/Value").asText()).isEqualTo("C-" + client);
        assertThat(workspace.get("dmsWorkspace").asText()).as("the DMS link custom field")
                .isEqualTo(sandbox.dmsWorkspaces(number).get(0).get("id").asText());
        assertThat(workspace.at("/Status/Name").asText()).isEqualTo("Active");
        assertThat(workspace.get("Name").asText().length()).isLessThanOrEqualTo(50);
    }

    @Test
    void aLitigationMatterWhoseClientRelativityDoesNotHaveIsDeadLetteredNamingTheClient() throws Exception {
        String number = newMatterNumber();
        long client = sandbox.createClient("Fourth Coffee " + number, "Company");

        sandbox.createMatter(number, "Fourth Coffee v. Alpine Ski House", client, practiceArea("Litigation"));

        JsonNode page = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetterPage("target=ediscovery&q=" + number), p -> p.get("total").asLong() > 0);
        JsonNode deadLetter = deadLetter(page.at("/items/0/id").asLong());
        assertThat(deadLetter.get("failureKind").asText()).isEqualTo("permanent");
        assertThat(deadLetter.get("error").asText()).contains("its client does not exist in ediscovery").contains("C-" + client);
        assertThat(sandbox.ediscoveryMatters(number)).isEmpty();
        // the matter reaches every other system all the same
        assertThat(sandbox.billingMatters(number)).hasSize(1);
    }

    @Test
    void aMatterOutsideLitigationGetsNoEdiscoveryWorkspace() {
        String number = newMatterNumber();
        long client = sandbox.createClient("Consolidated Messenger " + number, "Company");

        sandbox.createMatter(number, "Consolidated Messenger acquisition", client, practiceArea("Corporate / M&A"));

        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.billingMatters(number).size() == 1 && sandbox.dmsWorkspaces(number).size() == 1);
        awaitQueuesDrained();
        assertThat(sandbox.ediscoveryWorkspaces(number)).isEmpty();
    }

    @Test
    void nameAndAttorneyChangesReachEverySystemThatHasTheMatter() {
        String number = newMatterNumber();
        long client = sandbox.createClient("City Power & Light " + number, "Company");
        sandbox.createRelativityClient("City Power & Light " + number, "C-" + client);
        JsonNode matter = sandbox.createMatter(number, "City Power & Light rate case", client, practiceArea("Litigation"));
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.ediscoveryWorkspaces(number).size() == 1);
        JsonNode attorney = sandbox.users().get(1);

        ObjectNode change = SandboxClient.JSON.createObjectNode().put("description", "City Power & Light rate appeal");
        change.putObject("responsible_attorney").put("id", attorney.get("id").asLong());
        sandbox.updateMatter(matter.get("id").asLong(), change);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode billing = sandbox.billingMatters(number).get(0);
            assertThat(billing.get("name").asText()).isEqualTo("City Power & Light rate appeal");
            assertThat(billing.get("billing_attorney").asText()).isEqualTo(attorney.get("name").asText());
            assertThat(sandbox.dmsWorkspaces(number).get(0).get("description").asText()).isEqualTo("City Power & Light rate appeal");
            assertThat(sandbox.ediscoveryWorkspaces(number).get(0).get("Name").asText()).contains("City Power & Light rate appeal");
        });
    }

    @Test
    void closingClosesTheBillingMatterAndArchivesBothWorkspacesAndReopeningReversesIt() {
        String number = newMatterNumber();
        long client = sandbox.createClient("Humongous Insurance " + number, "Company");
        sandbox.createRelativityClient("Humongous Insurance " + number, "C-" + client);
        JsonNode matter = sandbox.createMatter(number, "Humongous Insurance coverage dispute", client, practiceArea("Litigation"));
        long id = matter.get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.ediscoveryWorkspaces(number).size() == 1);

        sandbox.updateMatter(id, SandboxClient.JSON.createObjectNode().put("status", "closed").put("close_date", "2026-11-20"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sandbox.billingMatters(number).get(0).get("status").asText()).isEqualTo("CLOSED");
            assertThat(sandbox.billingMatters(number).get(0).get("close_date").asText()).isEqualTo("2026-11-20");
            assertThat(sandbox.dmsWorkspaces(number).get(0).get("custom25").asBoolean()).as("closed-matter flag").isTrue();
            assertThat(sandbox.ediscoveryWorkspaces(number).get(0).at("/Status/Name").asText()).isEqualTo("Archived");
        });

        ObjectNode reopen = SandboxClient.JSON.createObjectNode().put("status", "open");
        reopen.putNull("close_date");
        sandbox.updateMatter(id, reopen);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sandbox.billingMatters(number).get(0).get("status").asText()).isEqualTo("OPEN");
            assertThat(sandbox.dmsWorkspaces(number).get(0).get("custom25").asBoolean()).as("closed-matter flag").isFalse();
            assertThat(sandbox.ediscoveryWorkspaces(number).get(0).at("/Status/Name").asText()).isEqualTo("Active");
        });
        assertThat(sandbox.billingMatters(number)).hasSize(1);
        assertThat(sandbox.dmsWorkspaces(number)).hasSize(1);
        assertThat(sandbox.ediscoveryWorkspaces(number)).hasSize(1);
    }

    private ObjectNode practiceArea(String name) {
        ObjectNode extra = SandboxClient.JSON.createObjectNode();
        extra.putObject("practice_area").put("id", sandbox.practiceAreaId(name));
        return extra;
    }
}
