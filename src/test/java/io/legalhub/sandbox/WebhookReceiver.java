package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny JDK HTTP server that records webhook deliveries and answers with scripted statuses (default 200). A request
 * carrying {@code X-Hook-Secret} is a Clio subscription's handshake: it is recorded apart from the deliveries and
 * answered as {@link #answerHandshakes} says (by default 200 echoing the secret, which confirms the subscription).
 */
final class WebhookReceiver implements AutoCloseable {

    /** How the receiver answers a handshake. */
    enum Handshake {
        /** 200 with the same {@code X-Hook-Secret}: Clio enables the subscription at once. */
        ECHO,
        /** 200 without the header: the subscription stays pending until activated by {@code PUT …/activate}. */
        IGNORE,
        /** 410 Gone: the receiver wants nothing. */
        GONE
    }

    /** One received request: the exact body bytes and the headers. */
    record Delivery(byte[] body, Map<String, List<String>> headers, int answeredWith) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return SandboxHttp.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + bodyText(), e);
            }
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<Delivery> handshakes = new CopyOnWriteArrayList<>();
    private final Queue<Integer> scripted = new ArrayDeque<>();
    private volatile Handshake handshake = Handshake.ECHO;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String secret = ex.getRequestHeaders().getFirst("X-Hook-Secret");
            int status;
            if (secret != null) {
                Handshake mode = handshake;
                status = mode == Handshake.GONE ? 410 : 200;
                if (mode == Handshake.ECHO) {
                    ex.getResponseHeaders().add("X-Hook-Secret", secret);
                }
                handshakes.add(new Delivery(body, Map.copyOf(ex.getRequestHeaders()), status));
            } else {
                synchronized (scripted) {
                    Integer s = scripted.poll();
                    status = s == null ? 200 : s;
                }
                deliveries.add(new Delivery(body, Map.copyOf(ex.getRequestHeaders()), status));
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next deliveries (not handshakes) are answered with these statuses, in order. */
    void answerNext(Integer... statuses) {
        synchronized (scripted) {
            scripted.addAll(List.of(statuses));
        }
    }

    /** How handshakes are answered from now on. */
    void answerHandshakes(Handshake mode) {
        handshake = mode;
    }

    /** Deliveries received, oldest first; handshakes are not among them. */
    List<Delivery> deliveries() {
        return deliveries;
    }

    /** Handshake requests received, oldest first. */
    List<Delivery> handshakes() {
        return handshakes;
    }

    /** Forgets what was received and the scripted answers; handshakes are echoed again. */
    void clear() {
        deliveries.clear();
        handshakes.clear();
        synchronized (scripted) {
            scripted.clear();
        }
        handshake = Handshake.ECHO;
    }

    /** Lowercase hex HMAC-SHA256 of {@code body} keyed by {@code secret}: what {@code X-Hook-Signature} must carry. */
    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
