package io.legalhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.support.SandboxClient;
import io.legalhub.support.SandboxOAuth;

/**
 * The sandbox's APIs as an integration of the benchmark's own calls them (never as an observer: every call is counted
 * and slowed like the hub's): an OAuth 2 access token per system, taken once — Clio and iManage by a refresh token of
 * the benchmark's own grant (the hub's, rotated by iManage, stays the hub's), Relativity by client credentials.
 */
final class SystemsApi {

    static final String CLIO_VERSION = "4.0.9";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String clio;
    private final String imanage;
    private final String relativity;

    SystemsApi(SandboxJar sandbox) {
        this.base = "http://127.0.0.1:" + sandbox.port;
        SandboxClient control = sandbox.client;
        String clioGrant = control.ok("POST", "/matter-management/_control/oauth/grants", null).path("refresh_token").asText();
        String imanageGrant = control.ok("POST", "/dms/_control/oauth/grants", null).path("refresh_token").asText();
        this.clio = token("/matter-management/oauth/token", SandboxOAuth.CLIO, Map.of("grant_type", "refresh_token", "refresh_token", clioGrant));
        this.imanage = token("/dms/automate/work/auth/token", SandboxOAuth.IMANAGE,
                Map.of("grant_type", "refresh_token", "refresh_token", imanageGrant, "scope", "user"));
        this.relativity = token("/ediscovery/Relativity/Identity/connect/token", SandboxOAuth.RELATIVITY,
                Map.of("grant_type", "client_credentials", "scope", "SystemUserInfo"));
    }

    private String token(String path, SandboxOAuth.Client client, Map<String, String> grant) {
        StringBuilder form = new StringBuilder("client_id=" + enc(client.clientId()) + "&client_secret=" + enc(client.clientSecret()));
        grant.forEach((k, v) -> form.append('&').append(k).append('=').append(enc(v)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        JsonNode answer = json(call(request), "POST " + path);
        return answer.path("access_token").asText();
    }

    /** A Clio Manage call (matter management), the API version pinned as the hub pins it. */
    JsonNode clio(String method, String path, Object body) {
        return send(method, "/matter-management" + path, body, clio, Map.of("X-API-VERSION", CLIO_VERSION));
    }

    /** A call to a page's absolute next URL. */
    JsonNode clioUrl(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + clio).header("X-API-VERSION", CLIO_VERSION).GET().build();
        return json(call(request), "GET " + url);
    }

    JsonNode conflicts(String method, String path, Object body) {
        return send(method, "/conflicts" + path, body, null, Map.of());
    }

    JsonNode billing(String method, String path, Object body) {
        return send(method, "/billing" + path, body, null, Map.of());
    }

    JsonNode dms(String method, String path, Object body) {
        return send(method, "/dms" + path, body, imanage, Map.of());
    }

    /** Relativity, with the CSRF header its Object Manager insists on. */
    JsonNode relativity(String method, String path, Object body) {
        return send(method, "/ediscovery" + path, body, relativity, Map.of("X-CSRF-Header", "-"));
    }

    private JsonNode send(String method, String path, Object body, String token, Map<String, String> headers) {
        String text;
        try {
            text = body == null ? null : body instanceof String s ? s : SandboxClient.JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.replace("{", "%7B").replace("}", "%7D")))
                .timeout(Duration.ofSeconds(60))
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        if (text != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return json(call(request.build()), method + " " + path);
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isBlank() ? SandboxClient.JSON.nullNode() : SandboxClient.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(what + " answered no JSON: " + response.body(), e);
        }
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
