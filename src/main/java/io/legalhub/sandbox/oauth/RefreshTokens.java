package io.legalhub.sandbox.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;

import java.time.Clock;
import java.util.Map;

/**
 * The refresh tokens (grants) of one system's client, kept in the system's store under their digests so that they
 * survive a restart. The pre-authorised token from the settings is valid without an entry; an entry for it only
 * records that it was revoked or, where tokens rotate, superseded.
 *
 * <p>Where tokens rotate, a redeemed token is superseded by its successor but stays valid until that successor is
 * used: a client that crashed after the server rotated, before it stored the new token, can still refresh with the
 * old one (the grace that rotating authorization servers give, as a reuse interval or until first use). Once the
 * successor has been used, the older token is spent for good.
 */
final class RefreshTokens {

    enum Verdict { VALID, UNKNOWN, REVOKED, USED, OTHER_CLIENT }

    /** The outcome of redeeming a token: its verdict and, when it was valid and tokens rotate, its successor. */
    record Redemption(Verdict verdict, String successor) {
    }

    private static final String LIVE = "live";
    private static final String REVOKED = "revoked";
    private static final String USED = "used";
    private static final String SUPERSEDED = "superseded";

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
        ObjectNode previous = entry(digest);
        if (previous != null && SUPERSEDED.equals(previous.path("state").asText())) {
            // the successor handed out before was never used (its client lost it): it will never be
            put(previous.path("successor").asText(), USED);
        }
        String successor = OpaqueTokens.newToken();
        String successorDigest = OpaqueTokens.digest(successor);
        put(successorDigest, LIVE);
        ObjectNode superseded = grant(SUPERSEDED);
        superseded.put("successor", successorDigest);
        byDigest.put(digest, superseded.toString());
        return new Redemption(verdict, successor);
    }

    /** Revokes every grant, the pre-authorised one included. */
    synchronized void revokeAll() {
        for (Map.Entry<String, String> e : byDigest.entrySet()) {
            String state = Json.parseObject(e.getValue()).path("state").asText();
            if (LIVE.equals(state) || SUPERSEDED.equals(state)) {
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
        ObjectNode grant = entry(digest);
        if (grant == null) {
            return digest.equals(preAuthorisedDigest) ? Verdict.VALID : Verdict.UNKNOWN;
        }
        if (!clientId.equals(grant.path("client_id").asText())) {
            return Verdict.OTHER_CLIENT;
        }
        return switch (grant.path("state").asText()) {
            case LIVE -> Verdict.VALID;
            case USED -> Verdict.USED;
            case SUPERSEDED -> {
                ObjectNode successor = entry(grant.path("successor").asText());
                yield successor != null && LIVE.equals(successor.path("state").asText()) ? Verdict.VALID : Verdict.USED;
            }
            default -> Verdict.REVOKED;
        };
    }

    private ObjectNode entry(String digest) {
        String stored = byDigest.get(digest);
        return stored == null ? null : Json.parseObject(stored);
    }

    private void put(String digest, String state) {
        byDigest.put(digest, grant(state).toString());
    }

    private ObjectNode grant(String state) {
        ObjectNode grant = Json.object();
        grant.put("client_id", clientId);
        grant.put("state", state);
        grant.put("at", Json.ts(clock.instant()));
        return grant;
    }
}
