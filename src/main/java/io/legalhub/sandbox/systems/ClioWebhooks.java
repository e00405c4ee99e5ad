package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.control.WebhookDispatcher;
import io.legalhub.sandbox.control.WebhookPoster;
import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.store.SystemStore;
import io.legalhub.sandbox.store.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Clio's webhooks as its API documents them (#/tags/70): subscriptions created by the receiver, confirmed by the
 * {@code X-Hook-Secret} handshake, expiring, signed with {@code X-Hook-Signature} (lowercase hex HMAC-SHA256 of the
 * body keyed by the subscription's shared secret — the encoding is an assumption, Clio does not state it), payload
 * {@code {"data":{…the subscribed fields…},"meta":{"event","webhook_id"}}}. 2xx, 3xx and 410 count as delivered;
 * 410 suspends the subscription; anything else is retried with backoff. Events of one record go out in order. Internal.
 */
final class ClioWebhooks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClioWebhooks.class);
    private final SystemStore store;
    private final Table webhooks;
    private final WebhookPoster poster;

    ClioWebhooks(SystemStore store, Table webhooks, int maxAttempts, Duration backoff) {
        this.store = store;
        this.webhooks = webhooks;
        this.poster = new WebhookPoster("sandbox-clio-webhook", maxAttempts, backoff);
    }

    /**
     * Sends the handshake of a new subscription (or one whose URL changed): a POST carrying the secret in
     * {@code X-Hook-Secret}; an answer of 200 echoing it enables the subscription at once.
     */
    void handshake(long webhookId) {
        ObjectNode hook = webhooks.get(webhookId);
        if (hook == null || poster.closed()) {
            return;
        }
        String secret = hook.path("shared_secret").asText();
        String url = hook.path("url").asText();
        ObjectNode body = Json.object();
        body.putObject("data").put("id", webhookId);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("User-Agent", "legal-hub-sandbox/clio")
                .header("X-Hook-Secret", secret)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build();
        poster.client().sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            boolean confirmed = error == null && response.statusCode() == 200
                    && secret.equals(response.headers().firstValue("X-Hook-Secret").orElse(null));
            if (confirmed) {
                setStatus(webhookId, "pending", "enabled");
            } else {
                LOG.debug("handshake of webhook {} to {} not confirmed ({}); it stays pending", webhookId, url,
                        error == null ? "HTTP " + response.statusCode() : error.toString());
            }
        });
    }

    /** Changes a subscription's status if it is still {@code from} (null: any). */
    void setStatus(long webhookId, String from, String to) {
        store.write(() -> {
            ObjectNode hook = webhooks.get(webhookId);
            if (hook == null || (from != null && !from.equals(hook.path("status").asText()))) {
                return;
            }
            ObjectNode changed = hook.deepCopy();
            changed.put("status", to);
            webhooks.put(webhookId, changed);
        });
    }

    /**
     * Notifies every enabled, unexpired subscription of {@code model} that wants {@code event}; for "updated", only
     * those whose watched fields changed between {@code before} and {@code after}.
     */
    void emit(String model, String event, ObjectNode before, ObjectNode after, Instant now) {
        if (poster.closed()) {
            return;
        }
        for (ObjectNode hook : webhooks.all()) {
            if (!model.equals(hook.path("model").asText()) || !"enabled".equals(hook.path("status").asText())
                    || !wants(hook, event) || expired(hook, now)) {
                continue;
            }
            ObjectNode payload = Json.object();
            try {
                ClioFieldSelection fields = ClioFieldSelection.parse(hook.path("fields").asText());
                if (event.equals("updated") && before != null && !fields.changed(before, after, model)) {
                    continue;
                }
                payload.set("data", fields.payload(after, model));
            } catch (ApiException e) {
                // emit runs inside the write that changed the record: a subscription whose fields do not fit (one stored
                // before they were checked) must not fail that write after its record was stored; it is skipped instead
                LOG.warn("webhook {} not sent: its fields do not fit the {}: {}", hook.get("id"), model, e.getMessage());
                continue;
            }
            ObjectNode meta = payload.putObject("meta");
            meta.put("event", event);
            meta.put("webhook_id", hook.get("id").asLong());
            send(hook, model, event, after.path("id").asText(), Json.bytes(payload));
        }
    }

    private static boolean wants(ObjectNode hook, String event) {
        for (JsonNode e : hook.path("events")) {
            if (e.asText().equals(event)) {
                return true;
            }
        }
        return false;
    }

    static boolean expired(ObjectNode hook, Instant now) {
        Instant expires = Json.parseInstant(hook.path("expires_at").asText());
        return expires != null && !expires.isAfter(now);
    }

    private void send(ObjectNode hook, String model, String event, String recordId, byte[] body) {
        long webhookId = hook.get("id").asLong();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "legal-hub-sandbox/clio");
        headers.put("X-Hook-Signature", WebhookDispatcher.sign(hook.path("shared_secret").asText(), body));
        ObjectNode describe = Json.object();
        describe.put("webhook_id", webhookId);
        describe.put("model", model);
        describe.put("event", event);
        describe.put("record_id", recordId);
        // 2xx and 3xx are delivered; 410 means the receiver no longer wants it: Clio disables the subscription
        poster.post(webhookId + ":" + model + ":" + recordId, describe, hook.path("url").asText(), headers, body,
                status -> status == 410 ? WebhookPoster.Outcome.GONE
                        : status / 100 == 2 || status / 100 == 3 ? WebhookPoster.Outcome.DELIVERED : WebhookPoster.Outcome.RETRY,
                () -> setStatus(webhookId, null, "suspended"));
    }

    /** Recent deliveries, oldest first. */
    ArrayNode deliveriesJson(int limit) {
        return poster.deliveriesJson(limit);
    }

    void clearDeliveries() {
        poster.clearDeliveries();
    }

    @Override
    public void close() {
        poster.close();
    }
}
