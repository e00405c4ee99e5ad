package io.legalhub.sandbox.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends signed webhooks of one system asynchronously: body
 * {@code {"id":"evt_…","model","event","occurred_at","data"}}, header {@code X-Hook-Signature} = lowercase hex
 * HMAC-SHA256 of the exact body bytes keyed by the secret. Events of one record are delivered in order; a failed
 * attempt (I/O error or non-2xx) is retried with exponential backoff ({@link WebhookPoster}). Internal.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private record Target(String url, String secret, boolean enabled) {
    }

    private final String system;
    private final WebhookPoster poster;
    private volatile Target target;

    public WebhookDispatcher(String system, int maxAttempts, Duration backoff) {
        this.system = system;
        this.poster = new WebhookPoster("sandbox-webhook-" + system, maxAttempts, backoff);
    }

    /** Sets the target; a null url disables delivery. A null secret keeps the previous secret. */
    public void configure(String url, String secret, boolean enabled) {
        Target old = target;
        String s = secret != null ? secret : old == null ? null : old.secret();
        target = url == null ? null : new Target(url, s, enabled);
    }

    public boolean active() {
        Target t = target;
        return t != null && t.enabled() && !poster.closed();
    }

    public String url() {
        Target t = target;
        return t == null ? null : t.url();
    }

    public boolean hasSecret() {
        Target t = target;
        return t != null && t.secret() != null;
    }

    /** Configuration as shown by {@code GET /_control/webhook}; never contains the secret. */
    public ObjectNode describe() {
        Target t = target;
        ObjectNode n = Json.object();
        n.put("url", t == null ? null : t.url());
        n.put("secretSet", t != null && t.secret() != null);
        n.put("enabled", t != null && t.enabled());
        return n;
    }

    /**
     * Queues an event when a target is configured. {@code recordKey} orders deliveries: events of the same
     * record go out one after another.
     */
    public void emit(String model, String event, String recordKey, String occurredAt, ObjectNode data) {
        Target t = target;
        if (t == null || !t.enabled() || poster.closed()) {
            return;
        }
        String eventId = "evt_" + UUID.randomUUID();
        ObjectNode env = Json.object();
        env.put("id", eventId);
        env.put("model", model);
        env.put("event", event);
        env.put("occurred_at", occurredAt != null ? occurredAt : Json.ts(Instant.now()));
        env.set("data", data);
        byte[] body = Json.bytes(env);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "legal-hub-sandbox/" + system);
        headers.put("X-Hook-Event-Id", eventId);
        if (t.secret() != null) {
            headers.put("X-Hook-Signature", sign(t.secret(), body));
        }
        ObjectNode describe = Json.object();
        describe.put("event_id", eventId);
        describe.put("model", model);
        describe.put("event", event);
        describe.put("record_id", recordKey);
        poster.post(model + ":" + recordKey, describe, t.url(), headers, body,
                status -> status / 100 == 2 ? WebhookPoster.Outcome.DELIVERED : WebhookPoster.Outcome.RETRY, () -> { });
    }

    /** Lowercase hex HMAC-SHA256 of the body keyed by the secret. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Recent deliveries, oldest first. */
    public ArrayNode deliveriesJson(int limit) {
        return poster.deliveriesJson(limit);
    }

    public void clearDeliveries() {
        poster.clearDeliveries();
    }

    @Override
    public void close() {
        poster.close();
    }
}
