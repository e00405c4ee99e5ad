package io.legalhub.systems.oauth;

import java.time.Duration;
import java.util.Set;

import io.legalhub.systems.PermanentSystemFailure;
import io.legalhub.systems.SystemClient;
import io.legalhub.systems.SystemFailure;
import io.legalhub.systems.TransientSystemFailure;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * A failed grant as the hub's usual failure kinds. The authorization server's refusals (RFC 6749 §5.2: the client,
 * grant or scope is wrong) wait for an operator; an endpoint that is down, slow or rate-limiting is retried.
 */
final class TokenEndpointFailures {

    private static final Set<String> REFUSALS = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "invalid_scope", "access_denied");
    private static final int MAX_DESCRIPTION = 300;

    private TokenEndpointFailures() {
    }

    static SystemFailure classify(String system, OAuth2AuthorizationException e) {
        RestClientResponseException http = cause(e, RestClientResponseException.class);
        if (http != null) {
            int status = http.getStatusCode().value();
            if (status == 408 || status == 425 || status == 429 || status >= 500) {
                Duration retryAfter = http.getResponseHeaders() == null ? null
                        : java.util.Optional.ofNullable(http.getResponseHeaders().getFirst("Retry-After"))
                                .map(SystemClient::parseRetryAfter).orElse(null);
                return new TransientSystemFailure(system, status,
                        system + "'s token endpoint answered HTTP " + status + "; no access token yet", retryAfter, e);
            }
            return new PermanentSystemFailure(system, status, "its token endpoint refused the hub's client credentials (HTTP "
                    + status + "): check hub.systems." + system + ".auth.client-id and client-secret");
        }
        if (cause(e, ResourceAccessException.class) != null) {
            return new TransientSystemFailure(system, 0, system + "'s token endpoint could not be reached", null, e);
        }
        OAuth2Error error = e.getError();
        if (REFUSALS.contains(error.getErrorCode())) {
            String hint = "invalid_grant".equals(error.getErrorCode())
                    ? " (the grant was revoked or has expired: authorise the hub again and give it the new refresh token)" : "";
            return new PermanentSystemFailure(system, 400, "its token endpoint refused the hub's grant: "
                    + error.getErrorCode() + describe(error) + hint);
        }
        return new TransientSystemFailure(system, 0, system + "'s token endpoint gave no usable answer: "
                + error.getErrorCode() + describe(error), null, e);
    }

    private static String describe(OAuth2Error error) {
        String d = error.getDescription();
        if (d == null || d.isBlank()) {
            return "";
        }
        return " (" + (d.length() <= MAX_DESCRIPTION ? d : d.substring(0, MAX_DESCRIPTION) + "…") + ")";
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
