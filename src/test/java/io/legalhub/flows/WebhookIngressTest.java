package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.legalhub.ingress.WebhookSignature;
import io.legalhub.support.HubIntegrationTest;
import org.apache.activemq.artemis.core.server.Queue;
import org.junit.jupiter.api.Test;
import org.apache.activemq.artemis.api.core.SimpleString;

/** Issue 2: webhook ingress authenticates, validates and de-duplicates before anything is queued. */
class WebhookIngressTest extends HubIntegrationTest {

    @Test
    void theSameWebhookDeliveredTwiceHasOneEffect() {
        String number = newMatterNumber();
        String body = matterEvent("evt_" + number, number, 1);
        String signature = WebhookSignature.sign(MM_SECRET, body.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> first = postWebhook("matter-management", body, signature, "application/json");
        HttpResponse<String> second = postWebhook("matter-management", body, signature, "application/json");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.body()).contains("accepted");
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.body()).contains("duplicate");
        // the matter exists only in this event, so its visible effect is its conflict search
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.conflictSearches(number).size() == 1);
        awaitQueuesDrained();
        assertThat(countSteps(number, "received")).isEqualTo(1);
        assertThat(sandbox.conflictSearches(number)).hasSize(1);
    }

    @Test
    void anUnsignedOrWronglySignedWebhookIsRefusedWith401AndNothingIsQueued() {
        String number = newMatterNumber();
        String body = matterEvent("evt_" + number, number, 1);
        long queuedBefore = messagesAdded("hub.in.matter");

        HttpResponse<String> unsigned = postWebhook("matter-management", body, null, "application/json");
        HttpResponse<String> wrong = postWebhook("matter-management", body, WebhookSignature.sign("not-the-secret",
                body.getBytes(StandardCharsets.UTF_8)), "application/json");
        HttpResponse<String> tampered = postWebhook("matter-management", body.replace(number, number + "X"),
                WebhookSignature.sign(MM_SECRET, body.getBytes(StandardCharsets.UTF_8)), "application/json");

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("Missing signature");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Signature does not match");
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(messagesAdded("hub.in.matter")).isEqualTo(queuedBefore);
    }

    @Test
    void malformedJsonIsRefusedWith400NamingTheProblem() {
        String body = "{\"id\": \"evt_1\", \"model\": \"matter\", \"data\": {";
        long queuedBefore = messagesAdded("hub.in.matter");

        HttpResponse<String> answer = postWebhook("matter-management", body,
                WebhookSignature.sign(MM_SECRET, body.getBytes(StandardCharsets.UTF_8)), "application/json");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Malformed JSON at line 1");
        assertThat(messagesAdded("hub.in.matter")).isEqualTo(queuedBefore);
    }

    @Test
    void anEventWithoutARecordIsRefusedWith400NamingTheMissingField() {
        String body = "{\"id\":\"evt_2\",\"model\":\"matter\"}";

        HttpResponse<String> answer = postWebhook("matter-management", body,
                WebhookSignature.sign(MM_SECRET, body.getBytes(StandardCharsets.UTF_8)), "application/json");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("'data'");
    }

    @Test
    void aFormEncodedPostIsRefusedWith415() {
        HttpResponse<String> answer = postWebhook("matter-management", "id=1", "abc", "application/x-www-form-urlencoded");

        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.body()).contains("application/json");
    }

    @Test
    void aWebhookForAnUnknownSystemIsRefusedWith404() {
        String body = "{\"id\":\"evt_3\",\"model\":\"matter\",\"data\":{\"id\":1}}";

        HttpResponse<String> answer = postWebhook("no-such-system", body, "abc", "application/json");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("no-such-system");
    }

    private long messagesAdded(String queue) {
        Queue q = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return q == null ? 0 : q.getMessagesAdded();
    }

    private long countSteps(String number, String step) {
        return jdbc.sql("select count(*) from journal where entity_type = 'matter' and record_key = :k and step = :s")
                .param("k", number).param("s", step).query(Long.class).single();
    }

    /** A matter event as matter management sends it, for a client that exists in the sandbox. */
    private String matterEvent(String eventId, String number, int version) {
        return """
                {"id":"%s","model":"matter","event":"created","occurred_at":"2026-11-26T10:00:00.000Z",
                 "data":{"id":%d,"version":%d,"display_number":"%s","description":"Webhook-only matter %s","status":"Open",
                 "client":{"id":9%d,"name":"Webhook Client %s","type":"Company"},
                 "relationships":[],"conflict_status":"not_checked","updated_at":"2026-11-26T10:00:00.000Z"}}"""
                .formatted(eventId, Math.abs(number.hashCode()), version, number, number, Math.abs(number.hashCode() % 1000), number);
    }
}
