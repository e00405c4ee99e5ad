package io.legalhub.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The CLI's way to the hub's operator API, with credentials from the environment. */
final class HubApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HubApiClient(String baseUrl, String user, String password, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (token != null && !token.isBlank()) {
            this.authorization = "Bearer " + token;
        } else if (user != null && !user.isBlank()) {
            this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        } else {
            this.authorization = null;
        }
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, String body) {
        return send("POST", path, body);
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliFailure(CliFailure.UNREACHABLE, "Cannot reach the hub at " + baseUrl + " (is it running? set HUB_URL)");
        } catch (IOException e) {
            throw new CliFailure(CliFailure.UNREACHABLE, "Cannot talk to the hub at " + baseUrl + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(CliFailure.UNREACHABLE, "Interrupted");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String detail = answer.path("detail").asText(answer.path("message").asText(response.body()));
            String hint = response.statusCode() == 401 ? " (set HUB_USER and HUB_PASSWORD, or HUB_TOKEN)" : "";
            throw new CliFailure(CliFailure.API_ERROR, "The hub answered " + response.statusCode() + ": " + detail + hint);
        }
        return answer;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
