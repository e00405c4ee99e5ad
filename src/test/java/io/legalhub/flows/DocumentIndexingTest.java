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
                .put("name", "Licence Agreement").put("extension", "docx").put("author", "ARIVERA").put("size", 52311));
        String documentId = filed.get("id").asText();

        JsonNode indexed = await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.mmDocuments(documentId), d -> d.size() == 1).get(0);
        assertThat(indexed.at("/parent/type").asText()).isEqualTo("Matter");
        assertThat(indexed.at("/parent/id").asLong()).isEqualTo(matter.get("id").asLong());
        assertThat(indexed.at("/matter/display_number").asText()).isEqualTo(number);
        assertThat(indexed.get("name").asText()).isEqualTo("Licence Agreement.docx");
        assertThat(indexed.get("received_at").asText()).isEqualTo(filed.get("create_date").asText());
        // Clio keeps an integration's metadata as external properties (at most five); no content is uploaded
        assertThat(SandboxClient.externalProperties(indexed)).containsEntry("dms_id", documentId)
                .containsEntry("author", "ARIVERA").containsEntry("document_version", "1").containsKey("document_type");
        List<String> fields = new ArrayList<>();
        indexed.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).doesNotContain("content", "body", "text", "file");

        // the DMS list is read again from the start (as after a restored poll position): nothing new in matter management
        jdbc.sql("delete from checkpoint where source_system = 'dms' and entity_type = 'document'").update();
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
