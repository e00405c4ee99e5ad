package io.legalhub.systems.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.systems.PermanentSystemFailure;
import io.legalhub.systems.SystemAuthSettings;
import io.legalhub.systems.TransientSystemFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.JdbcOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.stereotype.Component;

/**
 * The access token to send to each system that uses OAuth 2. Spring Security's OAuth2 client does the grants
 * (client credentials, refresh token) and keeps each system's grant in the database ({@code oauth2_authorized_client}),
 * so a rotated refresh token survives a restart and is shared by every hub instance. This class only decides when to
 * ask: a token is reused from memory until it is within the system's {@code refresh-before-expiry} of its end, and
 * one the system refused (401) is retired at once. Token values are never logged.
 */
@Component
public class SystemAccessTokens {

    private static final Logger log = LoggerFactory.getLogger(SystemAccessTokens.class);
    static final String PRINCIPAL = "legal-hub";
    private static final Authentication HUB = UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL, null, List.of());

    private final HubSystemsProperties properties;
    private final OAuth2AuthorizedClientService store;
    private final TokenEndpointClients endpoints;
    private final Clock clock;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    @Autowired
    public SystemAccessTokens(HubSystemsProperties properties, JdbcOperations jdbc, TokenEndpointClients endpoints) {
        this(properties, jdbc, endpoints, Clock.systemUTC());
    }

    SystemAccessTokens(HubSystemsProperties properties, JdbcOperations jdbc, TokenEndpointClients endpoints, Clock clock) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.clock = clock;
        List<ClientRegistration> registrations = new ArrayList<>();
        properties.getSystems().forEach((name, settings) -> {
            if (settings.getAuth().isOauth2()) {
                registrations.add(OAuthRegistrations.of(name, settings.getAuth()));
            }
        });
        // JdbcOAuth2AuthorizedClientService needs a repository to rebuild stored grants; an empty one is not allowed
        this.store = new JdbcOAuth2AuthorizedClientService(jdbc, registrations.isEmpty()
                ? (id -> null) : new InMemoryClientRegistrationRepository(registrations));
        for (ClientRegistration registration : registrations) {
            grants.put(registration.getRegistrationId(), new Grant(registration));
        }
    }

    /** Whether the system is reached with OAuth 2 access tokens. */
    public boolean usesOAuth(String system) {
        return grants.containsKey(system);
    }

    /**
     * A live access token for the system, obtained or refreshed if the one in hand is expired or about to be.
     * A refused grant (wrong client secret, revoked refresh token) is a {@link PermanentSystemFailure}; an
     * unreachable or failing token endpoint a {@link TransientSystemFailure}.
     */
    public String accessToken(String system) {
        Grant grant = grant(system);
        OAuth2AccessToken token = grant.current;
        if (grant.isFresh(token, clock.instant())) {
            return token.getTokenValue();
        }
        synchronized (grant) {
            token = grant.current;
            if (!grant.isFresh(token, clock.instant())) {
                token = grant.obtain();
            }
            return token.getTokenValue();
        }
    }

    /** The system answered 401 to this token: it was revoked or expired early, so the next call gets another. */
    public void rejected(String system, String tokenValue) {
        Grant grant = grant(system);
        synchronized (grant) {
            if (grant.current != null && grant.current.getTokenValue().equals(tokenValue)) {
                grant.current = null;
            }
            OAuth2AuthorizedClient stored = store.loadAuthorizedClient(system, PRINCIPAL);
            if (stored != null && stored.getAccessToken().getTokenValue().equals(tokenValue)) {
                grant.retire(stored);
            }
            grant.rejections.incrementAndGet();
        }
        log.info("{} refused the hub's access token (HTTP 401); obtaining another", system);
    }

    /**
     * Replaces the stored refresh token, e.g. after an operator authorised the hub again in the vendor's
     * application because the old grant was revoked. The next call refreshes with it.
     */
    public void replaceRefreshToken(String system, String refreshToken) {
        Grant grant = grant(system);
        if (grant.registration.getAuthorizationGrantType() != OAuthRegistrations.REFRESH_TOKEN_GRANT) {
            throw new IllegalArgumentException(system + " uses the client-credentials grant; it has no refresh token");
        }
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new IllegalArgumentException("refreshToken must not be empty");
        }
        synchronized (grant) {
            grant.current = null;
            grant.seed(refreshToken.strip());
            grant.lastError = null;
        }
        log.info("The refresh token for {} was replaced by an operator", system);
    }

    /** What an operator may see of each system's grant: never a token value. */
    public List<TokenStatus> statuses() {
        List<TokenStatus> list = new ArrayList<>();
        properties.getSystems().forEach((name, settings) -> {
            SystemAuthSettings auth = settings.getAuth();
            Grant grant = grants.get(name);
            if (grant == null) {
                boolean bearer = settings.getToken() != null && !settings.getToken().isBlank();
                list.add(new TokenStatus(name, bearer ? "bearer" : "none", null, null, null, null, null, 0, 0, null));
                return;
            }
            OAuth2AuthorizedClient stored = store.loadAuthorizedClient(name, PRINCIPAL);
            OAuth2AccessToken token = stored == null ? null : stored.getAccessToken();
            list.add(new TokenStatus(name, "oauth2", OAuthRegistrations.grantName(auth.getGrant()), auth.getTokenUri(),
                    auth.getClientId(), token == null ? null : token.getIssuedAt(), token == null ? null : token.getExpiresAt(),
                    grant.obtained.get(), grant.rejections.get(), grant.lastError));
        });
        return list;
    }

    private Grant grant(String system) {
        Grant grant = grants.get(system);
        if (grant == null) {
            throw new IllegalArgumentException(system + " does not use OAuth 2 (hub.systems." + system + ".auth.type)");
        }
        return grant;
    }

    /** One system's grant: its own manager, so each system's refresh-before-expiry applies to it alone. */
    private final class Grant {
        final ClientRegistration registration;
        final Duration skew;
        final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
        final OAuth2AuthorizeRequest request;
        final AtomicLong obtained = new AtomicLong();
        final AtomicLong rejections = new AtomicLong();
        volatile OAuth2AccessToken current;
        volatile String lastError;

        Grant(ClientRegistration registration) {
            this.registration = registration;
            String system = registration.getRegistrationId();
            SystemAuthSettings auth = properties.system(system).getAuth();
            this.skew = Objects.requireNonNullElse(auth.getRefreshBeforeExpiry(), Duration.ZERO);
            this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(id -> registration, store);
            manager.setAuthorizedClientProvider(endpoints.providerFor(registration, skew, clock));
            // A refused refresh must not delete the stored grant: another instance may just have rotated it (see obtain)
            manager.setAuthorizationFailureHandler((failure, principal, attributes) -> { });
            this.request = OAuth2AuthorizeRequest.withClientRegistrationId(system).principal(HUB).build();
        }

        boolean isFresh(OAuth2AccessToken token, Instant now) {
            return token != null && (token.getExpiresAt() == null || token.getExpiresAt().minus(skew).isAfter(now));
        }

        OAuth2AccessToken obtain() {
            String system = registration.getRegistrationId();
            OAuth2AuthorizedClient before = store.loadAuthorizedClient(system, PRINCIPAL);
            if (before == null && registration.getAuthorizationGrantType() == OAuthRegistrations.REFRESH_TOKEN_GRANT) {
                String configured = properties.system(system).getAuth().getRefreshToken();
                if (configured == null || configured.isBlank()) {
                    throw refused("no refresh token is stored or configured: authorise the hub in " + system
                            + " and set hub.systems." + system + ".auth.refresh-token, or give one to "
                            + "PUT /api/system-auth/" + system + "/refresh-token");
                }
                seed(configured.strip());
                before = store.loadAuthorizedClient(system, PRINCIPAL);
            }
            try {
                return remember(authorize());
            } catch (OAuth2AuthorizationException first) {
                if (!retryWithAnotherRefreshToken(before)) {
                    throw failure(first);
                }
                try {
                    return remember(authorize());
                } catch (OAuth2AuthorizationException second) {
                    throw failure(second);
                }
            }
        }

        /**
         * After a refused refresh: another instance may have rotated the refresh token meanwhile (take the stored
         * one), or an operator configured a new one after authorising the hub again (take that one).
         */
        private boolean retryWithAnotherRefreshToken(OAuth2AuthorizedClient before) {
            String system = registration.getRegistrationId();
            String used = refreshTokenOf(before);
            if (used == null) {
                return false;
            }
            String stored = refreshTokenOf(store.loadAuthorizedClient(system, PRINCIPAL));
            if (stored != null && !stored.equals(used)) {
                return true;
            }
            String configured = properties.system(system).getAuth().getRefreshToken();
            if (configured != null && !configured.isBlank() && !configured.strip().equals(used)) {
                seed(configured.strip());
                return true;
            }
            return false;
        }

        private OAuth2AuthorizedClient authorize() {
            OAuth2AuthorizedClient client = manager.authorize(request);
            if (client == null) {
                throw refused("the token endpoint gave no access token");
            }
            return client;
        }

        private OAuth2AccessToken remember(OAuth2AuthorizedClient client) {
            OAuth2AccessToken token = client.getAccessToken();
            if (current == null || !token.getTokenValue().equals(current.getTokenValue())) {
                obtained.incrementAndGet();
            }
            current = token;
            lastError = null;
            return token;
        }

        /** Keeps the refresh token (if any) and marks the access token spent, so the provider replaces it. */
        void retire(OAuth2AuthorizedClient stored) {
            if (stored.getRefreshToken() == null) {
                store.removeAuthorizedClient(registration.getRegistrationId(), PRINCIPAL);
            } else {
                store.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, PRINCIPAL,
                        spent(stored.getAccessToken().getTokenValue()), stored.getRefreshToken()), HUB);
            }
        }

        void seed(String refreshToken) {
            Instant now = clock.instant();
            store.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, PRINCIPAL,
                    spent("none-yet"), new OAuth2RefreshToken(refreshToken, now)), HUB);
        }

        private OAuth2AccessToken spent(String value) {
            Instant now = clock.instant();
            return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, now.minusSeconds(2), now.minusSeconds(1));
        }

        private String refreshTokenOf(OAuth2AuthorizedClient client) {
            return Optional.ofNullable(client).map(OAuth2AuthorizedClient::getRefreshToken)
                    .map(OAuth2RefreshToken::getTokenValue).orElse(null);
        }

        private RuntimeException failure(OAuth2AuthorizationException e) {
            RuntimeException failure = TokenEndpointFailures.classify(registration.getRegistrationId(), e);
            lastError = failure.getMessage();
            log.warn("{}: {}", registration.getRegistrationId(), failure.getMessage());
            return failure;
        }

        private PermanentSystemFailure refused(String reason) {
            lastError = reason;
            return new PermanentSystemFailure(registration.getRegistrationId(), 401, reason);
        }
    }
}
