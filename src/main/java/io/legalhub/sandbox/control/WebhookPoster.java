package io.legalhub.sandbox.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Posts webhooks the way the simulated systems send them: asynchronously, the events of one chain (one record) one
 * after another in order, a failed attempt (I/O error, or an answer its sender counts as failed) retried after a
 * backoff doubled each time, the same bytes every time; every delivery kept for {@code /_control/…/deliveries}.
 * What counts as delivered is the sender's to say (Clio also takes 3xx, and 410 as "stop"). Internal.
 */
public final class WebhookPoster implements AutoCloseable {

    private static final int MAX_DELIVERIES = 2_000;

    /** How a sender reads an answer. */
    public enum Outcome {
        DELIVERED, GONE, RETRY
    }

    /** One delivery, mutable while in flight; {@code describe} holds what the sender says about it (ids, model, event). */
    private static final class Delivery {
        final ObjectNode describe;
        final String url;
        final Instant createdAt = Instant.now();
        volatile String status = "pending";
        volatile int attempts;
        volatile Integer lastStatusCode;
        volatile String lastError;
        volatile Instant completedAt;

        Delivery(ObjectNode describe, String url) {
            this.describe = describe;
            this.url = url;
        }
    }

    private final int maxAttempts;
    private final Duration backoff;
    private final ExecutorService executor;
    private final HttpClient http;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> chains = new ConcurrentHashMap<>();
    private final ArrayDeque<Delivery> deliveries = new ArrayDeque<>();
    private volatile boolean closed;

    public WebhookPoster(String threadName, int maxAttempts, Duration backoff) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(executor).build();
    }

    /** The client deliveries use, for a sender's one-off calls (e.g. a subscription's handshake). */
    public HttpClient client() {
        return http;
    }

    public boolean closed() {
        return closed;
    }

    /**
     * Queues one delivery of {@code body} to {@code url} after the earlier deliveries of the same {@code chain};
     * {@code judge} reads each answer's status; {@code onGone} runs once when it says {@link Outcome#GONE}.
     */
    public void post(String chain, ObjectNode describe, String url, Map<String, String> headers, byte[] body,
                     IntFunction<Outcome> judge, Runnable onGone) {
        if (closed) {
            return;
        }
        Delivery d = new Delivery(describe, url);
        synchronized (deliveries) {
            if (deliveries.size() == MAX_DELIVERIES) {
                deliveries.removeFirst();
            }
            deliveries.addLast(d);
        }
        CompletableFuture<Void> mine = chains.compute(chain, (k, prev) ->
                (prev == null ? CompletableFuture.<Void>completedFuture(null) : prev)
                        .handle((ok, err) -> null)
                        .thenCompose(x -> attempt(d, headers, body, judge, onGone, 1)));
        mine.whenComplete((ok, err) -> chains.remove(chain, mine));
    }

    private CompletableFuture<Void> attempt(Delivery d, Map<String, String> headers, byte[] body, IntFunction<Outcome> judge,
                                            Runnable onGone, int n) {
        if (closed) {
            d.status = "abandoned";
            return CompletableFuture.completedFuture(null);
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.url)).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            d.attempts = n;
            d.status = "failed";
            d.lastError = "invalid url: " + e.getMessage();
            d.completedAt = Instant.now();
            return CompletableFuture.completedFuture(null);
        }
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            d.attempts = n;
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                d.lastError = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
                return Outcome.RETRY;
            }
            d.lastStatusCode = response.statusCode();
            Outcome outcome = judge.apply(response.statusCode());
            d.lastError = outcome == Outcome.RETRY ? "HTTP " + response.statusCode() : null;
            return outcome;
        }).thenCompose(outcome -> {
            if (outcome != Outcome.RETRY) {
                d.status = outcome == Outcome.GONE ? "gone" : "delivered";
                d.completedAt = Instant.now();
                if (outcome == Outcome.GONE) {
                    onGone.run();
                }
                return CompletableFuture.completedFuture(null);
            }
            if (n >= maxAttempts || closed) {
                d.status = "failed";
                d.completedAt = Instant.now();
                return CompletableFuture.completedFuture(null);
            }
            d.status = "retrying";
            long delay = backoff.toMillis() * (1L << Math.min(n - 1, 20));
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, executor))
                    .thenCompose(x -> attempt(d, headers, body, judge, onGone, n + 1));
        });
    }

    /** Recent deliveries, oldest first: what the sender said of each, then its url, status and attempts. */
    public ArrayNode deliveriesJson(int limit) {
        List<Delivery> copy;
        synchronized (deliveries) {
            copy = new ArrayList<>(deliveries);
        }
        ArrayNode out = Json.array();
        for (Delivery d : copy.subList(Math.max(0, copy.size() - limit), copy.size())) {
            ObjectNode n = out.addObject();
            n.setAll(d.describe);
            n.put("url", d.url);
            n.put("status", d.status);
            n.put("attempts", d.attempts);
            n.put("last_status_code", d.lastStatusCode);
            n.put("last_error", d.lastError);
            n.put("created_at", Json.ts(d.createdAt));
            n.put("completed_at", Json.ts(d.completedAt));
        }
        return out;
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
