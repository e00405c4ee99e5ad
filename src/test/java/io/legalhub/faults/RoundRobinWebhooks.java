package io.legalhub.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A load balancer in front of several hub instances, for webhooks: each POST goes to the next instance in turn,
 * with its body and signature untouched, and the instance's answer goes back to the sender.
 */
final class RoundRobinWebhooks implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("Content-Type", "X-Hook-Signature", "X-Hook-Event-Id", "X-Hook-Secret");
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(16);
    private final List<HubProcess> hubs;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RoundRobinWebhooks(List<HubProcess> hubs) throws IOException {
        this.hubs = hubs;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(workers);
        server.createContext("/", this::forward);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers given, by instance and HTTP status, e.g. "hub-a 202" → 480. */
    Map<String, AtomicLong> answers() {
        return answers;
    }

    private void forward(HttpExchange exchange) throws IOException {
        HubProcess hub = hubs.get(Math.floorMod(next.getAndIncrement(), hubs.size()));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url(exchange.getRequestURI().toString())))
                .timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : FORWARDED) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        int status;
        byte[] answer;
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            answer = response.body();
            // a subscription's handshake is confirmed by the echoed secret
            response.headers().firstValue("X-Hook-Secret").ifPresent(v -> exchange.getResponseHeaders().set("X-Hook-Secret", v));
        } catch (IOException e) {
            status = 502;
            answer = new byte[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 503;
            answer = new byte[0];
        }
        answers.computeIfAbsent(hub.name() + " " + status, k -> new AtomicLong()).incrementAndGet();
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
