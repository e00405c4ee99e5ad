package io.legalhub.systems.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.legalhub.systems.PermanentSystemFailure;
import io.legalhub.systems.SystemFailure;
import io.legalhub.systems.TransientSystemFailure;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/** A failed grant is retried when the token endpoint is away, and waits for an operator when it refuses. */
class TokenEndpointFailuresTest {

    @Test
    void aRevokedGrantWaitsForAnOperatorAndSaysWhatToDo() {
        SystemFailure failure = TokenEndpointFailures.classify("dms",
                new OAuth2AuthorizationException(new OAuth2Error("invalid_grant", "refresh token revoked", null)));

        assertThat(failure).isInstanceOf(PermanentSystemFailure.class);
        assertThat(failure.getMessage()).contains("invalid_grant").contains("refresh token revoked").contains("authorise the hub again");
    }

    @Test
    void aRefusedClientNamesTheSettingsToCheck() {
        SystemFailure failure = TokenEndpointFailures.classify("ediscovery", wrapped(
                HttpClientErrorException.create(HttpStatus.UNAUTHORIZED, "Unauthorized", HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8)));

        assertThat(failure).isInstanceOf(PermanentSystemFailure.class);
        assertThat(failure.getMessage()).contains("HTTP 401").contains("hub.systems.ediscovery.auth.client-id");
    }

    @Test
    void aTokenEndpointThatIsDownOrRateLimitingIsRetriedAndItsRetryAfterKept() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Retry-After", "7");
        SystemFailure limited = TokenEndpointFailures.classify("matter-management", wrapped(
                HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "Too Many", headers, new byte[0], StandardCharsets.UTF_8)));
        SystemFailure down = TokenEndpointFailures.classify("matter-management", wrapped(
                HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8)));
        SystemFailure unreachable = TokenEndpointFailures.classify("matter-management", wrapped(
                new ResourceAccessException("Connection refused")));

        assertThat(limited).isInstanceOf(TransientSystemFailure.class);
        assertThat(((TransientSystemFailure) limited).retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(down).isInstanceOf(TransientSystemFailure.class);
        assertThat(down.getMessage()).contains("HTTP 503");
        assertThat(unreachable).isInstanceOf(TransientSystemFailure.class);
        assertThat(unreachable.getMessage()).contains("could not be reached");
    }

    /** As Spring Security's token clients report a failed HTTP exchange. */
    private static OAuth2AuthorizationException wrapped(Exception cause) {
        return new OAuth2AuthorizationException(new OAuth2Error("invalid_token_response",
                "An error occurred while attempting to retrieve the OAuth 2.0 Access Token Response", null), cause);
    }
}
