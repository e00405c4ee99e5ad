package io.legalhub.sandbox.oauth;

import io.legalhub.sandbox.SandboxSystem;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a vendor's OAuth 2 token endpoint behaves, for the systems that imitate a vendor with one.
 *
 * @param tokenPath            path of the token endpoint below the system's prefix
 * @param grantTypes           the grant types it accepts
 * @param rotatesRefreshTokens whether a refresh answers a new refresh token and retires the one used
 * @param tokenType            the {@code token_type} it answers, spelt as the vendor spells it
 * @param scopes               scopes a client may ask for; empty when the vendor has none
 */
public record OAuthProfile(String tokenPath, Set<String> grantTypes, boolean rotatesRefreshTokens, String tokenType,
                           Set<String> scopes) {

    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String CLIENT_CREDENTIALS = "client_credentials";

    /** Clio: authorization code plus refresh at {@code /oauth/token}; refresh tokens are reused, never rotated. */
    static final OAuthProfile CLIO = new OAuthProfile("/oauth/token", Set.of(REFRESH_TOKEN), false, "bearer", Set.of());

    /** iManage (Power Platform facade): OAuth2 access code, token at {@code /automate/work/auth/token}, scope user. */
    static final OAuthProfile IMANAGE = new OAuthProfile("/automate/work/auth/token", Set.of(REFRESH_TOKEN), true, "Bearer",
            Set.of("user"));

    /** Relativity: client credentials at {@code /Relativity/Identity/connect/token}, scope SystemUserInfo. */
    static final OAuthProfile RELATIVITY = new OAuthProfile("/Relativity/Identity/connect/token", Set.of(CLIENT_CREDENTIALS),
            false, "Bearer", Set.of("SystemUserInfo"));

    public OAuthProfile {
        grantTypes = Set.copyOf(grantTypes);
        scopes = Set.copyOf(scopes);
    }

    /** The profile of a system; empty for the sandbox's own systems, which have no token endpoint. */
    public static Optional<OAuthProfile> of(SandboxSystem system) {
        return Optional.ofNullable(switch (system) {
            case MATTER_MANAGEMENT -> CLIO;
            case DMS -> IMANAGE;
            case EDISCOVERY -> RELATIVITY;
            case BILLING, CONFLICTS, EBILLING -> null;
        });
    }

    /** For messages: the prefixes of the systems that have a token endpoint. */
    public static String systemsWithTokenEndpoints() {
        return Arrays.stream(SandboxSystem.values()).filter(s -> of(s).isPresent()).map(SandboxSystem::prefix)
                .collect(Collectors.joining(", "));
    }

    public boolean issuesRefreshTokens() {
        return grantTypes.contains(REFRESH_TOKEN);
    }

    /** What a client gets when it names no scope: everything there is, as a space-separated list; null if none. */
    String defaultScope() {
        return scopes.isEmpty() ? null : scopes.stream().sorted().collect(Collectors.joining(" "));
    }
}
