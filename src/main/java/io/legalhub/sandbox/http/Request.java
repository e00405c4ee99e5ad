package io.legalhub.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A parsed HTTP request, path relative to its system prefix. Internal. */
public final class Request {

    private final String method;
    private final String fullPath;
    private final String path;
    private final String rawQuery;
    private final List<Map.Entry<String, String>> queryPairs;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private Map<String, String> pathVars = Map.of();
    private JsonNode parsed;

    /**
     * @param fullPath raw request path, e.g. {@code /billing/api/v1/matters}
     * @param path     path below the system prefix, e.g. {@code /api/v1/matters}
     */
    public Request(String method, String fullPath, String path, String rawQuery,
                   Map<String, List<String>> headers, byte[] body) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.fullPath = fullPath;
        this.path = path.isEmpty() ? "/" : path;
        this.rawQuery = rawQuery;
        this.queryPairs = parseQuery(rawQuery);
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null) {
                    h.put(k, v);
                }
            });
        }
        this.headers = Collections.unmodifiableMap(h);
        this.body = body == null ? new byte[0] : body;
    }

    private static List<Map.Entry<String, String>> parseQuery(String raw) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return pairs;
        }
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            try {
                pairs.add(Map.entry(URLDecoder.decode(k, StandardCharsets.UTF_8),
                        URLDecoder.decode(v, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("malformed query string parameter: " + k);
            }
        }
        return pairs;
    }

    public String method() {
        return method;
    }

    public String fullPath() {
        return fullPath;
    }

    public String path() {
        return path;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public List<Map.Entry<String, String>> queryPairs() {
        return queryPairs;
    }

    public byte[] body() {
        return body;
    }

    public String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    void pathVars(Map<String, String> vars) {
        this.pathVars = Map.copyOf(vars);
    }

    public String pathVar(String name) {
        return pathVars.get(name);
    }

    /** First value of a query parameter; blank counts as absent. */
    public String query(String name) {
        for (Map.Entry<String, String> e : queryPairs) {
            if (e.getKey().equals(name)) {
                String v = e.getValue().trim();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    public int queryInt(String name, int defaultValue, int min, int max) {
        String v = query(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw ApiException.badRequest(name + " must be between " + min + " and " + max + ", got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer, got '" + v + "'");
        }
    }

    public Boolean queryBool(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        if (v.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (v.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw ApiException.badRequest(name + " must be true or false, got '" + v + "'");
    }

    /** An instant query parameter, rendered in the sandbox timestamp format so it compares as text. */
    public String queryTimestamp(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        Instant i = Json.parseInstant(v);
        if (i == null) {
            throw ApiException.badRequest(name + " must be an ISO-8601 timestamp such as 2026-01-15T00:00:00Z, got '" + v + "'");
        }
        return Json.ts(i);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON; 400 when empty or malformed (the message names the problem). */
    public JsonNode json() {
        if (parsed != null) {
            return parsed;
        }
        if (body.length == 0 || bodyText().isBlank()) {
            throw new ApiException(400, "MalformedJson", "request body is empty; expected a JSON object");
        }
        try {
            parsed = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ApiException(400, "MalformedJson", "malformed JSON" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new ApiException(400, "MalformedJson", "unreadable request body: " + e.getMessage());
        }
        return parsed;
    }

    /** The body as a JSON object; 400 when it is another JSON type. */
    public ObjectNode jsonObject() {
        JsonNode n = json();
        if (!n.isObject()) {
            throw new ApiException(400, "MalformedJson", "expected a JSON object but got " + kind(n));
        }
        return (ObjectNode) n;
    }

    /** The object under {@code "data"} of a {@code {"data": {...}}} envelope. */
    public ObjectNode dataObject() {
        ObjectNode root = jsonObject();
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new ApiException(400, "MalformedJson",
                    "expected a JSON object of the form {\"data\": {...}}; 'data' is " + (data == null ? "missing" : kind(data)));
        }
        return (ObjectNode) data;
    }

    static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + n.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
