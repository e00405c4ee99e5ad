package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhookDeliveryTest {

    private static SandboxServer sandbox;
    private static WebhookReceiver receiver;
    private static SandboxHttp mm;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        sandbox = SandboxServer.start(SandboxSettings.builder()
                .webhookAttempts(4)
                .webhookBackoff(Duration.ofMillis(50))
                .build());
        mm = new SandboxHttp(sandbox.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
        receiver.close();
    }

    @BeforeEach
    void target() {
        receiver.clear();
        sandbox.setWebhookTarget(SandboxSystem.MATTER_MANAGEMENT, receiver.url(), "retry-secret");
        mm.delete("/_control/webhook/deliveries");
    }

    private List<WebhookReceiver.Delivery> deliveriesOf(long matterId) {
        List<WebhookReceiver.Delivery> out = new ArrayList<>();
        for (WebhookReceiver.Delivery d : receiver.deliveries()) {
            if (d.bodyText().contains("\"data\":{\"id\":" + matterId + ",")) {
                out.add(d);
            }
        }
        return out;
    }

    @Test
    void aDeliveryAnswered500IsRetriedWithTheSameSignedBodyUntilAccepted() throws Exception {
        receiver.answerNext(500, 503);
        mm.post("/_control/matters/1003/touch", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveriesOf(1003).size() == 3);
        List<WebhookReceiver.Delivery> ds = deliveriesOf(1003);
        assertThat(ds).extracting(WebhookReceiver.Delivery::answeredWith).containsExactly(500, 503, 200);
        assertThat(ds.get(2).bodyText()).isEqualTo(ds.get(0).bodyText());
        assertThat(ds.get(2).header("X-Hook-Signature")).isEqualTo(MatterManagementApiTest.hmac("retry-secret", ds.get(2).body()));
        await().atMost(Duration.ofSeconds(2)).until(() ->
                mm.get("/_control/webhook/deliveries").json().path("deliveries").get(0).path("status").asText().equals("delivered"));
        JsonNode delivery = mm.get("/_control/webhook/deliveries").json().path("deliveries").get(0);
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("event_id").asText()).startsWith("evt_");
    }

    @Test
    void aDeliveryIsAbandonedAfterTheConfiguredAttempts() {
        receiver.answerNext(500, 500, 500, 500);
        mm.post("/_control/matters/1004/touch", null);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                mm.get("/_control/webhook/deliveries").json().path("deliveries").path(0).path("status").asText().equals("failed"));
        assertThat(deliveriesOf(1004)).hasSize(4);
        assertThat(mm.get("/_control/webhook/deliveries").json().path("deliveries").get(0).path("last_error").asText()).contains("500");
    }

    @Test
    void eventsOfOneRecordArriveInVersionOrderEvenWhenEarlierOnesNeedRetries() throws Exception {
        receiver.answerNext(500, 500);
        int start = mm.get("/api/v4/matters/1005").json().path("data").path("version").asInt();
        for (int i = 0; i < 5; i++) {
            mm.post("/_control/matters/1005/touch", null);
        }
        await().atMost(Duration.ofSeconds(5)).until(() ->
                deliveriesOf(1005).stream().filter(d -> d.answeredWith() == 200).count() == 5);
        List<Integer> versions = new ArrayList<>();
        for (WebhookReceiver.Delivery d : deliveriesOf(1005)) {
            if (d.answeredWith() == 200) {
                versions.add(SandboxHttp.JSON.readTree(d.body()).path("data").path("version").asInt());
            }
        }
        assertThat(versions).containsExactly(start + 1, start + 2, start + 3, start + 4, start + 5);
    }

    @Test
    void webhookSettingsNeverShowTheSecretAndCanBeChangedOverHttp() {
        JsonNode shown = mm.get("/_control/webhook").json();
        assertThat(shown.path("url").asText()).isEqualTo(receiver.url());
        assertThat(shown.path("secretSet").asBoolean()).isTrue();
        assertThat(shown.path("enabled").asBoolean()).isTrue();
        assertThat(shown.has("secret")).isFalse();

        Resp disabled = mm.put("/_control/webhook", json("{'url':'" + receiver.url() + "','enabled':false}"));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("secretSet").asBoolean()).as("secret kept").isTrue();
        mm.post("/_control/matters/1006/touch", null);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> deliveriesOf(1006).isEmpty());

        assertThat(mm.put("/_control/webhook", json("{'url':'not a url','secret':'x'}")).status()).isEqualTo(422);
        assertThat(mm.put("/_control/webhook", json("{'url':'" + receiver.url() + "','secret':'new-secret'}")).status()).isEqualTo(200);
        mm.post("/_control/matters/1006/touch", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveriesOf(1006).size() == 1);
    }
}
