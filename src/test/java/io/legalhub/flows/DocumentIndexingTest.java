package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.ingress.WebhookSignature;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;

/** Issue 3, flow 5: documents filed in the DMS are indexed, metadata only, on their matter in matter management. */
class DocumentIndexingTest extends HubIntegrationTest {

    @Test
    void aDocumentFiledInAProvisionedMattersWorkspaceIsIndexedOnThatMatterWithMetadataOnlyAndOnceOnly() {
        String number = newMatterNumber();
        long client = sandbox.createClient("Contoso " + number, "Company");
        JsonNode matter = sandbox.createMatter(number, "Contoso v. Litware – licence dispute", client, null);
        String workspace = await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.dmsWorkspaces(number), w -> w.size() == 1)
                .get(0).get("id").asText();

        JsonNode filed = sandbox.fileDocument(workspace, SandboxClient.JSON.createObjectNode()
                .put("name", "Licence Agreement").put("extension", "docx").put("author", "ARIVERA")
                .put("version", 3).put("checksum", "sha256:5f2b9c0e").put("size", 52311));
        String documentId = filed.get("id").asText();

        JsonNode indexed = await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.mmDocuments(documentId), d -> d.size() == 1).get(0);
        assertThat(indexed.at("/matter/id").asLong()).isEqualTo(matter.get("id").asLong());
        assertThat(indexed.at("/matter/display_number").asText()).isEqualTo(number);
        assertThat(indexed.get("name").asText()).isEqualTo("Licence Agreement.docx");
        assertThat(indexed.get("document_type").asText()).isEqualTo("DOCX");
        assertThat(indexed.get("author").asText()).isEqualTo("ARIVERA");
        assertThat(indexed.get("document_version").asInt()).isEqualTo(3);
        assertThat(indexed.get("checksum").asText()).isEqualTo("sha256:5f2b9c0e");
        assertThat(indexed.get("size").asLong()).isEqualTo(52311);
        assertThat(indexed.get("filed_at").asText()).isEqualTo(filed.get("filed_date").asText());
        List<String> fields = new ArrayList<>();
        indexed.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).doesNotContain("content", "body", "text", "file");

        // the DMS sends the same filing again (a retry with a new event id): nothing new in matter management
        HttpResponse<String> resent = postDmsWebhook("evt_resent_" + documentId, filed);
        assertThat(resent.statusCode()).isEqualTo(202);
        assertThat(resent.body()).contains("accepted");
        await().atMost(Duration.ofSeconds(30)).until(() -> countSteps(documentId, "unchanged") >= 1);
        awaitQueuesDrained();

        assertThat(sandbox.mmDocuments(documentId)).hasSize(1);
        assertThat(sandbox.mmDocuments(documentId).get(0).get("id").asLong()).isEqualTo(indexed.get("id").asLong());
        assertThat(sandbox.stats("matter-management").path("duplicates").path("documents").has(documentId)).isFalse();
    }

    @Test
    void aDocumentForAMatterTheHubDoesNotKnowIsDeadLetteredSayingSo() throws Exception {
        String unknown = newMatterNumber();
        String workspace = sandbox.createWorkspace(unknown, "Hand-made workspace " + unknown).get("id").asText();

        String documentId = sandbox.fileDocument(workspace, SandboxClient.JSON.createObjectNode()
                .put("name", "Orphan memo").put("extension", "pdf")).get("id").asText();

        JsonNode deadLetter = await().atMost(Duration.ofSeconds(30)).until(() -> openDeadLetters(documentId), d -> d.size() == 1).get(0);
        assertThat(deadLetter.get("entityType").asText()).isEqualTo("document");
        assertThat(deadLetter.get("stage").asText()).isEqualTo("deliver");
        assertThat(deadLetter.get("target").asText()).isEqualTo("matter-management");
        assertThat(deadLetter.get("failureKind").asText()).isEqualTo("permanent");
        assertThat(deadLetter.get("error").asText())
                .contains("document " + documentId + " belongs to matter " + unknown)
                .contains("the hub does not know matter " + unknown)
                .contains("replay this dead letter");
        JsonNode detail = SandboxClient.JSON.readTree(api("GET", "/api/dead-letters/" + deadLetter.get("id").asLong(), null, "viewer").body());
        assertThat(detail.get("failedField").asText()).isEqualTo("matterKey");
        assertThat(sandbox.mmDocuments(documentId)).isEmpty();
    }

    private HttpResponse<String> postDmsWebhook(String eventId, JsonNode document) {
        ObjectNode event = SandboxClient.JSON.createObjectNode().put("id", eventId).put("model", "document").put("event", "filed")
                .put("occurred_at", document.get("updated_at").asText());
        event.set("data", document);
        String body = event.toString();
        return postWebhook("dms", body, WebhookSignature.sign(DMS_SECRET, body.getBytes(StandardCharsets.UTF_8)), "application/json");
    }

    private List<JsonNode> openDeadLetters(String key) throws Exception {
        JsonNode page = SandboxClient.JSON.readTree(api("GET", "/api/dead-letters?status=open&q=" + key, null, "viewer").body());
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private long countSteps(String key, String step) {
        return jdbc.sql("select count(*) from journal where entity_type = 'document' and record_key = :k and step = :s")
                .param("k", key).param("s", step).query(Long.class).single();
    }
}
