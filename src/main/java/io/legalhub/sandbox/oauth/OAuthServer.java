package io.legalhub.sandbox.oauth;

import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSettings.OAuthClient;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.sandbox.http.Request;
import io.legalhub.sandbox.http.Response;
import io.legalhub.sandbox.http.Router;
import io.legalhub.sandbox.store.SystemStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The OAuth 2 authorization server of one system that has an OAuth client configured: its token endpoint, the
 * check of every API call's access token, and its control endpoints. Internal.
 */
public final class OAuthServer {

    private final OAuthProfile profile;
    private final OAuthClient client;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final OAuthCounters counters = new OAuthCounters();
    private final TokenEndpoint tokenEndpoint;
    private final AccessTokenCheck accessTokenCheck;
    private volatile Duration ttl;

    private OAuthServer(SandboxSystem system, OAuthProfile profile, OAuthClient client, Duration ttl, SystemStore store) {
        Clock clock = Clock.systemUTC();
        this.profile = profile;
        this.client = client;
        this.ttl = ttl;
        this.accessTokens = new AccessTokens(clock);
        this.refreshTokens = new RefreshTokens(store.auxiliaryMap("oauth.refresh-tokens"), client.clientId(), client.refreshToken(), clock);
        this.tokenEndpoint = new TokenEndpoint(profile, client, accessTokens, refreshTokens, counters, this::ttl, system.prefix());
        this.accessTokenCheck = new AccessTokenCheck(accessTokens, counters, system.prefix(), system.path() + profile.tokenPath());
    }

    /** The system's authorization server, or empty when the settings give it no OAuth client. */
    public static Optional<OAuthServer> forSystem(SandboxSystem system, SandboxSettings settings, SystemStore store) {
        OAuthClient client = settings.oauthClients().get(system);
        if (client == null) {
            return Optional.empty();
        }
        OAuthProfile profile = OAuthProfile.of(system).orElseThrow(() -> new IllegalArgumentException(
                system.prefix() + " has no OAuth 2 token endpoint"));
        return Optional.of(new OAuthServer(system, profile, client, settings.accessTokenTtl(), store));
    }

    /** Whether the request (path below the system prefix) is for the token endpoint, which needs no access token. */
    public boolean isTokenEndpoint(Request req) {
        String path = req.path();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.equals(profile.tokenPath());
    }

    /** Answers a token request; an OAuth error is answered in RFC 6749's shape, a wrong method throws. */
    public Response token(Request req, boolean observed) {
        return tokenEndpoint.handle(req, observed);
    }

    /** Throws a 401 unless the API call carries a live access token. */
    public void authenticate(Request req, boolean observed) {
        accessTokenCheck.check(req, observed);
    }

    public void registerControl(Router r) {
        new OAuthControl(this).register(r);
    }

    /**
     * Back to the start: no access tokens, no counters, no grants but the pre-authorised one, which is valid again.
     * The lifetime set through the control endpoint stays, as faults do.
     */
    public void reset() {
        accessTokens.clear();
        refreshTokens.clear();
        counters.reset();
    }

    OAuthProfile profile() {
        return profile;
    }

    String clientId() {
        return client.clientId();
    }

    AccessTokens accessTokens() {
        return accessTokens;
    }

    RefreshTokens refreshTokens() {
        return refreshTokens;
    }

    OAuthCounters counters() {
        return counters;
    }

    Duration ttl() {
        return ttl;
    }

    void ttl(Duration ttl) {
        this.ttl = ttl;
    }
}
