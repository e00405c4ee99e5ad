package io.legalhub.contract;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.sandbox.TappedExchange;

/** Hand-made exchanges for the contract tests; JSON is written with {@code '} for {@code "}. */
final class Exchanges {

    private final SandboxSystem system;
    private final String method;
    private final String path;
    private String query;
    private final Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
    private byte[] requestBody = new byte[0];
    private int status = 200;
    private final Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
    private byte[] responseBody = new byte[0];

    private Exchanges(SandboxSystem system, String method, String pathAndQuery) {
        this.system = system;
        this.method = method;
        int q = pathAndQuery.indexOf('?');
        this.path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        this.query = q < 0 ? null : pathAndQuery.substring(q + 1);
        requestHeaders.put("Host", List.of("127.0.0.1:8089"));
    }

    /** {@code pathAndQuery} below the system prefix, e.g. {@code /api/v4/matters.json?limit=200}. */
    static Exchanges exchange(SandboxSystem system, String method, String pathAndQuery) {
        return new Exchanges(system, method, pathAndQuery);
    }

    static Exchanges clio(String method, String pathAndQuery) {
        return exchange(SandboxSystem.MATTER_MANAGEMENT, method, "/api/v4" + pathAndQuery);
    }

    static Exchanges relativity(String method, String pathAndQuery) {
        return exchange(SandboxSystem.EDISCOVERY, method, pathAndQuery);
    }

    static Exchanges imanage(String method, String operation) {
        return exchange(SandboxSystem.DMS, method, "/automate/work" + operation);
    }

    /** Single quotes become double quotes. */
    static String json(String text) {
        return text.replace('\'', '"');
    }

    Exchanges header(String name, String value) {
        requestHeaders.put(name, List.of(value));
        return this;
    }

    Exchanges body(String jsonWithSingleQuotes) {
        requestHeaders.put("Content-Type", List.of("application/json"));
        requestBody = json(jsonWithSingleQuotes).getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** A body taken as it is (no quote replacement), e.g. with Relativity's single-quoted conditions. */
    Exchanges rawBody(String json) {
        requestHeaders.put("Content-Type", List.of("application/json"));
        requestBody = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    TappedExchange answer(int status, String jsonWithSingleQuotes) {
        this.status = status;
        responseHeaders.put("Content-Type", List.of("application/json"));
        responseBody = json(jsonWithSingleQuotes).getBytes(StandardCharsets.UTF_8);
        return build();
    }

    TappedExchange answerWithoutBody(int status) {
        this.status = status;
        return build();
    }

    private TappedExchange build() {
        return new TappedExchange(system, method, path, system.path() + path, query, requestHeaders, requestBody,
                status, responseHeaders, responseBody);
    }
}
