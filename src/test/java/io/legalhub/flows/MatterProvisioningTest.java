package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;

/** Issue 2: matters created or changed in matter management reach billing and the DMS. */
class MatterProvisioningTest extends HubIntegrationTest {

    @Test
    void matterCreatedInMatterManagementAppearsInBillingAndDms() {
        String number = newMatterNumber();
        long client = sandbox.createClient("Northwind Traders " + number, "Company");

        sandbox.createMatter(number, "Northwind v. Contoso – patent dispute", client, null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> billing = sandbox.billingMatters(number);
            assertThat(billing).hasSize(1);
            assertThat(billing.get(0).get("name").asText()).isEqualTo("Northwind v. Contoso – patent dispute");
            assertThat(billing.get(0).get("client_number").asText()).isEqualTo("C-" + client);
            assertThat(billing.get(0).get("status").asText()).isEqualTo("OPEN");
            List<JsonNode> workspaces = sandbox.dmsWorkspaces(number);
            assertThat(workspaces).hasSize(1);
            assertThat(workspaces.get(0).get("name").asText())
                    .isEqualTo("Northwind Traders " + number + " - " + number + " - Northwind v. Contoso – patent dispute");
            assertThat(workspaces.get(0).get("custom1").asText()).isEqualTo("C-" + client);
        });
    }

    @Test
    void aChangeToTheMatterFollowsToBillingAndDms() {
        String number = newMatterNumber();
        long client = sandbox.createClient("Fabrikam " + number, "Company");
        JsonNode matter = sandbox.createMatter(number, "Fabrikam lease review", client, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.billingMatters(number).size() == 1
                && sandbox.dmsWorkspaces(number).size() == 1);

        ObjectNode change = SandboxClient.JSON.createObjectNode().put("description", "Fabrikam lease renegotiation").put("status", "closed");
        sandbox.updateMatter(matter.get("id").asLong(), change);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode billing = sandbox.billingMatters(number).get(0);
            assertThat(billing.get("name").asText()).isEqualTo("Fabrikam lease renegotiation");
            assertThat(billing.get("status").asText()).isEqualTo("CLOSED");
            JsonNode workspace = sandbox.dmsWorkspaces(number).get(0);
            assertThat(workspace.get("description").asText()).isEqualTo("Fabrikam lease renegotiation");
            assertThat(workspace.get("custom25").asBoolean()).as("closed-matter flag").isTrue();
        });
        assertThat(sandbox.billingMatters(number)).hasSize(1);
        assertThat(sandbox.dmsWorkspaces(number)).hasSize(1);
    }

    @Test
    void anUnchangedResendSendsNothingToTheTargets() {
        String number = newMatterNumber();
        long client = sandbox.createClient("Tailspin " + number, "Company");
        sandbox.createMatter(number, "Tailspin employment claim", client, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> trailHas(number, "delivered", "billing")
                && trailHas(number, "delivered", "dms"));
        long writesBefore = writesFor(number);

        // the poll reads the list from the start again, as after a restored poll position: the same version is
        // queued again and reaches both targets, which already have it
        jdbc.sql("delete from checkpoint where source_system = 'matter-management' and entity_type = 'matter'").update();
        await().atMost(Duration.ofSeconds(30)).until(() -> countSteps(number, "unchanged") >= 2);

        assertThat(writesFor(number)).isEqualTo(writesBefore);
        assertThat(sandbox.billingMatters(number)).hasSize(1);
        assertThat(sandbox.dmsWorkspaces(number)).hasSize(1);
    }

    /** Writes to this matter in billing, and every workspace write in the DMS (iManage's writes name no id in the path). */
    private long writesFor(String number) {
        String id = sandbox.billingMatters(number).get(0).get("id").asText();
        long billing = sandbox.requests("billing").stream()
                .filter(r -> !r.get("method").asText().equals("GET"))
                .filter(r -> r.get("path").asText().endsWith("/" + id)).count();
        long dms = sandbox.requests("dms").stream()
                .filter(r -> r.get("path").asText().matches(".*/(createWorkspace|updateWorkspace|editNVP)")).count();
        return billing + dms;
    }

    private boolean trailHas(String number, String step, String system) {
        return jdbc.sql("select count(*) from journal where entity_type = 'matter' and record_key = :k and step = :s and system_name = :sys")
                .param("k", number).param("s", step).param("sys", system).query(Long.class).single() > 0;
    }

    private long countSteps(String number, String step) {
        return jdbc.sql("select count(*) from journal where entity_type = 'matter' and record_key = :k and step = :s")
                .param("k", number).param("s", step).query(Long.class).single();
    }
}
