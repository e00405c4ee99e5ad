package io.legalhub.sandbox.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Fields;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Response;
import io.legalhub.sandbox.http.Router;

import java.time.Duration;
import java.util.Set;

/** {@code /_control/oauth…}: lets tests see the token traffic and make tokens expire or be revoked on purpose. */
final class OAuthControl {

    private static final long MAX_TTL_SECONDS = 366L * 24 * 3600;

    private final OAuthServer server;

    OAuthControl(OAuthServer server) {
        this.server = server;
    }

    void register(Router r) {
        r.get("/_control/oauth", req -> Response.ok(status()));
        r.post("/_control/oauth/expire", req -> {
            server.accessTokens().expireAll();
            return Response.ok(status());
        });
        r.post("/_control/oauth/revoke", req -> {
            boolean refreshTokensToo = false;
            if (!req.bodyText().isBlank()) {
                Fields f = new Fields(req.jsonObject());
                f.rejectUnknown(Set.of("refreshTokens"), Set.of());
                refreshTokensToo = Boolean.TRUE.equals(f.bool("refreshTokens"));
                f.check();
            }
            server.accessTokens().revokeAll();
            if (refreshTokensToo) {
                server.refreshTokens().revokeAll();
            }
            return Response.ok(status());
        });
        r.put("/_control/oauth/ttl", req -> {
            Fields f = new Fields(req.jsonObject());
            f.rejectUnknown(Set.of("seconds"), Set.of());
            Long seconds = f.integer("seconds", true, 1, MAX_TTL_SECONDS);
            f.check();
            server.ttl(Duration.ofSeconds(seconds));
            return Response.ok(status());
        });
        if (server.profile().issuesRefreshTokens()) {
            // stands in for the vendor's consent screen: the user authorises the client again
            r.post("/_control/oauth/grants", req -> {
                ObjectNode n = Json.object();
                n.put("refresh_token", server.refreshTokens().issue());
                return Response.created(n);
            });
        }
    }

    private ObjectNode status() {
        OAuthCounters counters = server.counters();
        ObjectNode n = Json.object();
        n.put("clientId", server.clientId());
        n.put("ttlSeconds", server.ttl().toSeconds());
        ObjectNode issued = n.putObject("issued");
        issued.put(OAuthProfile.CLIENT_CREDENTIALS, counters.issuedByClientCredentials());
        issued.put(OAuthProfile.REFRESH_TOKEN, counters.issuedByRefreshToken());
        n.put("liveAccessTokens", server.accessTokens().live());
        n.put("rejectedApiCalls", counters.rejectedApiCalls());
        n.put("tokenErrors", counters.tokenErrors());
        return n;
    }
}
