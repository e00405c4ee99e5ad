package io.legalhub.sandbox.oauth;

import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Request;

/**
 * Lets an API call through only with a live access token (RFC 6750). A refused call is a 401 whose
 * {@code WWW-Authenticate} says why, so the client knows to get a new token rather than give up.
 */
final class AccessTokenCheck {

    private final AccessTokens accessTokens;
    private final OAuthCounters counters;
    private final String realm;
    private final String tokenUrlPath;

    AccessTokenCheck(AccessTokens accessTokens, OAuthCounters counters, String realm, String tokenUrlPath) {
        this.accessTokens = accessTokens;
        this.counters = counters;
        this.realm = realm;
        this.tokenUrlPath = tokenUrlPath;
    }

    /** Throws the 401 unless the request carries a live access token; an observer's refusal is not counted. */
    void check(Request req, boolean observed) {
        String token = bearerToken(req.header("Authorization"));
        ApiException refusal = token == null ? missing() : switch (accessTokens.check(token)) {
            case LIVE -> null;
            case UNKNOWN -> invalid("The access token is unknown");
            case EXPIRED -> invalid("The access token expired");
            case REVOKED -> invalid("The access token was revoked");
        };
        if (refusal == null) {
            return;
        }
        if (!observed) {
            counters.rejectedApiCall();
        }
        throw refusal;
    }

    /** The token of a {@code Bearer} header (the scheme in any case, RFC 7235), or null for none or another scheme. */
    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** RFC 6750 §3.1: a request without credentials gets the challenge but no error code. */
    private ApiException missing() {
        return new ApiException(401, "Unauthorized", "The access token is missing: send Authorization: Bearer <access token>, "
                + "obtained from POST " + tokenUrlPath)
                .header("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
    }

    private ApiException invalid(String description) {
        return new ApiException(401, "Unauthorized", description + "; get a new one from POST " + tokenUrlPath)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\""
                        + ErrorDescriptions.sanitise(description) + "\"");
    }
}
