package io.legalhub.sandbox.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;

import java.time.Clock;
import java.util.Map;

/**
 * The refresh tokens (grants) of one system's client, kept in the system's store under their digests so that they
 * survive a restart. The pre-authorised token from the settings is valid without an entry; an entry for it only
 * records that it was revoked or, where tokens rotate, used up.
 */
final class RefreshTokens {

    enum Verdict { VALID, UNKNOWN, REVOKED, USED, OTHER_CLIENT }

    /** The outcome of redeeming a token: its verdict and, when it was valid and tokens rotate, its successor. */
    record Redemption(Verdict verdict, String successor) {
    }

    private static final String LIVE = "live";
    private static final String REVOKED = "revoked";
    private static final String USED = "used";

    private final Map<String, String> byDigest;
    private final String clientId;
    private final String preAuthorisedDigest;
    private final Clock clock;

    /**
     * @param byDigest     the persisted map (digest → {@code {"client_id","state","at"}})
     * @param preAuthorised the configured grant, or null
     */
    RefreshTokens(Map<String, String> byDigest, String clientId, String preAuthorised, Clock clock) {
        this.byDigest = byDigest;
        this.clientId = clientId;
        this.preAuthorisedDigest = preAuthorised == null ? null : OpaqueTokens.digest(preAuthorised);
        this.clock = clock;
    }

    /** A new grant, as if the user had consented again. */
    synchronized String issue() {
        String token = OpaqueTokens.newToken();
        put(OpaqueTokens.digest(token), LIVE);
        return token;
    }

    /**
     * Checks the token and, when {@code rotate}, replaces it by a new one in the same step, so that two refreshes
     * racing with one token cannot both succeed.
     */
    synchronized Redemption redeem(String token, boolean rotate) {
        String digest = OpaqueTokens.digest(token);
        Verdict verdict = verdict(digest);
        if (verdict != Verdict.VALID || !rotate) {
            return new Redemption(verdict, null);
        }
        put(digest, USED);
        return new Redemption(verdict, issue());
    }

    /** Revokes every grant, the pre-authorised one included. */
    synchronized void revokeAll() {
        for (Map.Entry<String, String> e : byDigest.entrySet()) {
            if (LIVE.equals(Json.parseObject(e.getValue()).path("state").asText())) {
                put(e.getKey(), REVOKED);
            }
        }
        if (preAuthorisedDigest != null && !byDigest.containsKey(preAuthorisedDigest)) {
            put(preAuthorisedDigest, REVOKED);
        }
    }

    /** Forgets every grant; the pre-authorised one is valid again. */
    synchronized void clear() {
        byDigest.clear();
    }

    private Verdict verdict(String digest) {
        String stored = byDigest.get(digest);
        if (stored == null) {
            return digest.equals(preAuthorisedDigest) ? Verdict.VALID : Verdict.UNKNOWN;
        }
        ObjectNode grant = Json.parseObject(stored);
        if (!clientId.equals(grant.path("client_id").asText())) {
            return Verdict.OTHER_CLIENT;
        }
        return switch (grant.path("state").asText()) {
            case LIVE -> Verdict.VALID;
            case USED -> Verdict.USED;
            default -> Verdict.REVOKED;
        };
    }

    private void put(String digest, String state) {
        ObjectNode grant = Json.object();
        grant.put("client_id", clientId);
        grant.put("state", state);
        grant.put("at", Json.ts(clock.instant()));
        byDigest.put(digest, grant.toString());
    }
}
