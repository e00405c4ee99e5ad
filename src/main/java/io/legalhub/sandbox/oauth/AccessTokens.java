package io.legalhub.sandbox.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access tokens one system issued, in memory only: after a restart every token is unknown, and the client has
 * to refresh, as it would after a real vendor's key rotation. Expired and revoked tokens are remembered for a day so
 * that a 401 can say which it was; after that they are unknown.
 */
final class AccessTokens {

    enum Verdict { LIVE, UNKNOWN, EXPIRED, REVOKED }

    private static final Duration REMEMBER_DEAD = Duration.ofDays(1);

    private record Issued(Instant expiresAt, Instant revokedAt) {
        boolean liveAt(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }

        Instant diedAt() {
            return revokedAt != null && revokedAt.isBefore(expiresAt) ? revokedAt : expiresAt;
        }
    }

    private final Map<String, Issued> byDigest = new ConcurrentHashMap<>();
    private final Clock clock;

    AccessTokens(Clock clock) {
        this.clock = clock;
    }

    /** A new token that is live for {@code ttl}. */
    String issue(Duration ttl) {
        Instant now = clock.instant();
        forgetLongDead(now);
        String token = OpaqueTokens.newToken();
        byDigest.put(OpaqueTokens.digest(token), new Issued(now.plus(ttl), null));
        return token;
    }

    Verdict check(String token) {
        Issued issued = byDigest.get(OpaqueTokens.digest(token));
        if (issued == null) {
            return Verdict.UNKNOWN;
        }
        if (issued.revokedAt() != null) {
            return Verdict.REVOKED;
        }
        return clock.instant().isBefore(issued.expiresAt()) ? Verdict.LIVE : Verdict.EXPIRED;
    }

    /** Every live token expires now (time passing); returns how many there were. */
    int expireAll() {
        Instant now = clock.instant();
        int[] n = {0};
        byDigest.replaceAll((digest, t) -> {
            if (!t.liveAt(now)) {
                return t;
            }
            n[0]++;
            return new Issued(now, null);
        });
        return n[0];
    }

    /** Every token not yet revoked is revoked now; returns how many of them were live. */
    int revokeAll() {
        Instant now = clock.instant();
        int[] n = {0};
        byDigest.replaceAll((digest, t) -> {
            if (t.revokedAt() != null) {
                return t;
            }
            if (t.liveAt(now)) {
                n[0]++;
            }
            return new Issued(t.expiresAt(), now);
        });
        return n[0];
    }

    int live() {
        Instant now = clock.instant();
        return (int) byDigest.values().stream().filter(t -> t.liveAt(now)).count();
    }

    void clear() {
        byDigest.clear();
    }

    private void forgetLongDead(Instant now) {
        Instant cutoff = now.minus(REMEMBER_DEAD);
        byDigest.values().removeIf(t -> !t.liveAt(now) && t.diedAt().isBefore(cutoff));
    }
}
