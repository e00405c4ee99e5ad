package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.control.WebhookDispatcher;
import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.store.SystemStore;
import io.legalhub.sandbox.store.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clio's webhooks as its API documents them (#/tags/70): subscriptions created by the receiver, confirmed by the
 * {@code X-Hook-Secret} handshake, expiring, signed with {@code X-Hook-Signature} (lowercase hex HMAC-SHA256 of the
 * body keyed by the subscription's shared secret — the encoding is an assumption, Clio does not state it), payload
 * {@code {"data":{…the subscribed fields…},"meta":{"event","webhook_id"}}}. 2xx, 3xx and 410 count as delivered;
 * 410 suspends the subscription; anything else is retried with backoff. Events of one record go out in order. Internal.
 */
final class ClioWebhooks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClioWebhooks.class);
    private static final int MAX_DELIVERIES = 2_000;

    /** One delivery attempt's outcome, for {@code /_control/webhooks/deliveries}. */
    private static final class Delivery {
        final long webhookId;
        final String event;
        final String model;
        final String recordId;
        final String url;
        final Instant createdAt = Instant.now();
        volatile String status = "pending";
        volatile int attempts;
        volatile Integer lastStatusCode;
        volatile String lastError;

        Delivery(long webhookId, String event, String model, String recordId, String url) {
            this.webhookId = webhookId;
            this.event = event;
            this.model = model;
            this.recordId = recordId;
            this.url = url;
        }
    }

    private final SystemStore store;
    private final Table webhooks;
    private final int maxAttempts;
    private final Duration backoff;
    private final ExecutorService executor;
    private final HttpClient http;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> chains = new ConcurrentHashMap<>();
    private final ArrayDeque<Delivery> deliveries = new ArrayDeque<>();
    private volatile boolean closed;

    ClioWebhooks(SystemStore store, Table webhooks, int maxAttempts, Duration backoff) {
        this.store = store;
        this.webhooks = webhooks;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-clio-webhook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(executor).build();
    }

    /**
     * Sends the handshake of a new subscription (or one whose URL changed): a POST carrying the secret in
     * {@code X-Hook-Secret}; an answer of 200 echoing it enables the subscription at once.
     */
    void handshake(long webhookId) {
        ObjectNode hook = webhooks.get(webhookId);
        if (hook == null || closed) {
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
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
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
        if (closed) {
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
        String signature = WebhookDispatcher.sign(hook.path("shared_secret").asText(), body);
        Delivery d = new Delivery(webhookId, event, model, recordId, hook.path("url").asText());
        synchronized (deliveries) {
            if (deliveries.size() == MAX_DELIVERIES) {
                deliveries.removeFirst();
            }
            deliveries.addLast(d);
        }
        String chainKey = webhookId + ":" + model + ":" + recordId;
        CompletableFuture<Void> mine = chains.compute(chainKey, (k, prev) ->
                (prev == null ? CompletableFuture.<Void>completedFuture(null) : prev)
                        .handle((ok, err) -> null)
                        .thenCompose(x -> attempt(d, body, signature, 1)));
        mine.whenComplete((ok, err) -> chains.remove(chainKey, mine));
    }

    private CompletableFuture<Void> attempt(Delivery d, byte[] body, String signature, int n) {
        if (closed) {
            d.status = "abandoned";
            return CompletableFuture.completedFuture(null);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("User-Agent", "legal-hub-sandbox/clio")
                .header("X-Hook-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            d.attempts = n;
            if (error == null) {
                int code = response.statusCode();
                d.lastStatusCode = code;
                if (code == 410) {
                    // the receiver no longer wants it: Clio disables the subscription
                    setStatus(d.webhookId, null, "suspended");
                    d.status = "gone";
                    return true;
                }
                if (code / 100 == 2 || code / 100 == 3) {
                    d.status = "delivered";
                    d.lastError = null;
                    return true;
                }
                d.lastError = "HTTP " + code;
            } else {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                d.lastError = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            }
            return false;
        }).thenCompose(delivered -> {
            if (delivered) {
                return CompletableFuture.completedFuture(null);
            }
            if (n >= maxAttempts || closed) {
                d.status = "failed";
                return CompletableFuture.completedFuture(null);
            }
            d.status = "retrying";
            long delay = backoff.toMillis() * (1L << Math.min(n - 1, 20));
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, executor))
                    .thenCompose(x -> attempt(d, body, signature, n + 1));
        });
    }

    /** Recent deliveries, oldest first. */
    ArrayNode deliveriesJson(int limit) {
        List<Delivery> copy;
        synchronized (deliveries) {
            copy = new ArrayList<>(deliveries);
        }
        ArrayNode out = Json.array();
        for (Delivery d : copy.subList(Math.max(0, copy.size() - limit), copy.size())) {
            ObjectNode n = out.addObject();
            n.put("webhook_id", d.webhookId);
            n.put("model", d.model);
            n.put("event", d.event);
            n.put("record_id", d.recordId);
            n.put("url", d.url);
            n.put("status", d.status);
            n.put("attempts", d.attempts);
            n.put("last_status_code", d.lastStatusCode);
            n.put("last_error", d.lastError);
            n.put("created_at", Json.ts(d.createdAt));
        }
        return out;
    }

    void clearDeliveries() {
        synchronized (deliveries) {
            deliveries.clear();
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
    }
}
