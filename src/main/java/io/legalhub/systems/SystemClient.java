package io.legalhub.systems;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.legalhub.systems.oauth.SystemAccessTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * HTTP to the connected systems. Classifies every failure as transient (worth retrying) or permanent
 * (someone must act), and guards each system with its own circuit breaker so an outage costs fast
 * failures instead of a pile of timeouts. Logs methods, paths and statuses, never bodies.
 */
@Component
public class SystemClient {

    private static final Logger log = LoggerFactory.getLogger(SystemClient.class);
    private static final int MAX_REASON_LENGTH = 500;

    private final HubSystemsProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;
    private final CircuitBreakerRegistry breakers;
    private final Map<String, CircuitBreaker> breakerBySystem = new ConcurrentHashMap<>();
    private final SystemAccessTokens tokens;
    private final SystemLanes lanes;
    /** Resends of one call the system refused with 429, each after the wait it asked for. */
    private static final int MAX_RATE_LIMIT_RESENDS = 5;

    /** For systems reached without OAuth 2 (a static bearer token or none). */
    public SystemClient(HubSystemsProperties properties, ObjectMapper json) {
        this(properties, json, null);
    }

    @Autowired
    public SystemClient(HubSystemsProperties properties, ObjectMapper json, SystemAccessTokens tokens) {
        this.properties = properties;
        this.json = json;
        this.tokens = tokens;
        this.lanes = new SystemLanes(properties);
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.getHttp().getConnectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5))
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordExceptions(TransientSystemFailure.class)
                .ignoreExceptions(PermanentSystemFailure.class)
                .build());
    }

    /**
     * Sends one request. Returns the 2xx answer; a 404 is returned too when {@code notFoundIsAnswer}
     * (a lookup that finds nothing); anything else becomes a {@link SystemFailure}.
     */
    public SystemResponse send(String system, String method, String pathAndQuery, String body, boolean notFoundIsAnswer) {
        return send(system, method, pathAndQuery, body, notFoundIsAnswer, Map.of());
    }

    /** As {@link #send(String, String, String, String, boolean)}, with headers for this request only. */
    public SystemResponse send(String system, String method, String pathAndQuery, String body, boolean notFoundIsAnswer,
                               Map<String, String> headers) {
        HubSystemsProperties.SystemSettings settings = properties.system(system);
        CircuitBreaker breaker = breakerBySystem.computeIfAbsent(system, breakers::circuitBreaker);
        try {
            return breaker.executeSupplier(() -> exchange(system, settings, method, pathAndQuery, body, notFoundIsAnswer, headers));
        } catch (CallNotPermittedException open) {
            throw new TransientSystemFailure(system, 0,
                    "Calls to " + system + " are paused: its circuit breaker opened after repeated failures", null, open);
        }
    }

    public JsonNode parse(String system, String body) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new PermanentSystemFailure(system, 200, "answer is not valid JSON");
        }
    }

    private SystemResponse exchange(String system, HubSystemsProperties.SystemSettings settings, String method,
                                    String pathAndQuery, String body, boolean notFoundIsAnswer, Map<String, String> headers) {
        URI uri = URI.create(trimSlash(settings.getBaseUrl()) + UriText.escapeIllegal(pathAndQuery));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.getHttp().getRequestTimeout())
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        settings.getHeaders().forEach(request::header);
        headers.forEach(request::header);
        boolean oauth = tokens != null && tokens.usesOAuth(system);
        String accessToken = oauth ? tokens.accessToken(system) : settings.getToken();
        if (accessToken != null && !accessToken.isBlank()) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        long started = System.nanoTime();
        HttpResponse<String> response = paced(system, method, uri, request.build());
        if (oauth && response.statusCode() == 401) {
            // revoked or expired early: one more try with a token obtained now, never more (a refusal of a
            // fresh token is not about the token)
            tokens.rejected(system, accessToken);
            request.setHeader("Authorization", "Bearer " + tokens.accessToken(system));
            response = paced(system, method, uri, request.build());
        }
        int status = response.statusCode();
        log.debug("{} {} {} -> {} in {} ms", system, method, uri.getPath(), status, (System.nanoTime() - started) / 1_000_000);
        if (status >= 200 && status < 300 || status == 404 && notFoundIsAnswer) {
            return new SystemResponse(status, response.body(), response.headers());
        }
        String reason = reasonFrom(response.body());
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            Duration retryAfter = response.headers().firstValue("Retry-After").map(SystemClient::parseRetryAfter).orElse(null);
            throw new TransientSystemFailure(system, status,
                    system + " answered HTTP " + status + (reason.isEmpty() ? "" : ": " + reason), retryAfter, null);
        }
        throw new PermanentSystemFailure(system, status, reason.isEmpty() ? "no reason given" : reason);
    }

    /**
     * One call in the system's lane: after its turn at the system's rate limit, and again after the wait a 429
     * asked for (which pauses every call to the system), a few times. A 429 means the request was not handled, so
     * sending it again is safe, also for a create.
     */
    private HttpResponse<String> paced(String system, String method, URI uri, HttpRequest request) {
        for (int resend = 0; ; resend++) {
            lanes.enter(system);
            HttpResponse<String> response = call(system, method, uri, request);
            if (response.statusCode() != 429) {
                return response;
            }
            Duration wait = response.headers().firstValue("Retry-After").map(SystemClient::parseRetryAfter)
                    .orElse(Duration.ofSeconds(1));
            lanes.pause(system, wait);
            if (resend >= MAX_RATE_LIMIT_RESENDS || !lanes.worthWaiting(wait)) {
                return response;
            }
            log.debug("{} {} {} -> 429; every call to {} waits {} ms", system, method, uri.getPath(), system, wait.toMillis());
        }
    }

    /** How many times a 429 from the system paused its lane since start. */
    public long rateLimitPauses(String system) {
        return lanes.pauses(system);
    }

    private HttpResponse<String> call(String system, String method, URI uri, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.debug("{} {} {} failed: {}", system, method, uri.getPath(), e.toString());
            throw new TransientSystemFailure(system, 0, system + " could not be reached: " + describe(e), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientSystemFailure(system, 0, "interrupted while calling " + system, null, e);
        }
    }

    /** The system's own explanation: error.message, message or error from a JSON answer, else the text itself. */
    private String reasonFrom(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = json.readTree(body);
            for (String pointer : new String[] {"/error/message", "/message", "/Message", "/error", "/detail", "/title"}) {
                JsonNode found = node.at(pointer);
                if (found.isTextual() && !found.asText().isBlank()) {
                    return truncate(found.asText());
                }
            }
        } catch (IOException notJson) {
            // fall through: plain-text answers are their own reason
        }
        return truncate(body.strip());
    }

    /** A Retry-After header's wait: seconds or an HTTP date; null when it is neither. */
    public static Duration parseRetryAfter(String value) {
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    private static String truncate(String s) {
        return s.length() <= MAX_REASON_LENGTH ? s : s.substring(0, MAX_REASON_LENGTH) + "…";
    }

    private static String trimSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
