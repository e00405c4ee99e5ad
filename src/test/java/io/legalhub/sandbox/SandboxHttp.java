package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Small real-HTTP client for the sandbox tests. */
final class SandboxHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A received answer. */
    record Resp(int status, HttpResponse<String> raw) {
        String body() {
            return raw.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String errorType() {
            return json().path("error").path("type").asText();
        }

        String errorMessage() {
            return json().path("error").path("message").asText();
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    /** @param base e.g. {@code http://127.0.0.1:1234/billing} */
    SandboxHttp(String base) {
        this.base = base;
    }

    Resp get(String path) {
        return send("GET", path, null, null);
    }

    Resp delete(String path) {
        return send("DELETE", path, null, null);
    }

    Resp post(String path, Object body) {
        return send("POST", path, body, null);
    }

    Resp put(String path, Object body) {
        return send("PUT", path, body, null);
    }

    Resp patch(String path, Object body) {
        return send("PATCH", path, body, null);
    }

    /** POSTs an {@code application/x-www-form-urlencoded} body, as OAuth 2 token requests are sent. */
    Resp postForm(String path, String form, String... headers) {
        String url = path.startsWith("http") ? path : base + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return exchange(b);
    }

    /** Body may be a String (sent raw), a JsonNode, or null. */
    Resp send(String method, String path, Object body, String[] headers) {
        String url = path.startsWith("http") ? path : base + path;
        HttpRequest.BodyPublisher publisher;
        if (body == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else if (body instanceof String s) {
            publisher = HttpRequest.BodyPublishers.ofString(s);
        } else {
            try {
                publisher = HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, publisher);
        if (body != null) {
            b.header("Content-Type", body instanceof String ? "text/plain" : "application/json");
        }
        if (headers != null) {
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
        }
        return exchange(b);
    }

    private Resp exchange(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    /** Parses a JSON literal written with single quotes for readability. */
    static ObjectNode json(String singleQuoted) {
        try {
            return (ObjectNode) JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Wraps in Clio's {@code {"data": …}} envelope. */
    static ObjectNode data(ObjectNode inner) {
        ObjectNode env = obj();
        env.set("data", inner);
        return env;
    }
}
