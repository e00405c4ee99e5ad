package io.legalhub.systems.oauth;

import java.time.Instant;

/**
 * How the hub authenticates to one system and how its grant stands: type ({@code none}, {@code bearer},
 * {@code oauth2}), grant, token endpoint, client id, the current access token's issue and expiry times, tokens
 * obtained and refused since start, and the last token-endpoint failure. Never a secret or a token.
 */
public record TokenStatus(String system, String type, String grant, String tokenUri, String clientId,
                          Instant accessTokenIssuedAt, Instant accessTokenExpiresAt, long tokensObtained,
                          long tokensRefused, String lastError) {
}
