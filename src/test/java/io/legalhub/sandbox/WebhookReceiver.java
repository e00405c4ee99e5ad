package io.legalhub.sandbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny JDK HTTP server that records webhook deliveries and answers with scripted statuses (default 200). */
final class WebhookReceiver implements AutoCloseable {

    /** One received delivery: the exact body bytes and the headers. */
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
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Queue<Integer> scripted = new ArrayDeque<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int status;
            synchronized (scripted) {
                Integer s = scripted.poll();
                status = s == null ? 200 : s;
            }
            deliveries.add(new Delivery(body, Map.copyOf(ex.getRequestHeaders()), status));
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next deliveries are answered with these statuses, in order. */
    void answerNext(Integer... statuses) {
        synchronized (scripted) {
            scripted.addAll(List.of(statuses));
        }
    }

    List<Delivery> deliveries() {
        return deliveries;
    }

    void clear() {
        deliveries.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
