package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;

/**
 * The hub keeps its own subscription to Clio's matter webhooks: made and confirmed by the handshake at start,
 * renewed before it expires, replaced when Clio expired, disabled or deleted it; while none is in force the
 * incremental poll carries the changes, and the API and dashboard say so.
 */
class WebhookSubscriptionTest extends HubIntegrationTest {

    private static final String WEBHOOKS = "/matter-management/api/v4/webhooks";

    @Test
    void theHubSubscribesToMatterWebhooksAtClioAndTheHandshakeEnablesTheSubscription() throws Exception {
        JsonNode hook = clioWebhook(matterSubscription().webhookId());

        assertThat(hook.get("status").asText()).isEqualTo("enabled");
        assertThat(hook.get("model").asText()).isEqualTo("matter");
        assertThat(hook.get("url").asText()).startsWith("http://127.0.0.1:" + port + "/webhooks/matter-management/");
        assertThat(SandboxClient.list(hook.get("events"))).extracting(JsonNode::asText).containsExactly("created", "updated");
        assertThat(hook.get("fields").asText()).contains("display_number").contains("custom_field_values{id,value,custom_field}");
        OffsetDateTime expires = OffsetDateTime.parse(hook.get("expires_at").asText());
        assertThat(expires).isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusDays(20)).isBefore(OffsetDateTime.now(ZoneOffset.UTC).plusDays(31));

        JsonNode listed = subscriptions().get(0);
        assertThat(listed.get("state").asText()).isEqualTo("active");
        assertThat(listed.at("/current/vendorId").asText()).isEqualTo(hook.get("id").asText());
        assertThat(listed.toString()).doesNotContain(matterSubscription().secret()).doesNotContain(matterSubscription().ref());
    }

    @Test
    void aMatterChangeArrivesThroughTheSubscriptionAndIsCountedOnIt() throws Exception {
        long before = subscriptions().get(0).at("/current/deliveries").asLong();
        String number = newMatterNumber();
        long client = sandbox.createClient("Subscribed " + number, "Company");
        sandbox.createMatter(number, "Subscribed matter", client, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from journal where entity_type = 'matter' "
                + "and record_key = :k and step = 'received' and detail = 'via webhook'").param("k", number).query(Long.class).single() > 0);
        assertThat(subscriptions().get(0).at("/current/deliveries").asLong()).isGreaterThan(before);
        assertThat(subscriptions().get(0).at("/current/lastDeliveryAt").isNull()).isFalse();
    }

    @Test
    void aSubscriptionCloseToItsExpiryIsRenewed() throws Exception {
        long id = matterSubscription().webhookId();
        String soon = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0).toString();
        sandbox.ok("PATCH", WEBHOOKS + "/" + id + ".json", SandboxClient.JSON.createObjectNode().set("data",
                SandboxClient.JSON.createObjectNode().put("expires_at", soon)));

        check();

        await().atMost(Duration.ofSeconds(30)).until(() -> OffsetDateTime.parse(clioWebhook(id).get("expires_at").asText())
                .isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusDays(20)));
        assertThat(matterSubscription().webhookId()).as("the same subscription, renewed").isEqualTo(id);
        assertThat(subscriptions().get(0).at("/current/renewedAt").isNull()).isFalse();
    }

    @Test
    void aSubscriptionClioExpiredIsReplacedByANewOne() throws Exception {
        long old = matterSubscription().webhookId();
        sandbox.ok("POST", "/matter-management/_control/webhooks/" + old + "/expire", null);

        check();

        long renewed = await().atMost(Duration.ofSeconds(30)).until(() -> matterSubscription().webhookId(), id -> id != old);
        assertThat(clioWebhook(renewed).get("status").asText()).isEqualTo("enabled");
        assertThat(subscriptions().get(0).get("history").toString()).contains("\"status\":\"retired\"").contains("it expired");
    }

    @Test
    void aSubscriptionClioDisabledIsReplacedAndTheOldOneIsDeletedThere() throws Exception {
        long old = matterSubscription().webhookId();
        sandbox.ok("POST", "/matter-management/_control/webhooks/" + old + "/suspend", null);

        check();

        long renewed = await().atMost(Duration.ofSeconds(30)).until(() -> matterSubscription().webhookId(), id -> id != old);
        assertThat(clioWebhook(renewed).get("status").asText()).isEqualTo("enabled");
        assertThat(sandbox.send("GET", WEBHOOKS + "/" + old + ".json", null).status()).as("the old subscription is deleted at Clio").isEqualTo(404);
    }

    @Test
    void whileNoSubscriptionIsInForceThePollCarriesChangesAndTheApiSaysSo() throws Exception {
        long old = matterSubscription().webhookId();
        // Clio loses the subscription and refuses new ones for a while
        sandbox.faults("matter-management", "{\"rejectRecords\":{\"webhooks\":\"Webhooks are switched off for this firm\"}}");
        sandbox.ok("DELETE", WEBHOOKS + "/" + old + ".json", null);
        check();

        JsonNode missing = await().atMost(Duration.ofSeconds(30)).until(() -> subscriptions().get(0), s -> s.get("state").asText().equals("missing"));
        assertThat(missing.get("explanation").asText()).contains("Webhooks are switched off for this firm").contains("incremental poll");
        String number = newMatterNumber();
        long client = sandbox.createClient("Unsubscribed " + number, "Company");
        sandbox.createMatter(number, "Matter while unsubscribed", client, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.billingMatters(number).size() == 1);
        assertThat(jdbc.sql("select count(*) from journal where entity_type = 'matter' and record_key = :k and step = 'received' "
                + "and detail = 'via poll'").param("k", number).query(Long.class).single()).isPositive();

        sandbox.clearFaults("matter-management");
        await().atMost(Duration.ofSeconds(30)).until(() -> subscriptions().get(0).get("state").asText().equals("active"));
    }

    private void check() {
        assertThat(api("POST", "/api/webhook-subscriptions/check", null, "operator").statusCode()).isEqualTo(200);
    }

    private List<JsonNode> subscriptions() throws Exception {
        return SandboxClient.list(SandboxClient.JSON.readTree(api("GET", "/api/webhook-subscriptions", null, "viewer").body())
                .get("subscriptions"));
    }

    private JsonNode clioWebhook(long id) {
        return sandbox.ok("GET", WEBHOOKS + "/" + id + ".json?fields=id,url,model,status,events,fields,expires_at", null).get("data");
    }
}
