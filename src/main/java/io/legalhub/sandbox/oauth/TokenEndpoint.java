package io.legalhub.sandbox.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.SandboxSettings.OAuthClient;
import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Request;
import io.legalhub.sandbox.http.Response;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One system's token endpoint (RFC 6749 §3.2): authenticates the client, then exchanges a refresh token or the
 * client's credentials for an access token, in the vendor's flavour ({@link OAuthProfile}).
 */
final class TokenEndpoint {

    private final OAuthProfile profile;
    private final OAuthClient client;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final OAuthCounters counters;
    private final Supplier<Duration> ttl;
    private final String realm;

    TokenEndpoint(OAuthProfile profile, OAuthClient client, AccessTokens accessTokens, RefreshTokens refreshTokens,
                  OAuthCounters counters, Supplier<Duration> ttl, String realm) {
        this.profile = profile;
        this.client = client;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.counters = counters;
        this.ttl = ttl;
        this.realm = realm;
    }

    /**
     * @param observed an observer's request: served alike, but left out of the counters the hub's tests read
     */
    Response handle(Request req, boolean observed) {
        if (!req.method().equals("POST")) {
            throw new ApiException(405, "MethodNotAllowed", req.method() + " is not allowed on " + req.fullPath() + "; allowed: POST")
                    .header("Allow", "POST");
        }
        try {
            FormParameters form = FormParameters.of(req);
            if (!ClientCredentials.of(req, form).matches(client.clientId(), client.clientSecret())) {
                throw OAuthError.invalidClient("client authentication failed: unknown client_id or wrong client_secret");
            }
            String grantType = form.required("grant_type");
            if (!profile.grantTypes().contains(grantType)) {
                throw OAuthError.unsupportedGrantType("grant_type " + grantType + " is not supported here; use "
                        + String.join(" or ", profile.grantTypes()));
            }
            String scope = grantedScope(form.get("scope"));
            String successor = grantType.equals(OAuthProfile.REFRESH_TOKEN) ? redeem(form.required("refresh_token")) : null;
            Duration lifetime = ttl.get();
            Response answer = answer(accessTokens.issue(lifetime), lifetime, successor, scope);
            if (!observed) {
                counters.issued(grantType);
            }
            return answer;
        } catch (OAuthError e) {
            if (!observed) {
                counters.tokenError();
            }
            return e.toResponse(realm);
        }
    }

    /** The scope the token gets: what was asked for, if the vendor has it, or everything there is. */
    private String grantedScope(String requested) {
        if (requested == null) {
            return profile.defaultScope();
        }
        Set<String> asked = new LinkedHashSet<>(Arrays.asList(requested.trim().split(" +")));
        asked.removeIf(s -> profile.scopes().contains(s));
        if (!asked.isEmpty()) {
            throw OAuthError.invalidScope("unknown scope " + String.join(" ", asked) + "; "
                    + (profile.scopes().isEmpty() ? "this system has no scopes" : "this system grants " + profile.defaultScope()));
        }
        return requested.trim().replaceAll(" +", " ");
    }

    /** Checks the refresh token; returns its successor where tokens rotate, else null. */
    private String redeem(String refreshToken) {
        RefreshTokens.Redemption r = refreshTokens.redeem(refreshToken, profile.rotatesRefreshTokens());
        return switch (r.verdict()) {
            case VALID -> r.successor();
            case UNKNOWN -> throw OAuthError.invalidGrant("the refresh token is unknown");
            case REVOKED -> throw OAuthError.invalidGrant("the refresh token was revoked");
            case USED -> throw OAuthError.invalidGrant("the refresh token was already used; refresh tokens rotate, use the newest one");
            case OTHER_CLIENT -> throw OAuthError.invalidGrant("the refresh token was issued to another client");
        };
    }

    private Response answer(String accessToken, Duration lifetime, String refreshToken, String scope) {
        ObjectNode n = Json.object();
        n.put("token_type", profile.tokenType());
        n.put("access_token", accessToken);
        n.put("expires_in", lifetime.toSeconds());
        if (refreshToken != null) {
            n.put("refresh_token", refreshToken);
        }
        if (scope != null) {
            n.put("scope", scope);
        }
        return TokenAnswers.noStore(Response.ok(n));
    }
}
