package io.legalhub.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One API request to a sandbox system and the sandbox's answer, as they went over the wire.
 *
 * @param system          the system addressed by the path's first segment
 * @param method          upper case, e.g. {@code POST}
 * @param path            raw path below the system prefix, e.g. {@code /api/v4/matters.json}
 * @param rawPath         the full raw path, e.g. {@code /matter-management/api/v4/matters.json}
 * @param rawQuery        the raw query string without {@code ?}, or {@code null}
 * @param requestHeaders  names compared without regard to case
 * @param requestBody     the bytes received (empty, never null)
 * @param status          the HTTP status answered
 * @param responseHeaders the headers answered, {@code Content-Type} included; names compared without regard to case
 * @param responseBody    the bytes answered (empty, never null)
 */
public record TappedExchange(SandboxSystem system, String method, String path, String rawPath, String rawQuery,
                             Map<String, List<String>> requestHeaders, byte[] requestBody,
                             int status, Map<String, List<String>> responseHeaders, byte[] responseBody) {

    public TappedExchange {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rawPath, "rawPath");
        requestHeaders = caseInsensitive(requestHeaders);
        responseHeaders = caseInsensitive(responseHeaders);
        // copies: a tap must not be able to change the answer the sandbox is about to send
        requestBody = requestBody == null ? new byte[0] : requestBody.clone();
        responseBody = responseBody == null ? new byte[0] : responseBody.clone();
    }

    /** The first value of a request header, or {@code null}. */
    public String requestHeader(String name) {
        return first(requestHeaders, name);
    }

    /** The first value of a response header, or {@code null}. */
    public String responseHeader(String name) {
        return first(responseHeaders, name);
    }

    public String requestText() {
        return new String(requestBody, StandardCharsets.UTF_8);
    }

    public String responseText() {
        return new String(responseBody, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery) + " -> " + status;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null) {
                    copy.put(name, List.copyOf(values));
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }
}
