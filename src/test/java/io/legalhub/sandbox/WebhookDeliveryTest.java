package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.legalhub.sandbox.SandboxHttp.data;
import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery mechanics: retries, give-up and ordering. Matter management delivers to the subscriptions its receivers made
 * (Clio style, {@code /_control/webhooks/deliveries}); conflicts delivers to the one static target set from outside, in
 * the sandbox's own envelope ({@code /_control/webhook}).
 */
class WebhookDeliveryTest {

    private static final String API = "/api/v4";
    private static final String CONFLICTS_SECRET = "retry-secret";

    private static SandboxServer sandbox;
    private static WebhookReceiver receiver;
    private static SandboxHttp mm;
    private static SandboxHttp conflicts;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        sandbox = SandboxServer.start(SandboxSettings.builder()
                .webhookAttempts(4)
                .webhookBackoff(Duration.ofMillis(50))
                .build());
        mm = new SandboxHttp(sandbox.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
        conflicts = new SandboxHttp(sandbox.baseUrl(SandboxSystem.CONFLICTS));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
        receiver.close();
    }

    @BeforeEach
    void target() {
        receiver.clear();
        sandbox.setWebhookTarget(SandboxSystem.CONFLICTS, receiver.url(), CONFLICTS_SECRET);
        mm.delete("/_control/webhooks/deliveries");
        conflicts.delete("/_control/webhook/deliveries");
    }

    @AfterEach
    void unsubscribe() {
        for (JsonNode hook : mm.get(API + "/webhooks.json?fields=id").json().path("data")) {
            mm.delete(API + "/webhooks/" + hook.path("id").asLong() + ".json");
        }
    }

    /** A matter subscription of the receiver, enabled by its handshake. */
    private static JsonNode subscribe(String fields) {
        JsonNode hook = mm.post(API + "/webhooks.json", data(json("{'url':'" + receiver.url() + "','model':'matter','fields':'" + fields
                + "','events':['updated']}"))).json().path("data");
        long id = hook.path("id").asLong();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                mm.get(API + "/webhooks/" + id + ".json?fields=status").json().path("data").path("status").asText().equals("enabled"));
        return hook;
    }

    private static List<WebhookReceiver.Delivery> deliveriesOf(long matterId) {
        List<WebhookReceiver.Delivery> out = new ArrayList<>();
        for (WebhookReceiver.Delivery d : receiver.deliveries()) {
            if (d.json().path("data").path("id").asLong() == matterId) {
                out.add(d);
            }
        }
        return out;
    }

    private static JsonNode lastMatterDelivery() {
        return mm.get("/_control/webhooks/deliveries").json().path("deliveries").path(0);
    }

    @Test
    void aMatterDeliveryAnswered500IsRetriedWithTheSameSignedBodyUntilAccepted() {
        JsonNode hook = subscribe("id,description");
        receiver.answerNext(500, 503);
        mm.post("/_control/matters/1003/touch", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveriesOf(1003).size() == 3);
        List<WebhookReceiver.Delivery> ds = deliveriesOf(1003);
        assertThat(ds).extracting(WebhookReceiver.Delivery::answeredWith).containsExactly(500, 503, 200);
        assertThat(ds.get(2).bodyText()).isEqualTo(ds.get(0).bodyText());
        assertThat(ds.get(2).header("X-Hook-Signature")).isEqualTo(ds.get(0).header("X-Hook-Signature"))
                .isEqualTo(WebhookReceiver.hmac(hook.path("shared_secret").asText(), ds.get(2).body()));
        await().atMost(Duration.ofSeconds(2)).until(() -> lastMatterDelivery().path("status").asText().equals("delivered"));
        JsonNode delivery = lastMatterDelivery();
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("webhook_id").asLong()).isEqualTo(hook.path("id").asLong());
        assertThat(delivery.path("last_status_code").asInt()).isEqualTo(200);
    }

    @Test
    void aMatterDeliveryIsAbandonedAfterTheConfiguredAttempts() {
        subscribe("id,description");
        receiver.answerNext(500, 500, 500, 500);
        mm.post("/_control/matters/1004/touch", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> lastMatterDelivery().path("status").asText().equals("failed"));
        assertThat(deliveriesOf(1004)).hasSize(4);
        assertThat(lastMatterDelivery().path("last_error").asText()).contains("500");
    }

    @Test
    void aMatterDeliveryAnswered410IsNotRetriedAndSuspendsTheSubscription() {
        JsonNode hook = subscribe("id,description");
        receiver.answerNext(410);
        mm.post("/_control/matters/1008/touch", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> lastMatterDelivery().path("status").asText().equals("gone"));
        assertThat(lastMatterDelivery().path("attempts").asInt()).isEqualTo(1);
        assertThat(mm.get(API + "/webhooks/" + hook.path("id").asLong() + ".json?fields=status").json().path("data").path("status")
                .asText()).isEqualTo("suspended");
    }

    @Test
    void eventsOfOneMatterArriveInOrderEvenWhenEarlierOnesNeedRetries() {
        subscribe("id,description,updated_at");
        receiver.answerNext(500, 500);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(mm.post("/_control/matters/1005/touch", null).json().path("data").path("description").asText());
        }
        await().atMost(Duration.ofSeconds(5)).until(() ->
                deliveriesOf(1005).stream().filter(d -> d.answeredWith() == 200).count() == 5);
        List<String> descriptions = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (WebhookReceiver.Delivery d : deliveriesOf(1005)) {
            if (d.answeredWith() == 200) {
                descriptions.add(d.json().path("data").path("description").asText());
                times.add(d.json().path("data").path("updated_at").asText());
            }
        }
        assertThat(descriptions).containsExactlyElementsOf(sent);
        assertThat(times).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aConflictsDeliveryIsRetriedWithTheSameEventIdAndSignature() {
        receiver.answerNext(500);
        String id = conflicts.post("/api/v1/searches", json("{'reference':'2026-9301','parties':[{'name':'Zyxwv Retry Bakeries Ltd',"
                + "'role':'CLIENT'}]}")).json().path("id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.deliveries().stream().filter(d -> d.bodyText().contains(id)).count() == 2);
        List<WebhookReceiver.Delivery> ds = receiver.deliveries().stream().filter(d -> d.bodyText().contains(id)).toList();
        assertThat(ds.get(1).bodyText()).isEqualTo(ds.get(0).bodyText());
        assertThat(ds.get(1).header("X-Hook-Signature")).isEqualTo(WebhookReceiver.hmac(CONFLICTS_SECRET, ds.get(1).body()));
        JsonNode event = ds.get(1).json();
        assertThat(event.path("id").asText()).startsWith("evt_").isEqualTo(ds.get(1).header("X-Hook-Event-Id"));
        assertThat(event.path("model").asText()).isEqualTo("conflict_search");
        assertThat(event.path("event").asText()).isEqualTo("decided");
        assertThat(event.path("occurred_at").asText()).isNotBlank();
        await().atMost(Duration.ofSeconds(2)).until(() ->
                conflicts.get("/_control/webhook/deliveries").json().path("deliveries").path(0).path("status").asText().equals("delivered"));
        JsonNode delivery = conflicts.get("/_control/webhook/deliveries").json().path("deliveries").get(0);
        assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
        assertThat(delivery.path("event_id").asText()).isEqualTo(event.path("id").asText());
    }

    @Test
    void theConflictsWebhookSettingsNeverShowTheSecretAndCanBeChangedOverHttp() {
        JsonNode shown = conflicts.get("/_control/webhook").json();
        assertThat(shown.path("url").asText()).isEqualTo(receiver.url());
        assertThat(shown.path("secretSet").asBoolean()).isTrue();
        assertThat(shown.path("enabled").asBoolean()).isTrue();
        assertThat(shown.has("secret")).isFalse();

        Resp disabled = conflicts.put("/_control/webhook", json("{'url':'" + receiver.url() + "','enabled':false}"));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("secretSet").asBoolean()).as("secret kept").isTrue();
        String quiet = conflicts.post("/api/v1/searches", json("{'reference':'2026-9302','parties':[{'name':'Nobody Quiet Ltd','role':'CLIENT'}]}"))
                .json().path("id").asText();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() ->
                receiver.deliveries().stream().noneMatch(d -> d.bodyText().contains(quiet)));

        assertThat(conflicts.put("/_control/webhook", json("{'url':'not a url','secret':'x'}")).status()).isEqualTo(422);
        assertThat(conflicts.put("/_control/webhook", json("{'url':'" + receiver.url() + "','secret':'new-secret'}")).status()).isEqualTo(200);
        String loud = conflicts.post("/api/v1/searches", json("{'reference':'2026-9303','parties':[{'name':'Nobody Loud Ltd','role':'CLIENT'}]}"))
                .json().path("id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.deliveries().stream().anyMatch(d -> d.bodyText().contains(loud)));
        WebhookReceiver.Delivery d = receiver.deliveries().stream().filter(x -> x.bodyText().contains(loud)).findFirst().orElseThrow();
        assertThat(d.header("X-Hook-Signature")).isEqualTo(WebhookReceiver.hmac("new-secret", d.body()));
    }

    @Test
    void matterManagementHasNoStaticTargetOnlySubscriptions() {
        assertThat(mm.get("/_control/webhook").status()).isEqualTo(404);
        assertThat(mm.get("/_control/webhook/deliveries").status()).isEqualTo(404);
        assertThat(conflicts.get("/_control/webhooks/deliveries").status()).as("and conflicts has no subscriptions").isEqualTo(404);
    }
}
