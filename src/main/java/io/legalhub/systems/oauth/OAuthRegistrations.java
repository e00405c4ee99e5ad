package io.legalhub.systems.oauth;

import io.legalhub.systems.SystemAuthSettings;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/** A system's {@code auth} settings as the Spring Security client registration the grants are made with. */
final class OAuthRegistrations {

    /**
     * The grant a refresh-token system is registered with. The consent itself (authorization code) happened once in
     * the vendor's application; from then on the hub only refreshes.
     */
    static final AuthorizationGrantType REFRESH_TOKEN_GRANT = AuthorizationGrantType.REFRESH_TOKEN;

    private OAuthRegistrations() {
    }

    static ClientRegistration of(String system, SystemAuthSettings auth) {
        String prefix = "hub.systems." + system + ".auth.";
        require(auth.getTokenUri(), prefix + "token-uri");
        require(auth.getClientId(), prefix + "client-id");
        require(auth.getClientSecret(), prefix + "client-secret");
        return ClientRegistration.withRegistrationId(system)
                .clientId(auth.getClientId())
                .clientSecret(auth.getClientSecret())
                .clientAuthenticationMethod(auth.getClientAuthentication() == SystemAuthSettings.ClientAuthentication.CLIENT_SECRET_POST
                        ? ClientAuthenticationMethod.CLIENT_SECRET_POST : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(auth.getGrant() == SystemAuthSettings.Grant.CLIENT_CREDENTIALS
                        ? AuthorizationGrantType.CLIENT_CREDENTIALS : REFRESH_TOKEN_GRANT)
                .tokenUri(auth.getTokenUri())
                .scope(auth.getScopes())
                .build();
    }

    static String grantName(SystemAuthSettings.Grant grant) {
        return grant == SystemAuthSettings.Grant.CLIENT_CREDENTIALS ? "client_credentials" : "refresh_token";
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is required when auth.type is oauth2 (set it from the environment)");
        }
    }
}
