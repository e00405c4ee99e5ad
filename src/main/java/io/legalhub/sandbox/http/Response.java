package io.legalhub.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer. Internal. */
public final class Response {

    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain; charset=utf-8";

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Response(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    public static Response json(int status, JsonNode node) {
        return new Response(status, JSON, Json.bytes(node));
    }

    public static Response ok(JsonNode node) {
        return json(200, node);
    }

    public static Response created(JsonNode node) {
        return json(201, node);
    }

    /** {@code {"data": node}}, the Clio / iManage envelope. */
    public static Response data(int status, JsonNode node) {
        ObjectNode env = Json.object();
        env.set("data", node);
        return json(status, env);
    }

    public static Response text(int status, String text) {
        return new Response(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Response notModified() {
        return new Response(304, null, new byte[0]);
    }

    public static Response noContent() {
        return new Response(204, null, new byte[0]);
    }

    /** A status without a body, e.g. the 200 of an operation that returns nothing (Relativity's Kepler services). */
    public static Response empty(int status) {
        return new Response(status, null, new byte[0]);
    }

    public static Response error(ApiException e) {
        ObjectNode err = Json.object();
        err.put("type", e.type());
        err.put("message", e.getMessage());
        e.details().forEach(err::put);
        if (!e.fields().isEmpty()) {
            ArrayNode fields = err.putArray("fields");
            e.fields().forEach(fields::add);
        }
        ObjectNode env = Json.object();
        env.set("error", err);
        Response r = json(e.status(), env);
        r.headers.putAll(e.headers());
        return r;
    }

    public Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
