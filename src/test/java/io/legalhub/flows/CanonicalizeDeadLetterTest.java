package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.ingress.WebhookSignature;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;

/** Issue 4: a record that fails canonicalization is found, fixed and traced by its business key. */
class CanonicalizeDeadLetterTest extends HubIntegrationTest {

    @Test
    void aMatterThatDoesNotFitTheModelIsDeadLetteredUnderItsMatterNumberNamingTheField() throws Exception {
        String number = newMatterNumber();
        String body = """
                {"data":{"id":%d,"etag":"\\"e1\\"","display_number":"%s","description":"Archived on arrival","status":"Archived",
                 "client":{"id":8%d,"name":"Archive Client %s","type":"Company"},"updated_at":"2026-11-26T10:00:00.000Z"},
                 "meta":{"event":"created","webhook_id":%d}}"""
                .formatted(Math.abs(number.hashCode()), number, Math.abs(number.hashCode() % 1000), number, matterSubscription().webhookId());

        assertThat(postClioWebhook(body, null).statusCode()).isEqualTo(202);

        JsonNode page = await().atMost(Duration.ofSeconds(30)).until(
                () -> json("/api/dead-letters?status=open&target=hub&q=" + number), p -> p.get("total").asInt() == 1);
        JsonNode deadLetter = page.get("items").get(0);
        assertThat(deadLetter.get("recordKey").asText()).isEqualTo(number);
        assertThat(deadLetter.get("stage").asText()).isEqualTo("canonicalize");
        assertThat(deadLetter.get("failedField").asText()).isEqualTo("$.status");
        assertThat(json("/api/records/matter/" + number + "/trail").get("steps").toString()).contains("failed");

        long id = deadLetter.get("id").asLong();
        String source = json("/api/dead-letters/" + id).get("body").asText();
        api("PUT", "/api/dead-letters/" + id + "/payload", source.replace("\"Archived\"", "\"Open\""), "operator");
        api("POST", "/api/dead-letters/" + id + "/replay", null, "operator");

        await().atMost(Duration.ofSeconds(30)).until(() -> "replayed".equals(json("/api/dead-letters/" + id).get("status").asText()));
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.conflictSearches(number).size() == 1);
    }

    private JsonNode json(String path) throws Exception {
        return SandboxClient.JSON.readTree(api("GET", path, null, "viewer").body());
    }
}
