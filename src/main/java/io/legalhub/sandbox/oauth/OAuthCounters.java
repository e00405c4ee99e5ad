package io.legalhub.sandbox.oauth;

import java.util.concurrent.atomic.AtomicLong;

/** What {@code GET /_control/oauth} reports about the client's use of the token endpoint and its tokens. */
final class OAuthCounters {

    private final AtomicLong issuedByClientCredentials = new AtomicLong();
    private final AtomicLong issuedByRefreshToken = new AtomicLong();
    private final AtomicLong rejectedApiCalls = new AtomicLong();
    private final AtomicLong tokenErrors = new AtomicLong();

    void issued(String grantType) {
        (OAuthProfile.CLIENT_CREDENTIALS.equals(grantType) ? issuedByClientCredentials : issuedByRefreshToken).incrementAndGet();
    }

    void rejectedApiCall() {
        rejectedApiCalls.incrementAndGet();
    }

    void tokenError() {
        tokenErrors.incrementAndGet();
    }

    long issuedByClientCredentials() {
        return issuedByClientCredentials.get();
    }

    long issuedByRefreshToken() {
        return issuedByRefreshToken.get();
    }

    long rejectedApiCalls() {
        return rejectedApiCalls.get();
    }

    long tokenErrors() {
        return tokenErrors.get();
    }

    void reset() {
        issuedByClientCredentials.set(0);
        issuedByRefreshToken.set(0);
        rejectedApiCalls.set(0);
        tokenErrors.set(0);
    }
}
