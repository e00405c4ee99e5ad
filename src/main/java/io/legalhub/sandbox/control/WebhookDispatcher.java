package io.legalhub.sandbox.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends signed webhooks of one system asynchronously: body
 * {@code {"id":"evt_…","model","event","occurred_at","data"}}, header {@code X-Hook-Signature} = lowercase hex
 * HMAC-SHA256 of the exact body bytes keyed by the secret. Events of one record are delivered in order; a failed
 * attempt (I/O error or non-2xx) is retried with exponential backoff. Internal.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_DELIVERIES = 1_000;

    private record Target(String url, String secret, boolean enabled) {
    }

    /** One event delivery, mutable while in flight. */
    private static final class Delivery {
        final String eventId;
        final String model;
        final String event;
        final String recordId;
        final String url;
        final Instant createdAt = Instant.now();
        volatile String status = "pending";
        volatile int attempts;
        volatile Integer lastStatusCode;
        volatile String lastError;
        volatile Instant completedAt;

        Delivery(String eventId, String model, String event, String recordId, String url) {
            this.eventId = eventId;
            this.model = model;
            this.event = event;
            this.recordId = recordId;
            this.url = url;
        }
    }

    private final String system;
    private final int maxAttempts;
    private final Duration backoff;
    private final ExecutorService executor;
    private final HttpClient client;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> chains = new ConcurrentHashMap<>();
    private final ArrayDeque<Delivery> deliveries = new ArrayDeque<>();
    private volatile Target target;
    private volatile boolean closed;

    public WebhookDispatcher(String system, int maxAttempts, Duration backoff) {
        this.system = system;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-webhook-" + system + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    /** Sets the target; a null url disables delivery. A null secret keeps the previous secret. */
    public void configure(String url, String secret, boolean enabled) {
        Target old = target;
        String s = secret != null ? secret : old == null ? null : old.secret();
        target = url == null ? null : new Target(url, s, enabled);
    }

    public boolean active() {
        Target t = target;
        return t != null && t.enabled() && !closed;
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
        if (t == null || !t.enabled() || closed) {
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
        String signature = t.secret() == null ? null : sign(t.secret(), body);
        Delivery d = new Delivery(eventId, model, event, recordKey, t.url());
        synchronized (deliveries) {
            if (deliveries.size() == MAX_DELIVERIES) {
                deliveries.removeFirst();
            }
            deliveries.addLast(d);
        }
        String chainKey = model + ":" + recordKey;
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
        HttpRequest.Builder rb;
        try {
            rb = HttpRequest.newBuilder(URI.create(d.url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "legal-hub-sandbox/" + system)
                    .header("X-Hook-Event-Id", d.eventId)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            d.attempts = n;
            d.status = "failed";
            d.lastError = "invalid url: " + e.getMessage();
            d.completedAt = Instant.now();
            return CompletableFuture.completedFuture(null);
        }
        if (signature != null) {
            rb.header("X-Hook-Signature", signature);
        }
        return client.sendAsync(rb.build(), HttpResponse.BodyHandlers.discarding())
                .handle((resp, err) -> {
                    d.attempts = n;
                    if (err == null) {
                        d.lastStatusCode = resp.statusCode();
                        if (resp.statusCode() / 100 == 2) {
                            d.status = "delivered";
                            d.lastError = null;
                            d.completedAt = Instant.now();
                            return true;
                        }
                        d.lastError = "HTTP " + resp.statusCode();
                    } else {
                        Throwable cause = err.getCause() != null ? err.getCause() : err;
                        d.lastError = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
                    }
                    return false;
                })
                .thenCompose(delivered -> {
                    if (delivered) {
                        return CompletableFuture.completedFuture(null);
                    }
                    if (n >= maxAttempts || closed) {
                        d.status = "failed";
                        d.completedAt = Instant.now();
                        LOG.debug("webhook {} {} to {} failed after {} attempts: {}", d.model, d.eventId, d.url, n, d.lastError);
                        return CompletableFuture.completedFuture(null);
                    }
                    d.status = "retrying";
                    long delay = backoff.toMillis() * (1L << Math.min(n - 1, 20));
                    return CompletableFuture.supplyAsync(() -> null,
                                    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, executor))
                            .thenCompose(x -> attempt(d, body, signature, n + 1));
                });
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
        List<Delivery> copy;
        synchronized (deliveries) {
            copy = new ArrayList<>(deliveries);
        }
        ArrayNode arr = Json.array();
        for (Delivery d : copy.subList(Math.max(0, copy.size() - limit), copy.size())) {
            ObjectNode n = arr.addObject();
            n.put("event_id", d.eventId);
            n.put("model", d.model);
            n.put("event", d.event);
            n.put("record_id", d.recordId);
            n.put("url", d.url);
            n.put("status", d.status);
            n.put("attempts", d.attempts);
            n.put("last_status_code", d.lastStatusCode);
            n.put("last_error", d.lastError);
            n.put("created_at", Json.ts(d.createdAt));
            n.put("completed_at", Json.ts(d.completedAt));
        }
        return arr;
    }

    public void clearDeliveries() {
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
