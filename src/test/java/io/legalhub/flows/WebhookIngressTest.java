package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.legalhub.ingress.WebhookSignature;
import io.legalhub.support.HubIntegrationTest;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.junit.jupiter.api.Test;

/**
 * Webhook ingress authenticates, validates and de-duplicates before anything is queued. Matter management's (Clio's)
 * webhooks come through the subscription the hub made, in Clio's own body: {"data":{…},"meta":{"event","webhook_id"}}.
 */
class WebhookIngressTest extends HubIntegrationTest {

    @Test
    void aClioWebhookThroughTheHubsSubscriptionIsTakenInAndTheSameOneTwiceHasOneEffect() {
        String number = newMatterNumber();
        String body = clioMatterEvent(number, "created");

        HttpResponse<String> first = postClioWebhook(body, null);
        HttpResponse<String> second = postClioWebhook(body, null);

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
        String body = clioMatterEvent(number, "created");
        long queuedBefore = messagesAdded("hub.in.matter");
        String ref = matterSubscription().ref();

        HttpResponse<String> unsigned = postWebhook("matter-management/" + ref, body, null, "application/json");
        HttpResponse<String> wrong = postClioWebhook(body, WebhookSignature.sign("not-the-secret", body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> tampered = postClioWebhook(body.replace(number, number + "X"),
                WebhookSignature.sign(matterSubscription().secret(), body.getBytes(StandardCharsets.UTF_8)));

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("Missing signature");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Signature does not match");
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(messagesAdded("hub.in.matter")).isEqualTo(queuedBefore);
    }

    @Test
    void malformedJsonIsRefusedWith400NamingTheProblem() {
        String body = "{\"data\": {";
        long queuedBefore = messagesAdded("hub.in.matter");

        HttpResponse<String> answer = postClioWebhook(body, null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Malformed JSON at line 1");
        assertThat(messagesAdded("hub.in.matter")).isEqualTo(queuedBefore);
    }

    @Test
    void anEventWithoutARecordOrWithoutItsMetaIsRefusedWith400NamingTheMissingField() {
        HttpResponse<String> noRecord = postClioWebhook("{\"meta\":{\"event\":\"created\",\"webhook_id\":1}}", null);
        HttpResponse<String> noMeta = postClioWebhook("{\"data\":{\"id\":5,\"etag\":\"\\\"x\\\"\"}}", null);

        assertThat(noRecord.statusCode()).isEqualTo(400);
        assertThat(noRecord.body()).contains("'data'");
        assertThat(noMeta.statusCode()).isEqualTo(400);
        assertThat(noMeta.body()).contains("'meta.webhook_id'");
    }

    @Test
    void aHandshakeOfTheHubsOwnSubscriptionIsConfirmedByEchoingItsSecret() throws Exception {
        Subscribed subscription = matterSubscription();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/webhooks/matter-management/" + subscription.ref()))
                .header("Content-Type", "application/json").header("X-Hook-Secret", "the-secret-clio-sent")
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{\"id\":" + subscription.webhookId() + "}}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Hook-Secret")).hasValue("the-secret-clio-sent");
    }

    @Test
    void aWebhookForASubscriptionTheHubDoesNotHaveIsAnswered410SoTheSenderStops() {
        String body = clioMatterEvent(newMatterNumber(), "created");

        HttpResponse<String> answer = postWebhook("matter-management/0123456789abcdef", body, "abc", "application/json");

        assertThat(answer.statusCode()).isEqualTo(410);
        assertThat(answer.body()).contains("no webhook subscription");
    }

    @Test
    void matterManagementTakesNoWebhookOutsideTheHubsSubscriptions() {
        String body = clioMatterEvent(newMatterNumber(), "created");

        HttpResponse<String> answer = postWebhook("matter-management", body, "abc", "application/json");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("only through the hub's subscriptions");
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

    /** A matter event as Clio sends it through a subscription, for a matter and client that exist only in it. */
    private String clioMatterEvent(String number, String event) {
        long id = 900_000 + Math.abs(number.hashCode() % 90_000);
        return """
                {"data":{"id":%d,"etag":"\\"%s\\"","display_number":"%s","description":"Webhook-only matter %s","status":"Open",
                 "open_date":"2026-11-26","close_date":null,"billable":true,"updated_at":"2026-11-26T10:00:00.000Z",
                 "client":{"id":9%d,"name":"Webhook Client %s","type":"Company","ledes_client_id":null},
                 "custom_field_values":[]},
                 "meta":{"event":"%s","webhook_id":%d}}"""
                .formatted(id, Integer.toHexString(number.hashCode()), number, number, Math.abs(number.hashCode() % 1000), number, event,
                        matterSubscription().webhookId());
    }
}
