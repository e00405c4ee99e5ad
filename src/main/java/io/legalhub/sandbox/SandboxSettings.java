package io.legalhub.sandbox;

import io.legalhub.sandbox.oauth.OAuthProfile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Start-up settings of the sandbox.
 *
 * @param host              interface to bind (default {@code 127.0.0.1})
 * @param port              TCP port, 0 picks a free one
 * @param dataDir           directory holding one {@code <system>.mv} file per system; {@code null} keeps all data in memory
 * @param seed              load the deterministic demo data into systems that are empty at start
 * @param webhookTargets    initial webhook target per system (optional)
 * @param bearerTokens      per system: when set, API calls without {@code Authorization: Bearer <token>} get 401
 * @param oauthClients      per system: when set, API calls need an access token from the system's OAuth 2 token
 *                          endpoint (matter management, DMS and e-discovery only; not together with a bearer token)
 * @param accessTokenTtl    lifetime of the access tokens the token endpoints issue (default 1 hour)
 * @param webhookAttempts   delivery attempts per webhook event, including the first (default 5)
 * @param webhookBackoff    wait before the first retry; doubled for each further retry (default 500 ms)
 * @param threads           HTTP worker threads (default 32)
 * @param requestLogCapacity size of the per-system ring of recent API requests (default 5,000)
 * @param ediscoveryJobDelay how long an e-discovery workspace-creation job runs before the workspace exists (default 300 ms)
 */
public record SandboxSettings(
        String host,
        int port,
        Path dataDir,
        boolean seed,
        Map<SandboxSystem, WebhookTarget> webhookTargets,
        Map<SandboxSystem, String> bearerTokens,
        Map<SandboxSystem, OAuthClient> oauthClients,
        Duration accessTokenTtl,
        int webhookAttempts,
        Duration webhookBackoff,
        int threads,
        int requestLogCapacity,
        Duration ediscoveryJobDelay) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Duration DEFAULT_EDISCOVERY_JOB_DELAY = Duration.ofMillis(300);
    public static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofHours(1);

    /** Where a system sends its signed webhooks. */
    public record WebhookTarget(String url, String secret) {
        public WebhookTarget {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(secret, "secret");
        }
    }

    /**
     * The one OAuth 2 client a system knows.
     *
     * @param refreshToken a grant the operator obtained once through the user's consent (the authorization-code
     *                     flow), valid from the start until revoked; null for systems using client credentials
     */
    public record OAuthClient(String clientId, String clientSecret, String refreshToken) {
        public OAuthClient {
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("an OAuth client needs a client id");
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("OAuth client " + clientId + " needs a client secret");
            }
            refreshToken = refreshToken == null || refreshToken.isBlank() ? null : refreshToken;
        }

        /** Names the client only: settings end up in logs and test reports, secrets must not. */
        @Override
        public String toString() {
            return "OAuthClient[clientId=" + clientId + ", clientSecret=***, refreshToken="
                    + (refreshToken == null ? "none" : "***") + "]";
        }
    }

    public SandboxSettings {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        webhookTargets = freeze(webhookTargets);
        bearerTokens = freeze(bearerTokens);
        oauthClients = freeze(oauthClients);
        checkOAuthClients(oauthClients, bearerTokens);
        accessTokenTtl = accessTokenTtl == null ? DEFAULT_ACCESS_TOKEN_TTL : accessTokenTtl;
        if (accessTokenTtl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("accessTokenTtl must be at least 1 second: " + accessTokenTtl);
        }
        if (webhookAttempts < 1) {
            throw new IllegalArgumentException("webhookAttempts must be >= 1");
        }
        webhookBackoff = webhookBackoff == null ? Duration.ofMillis(500) : webhookBackoff;
        if (webhookBackoff.isNegative()) {
            throw new IllegalArgumentException("webhookBackoff must not be negative");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        if (requestLogCapacity < 1) {
            throw new IllegalArgumentException("requestLogCapacity must be >= 1");
        }
        ediscoveryJobDelay = ediscoveryJobDelay == null ? DEFAULT_EDISCOVERY_JOB_DELAY : ediscoveryJobDelay;
        if (ediscoveryJobDelay.isNegative()) {
            throw new IllegalArgumentException("ediscoveryJobDelay must not be negative");
        }
    }

    /** Refuses what the system could never use, rather than ignoring it and answering 401s nobody understands. */
    private static void checkOAuthClients(Map<SandboxSystem, OAuthClient> clients, Map<SandboxSystem, String> bearerTokens) {
        clients.forEach((system, client) -> {
            OAuthProfile profile = OAuthProfile.of(system).orElseThrow(() -> new IllegalArgumentException(
                    system.prefix() + " has no OAuth 2 token endpoint; OAuth clients can be set for "
                            + OAuthProfile.systemsWithTokenEndpoints()));
            if (client.refreshToken() != null && !profile.issuesRefreshTokens()) {
                throw new IllegalArgumentException(system.prefix() + " uses the client_credentials grant and takes no refresh token");
            }
            if (bearerTokens.containsKey(system)) {
                throw new IllegalArgumentException(system.prefix() + " has both a static bearer token and an OAuth client; choose one");
            }
        });
    }

    private static <V> Map<SandboxSystem, V> freeze(Map<SandboxSystem, V> map) {
        EnumMap<SandboxSystem, V> copy = new EnumMap<>(SandboxSystem.class);
        if (map != null) {
            copy.putAll(map);
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Loopback, random port, in memory, seeded. */
    public static SandboxSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().host(host).port(port).dataDir(dataDir).seed(seed)
                .webhookAttempts(webhookAttempts).webhookBackoff(webhookBackoff)
                .threads(threads).requestLogCapacity(requestLogCapacity).ediscoveryJobDelay(ediscoveryJobDelay)
                .accessTokenTtl(accessTokenTtl);
        b.webhookTargets.putAll(webhookTargets);
        b.bearerTokens.putAll(bearerTokens);
        b.oauthClients.putAll(oauthClients);
        return b;
    }

    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port;
        private Path dataDir;
        private boolean seed = true;
        private final Map<SandboxSystem, WebhookTarget> webhookTargets = new EnumMap<>(SandboxSystem.class);
        private final Map<SandboxSystem, String> bearerTokens = new EnumMap<>(SandboxSystem.class);
        private final Map<SandboxSystem, OAuthClient> oauthClients = new EnumMap<>(SandboxSystem.class);
        private Duration accessTokenTtl = DEFAULT_ACCESS_TOKEN_TTL;
        private int webhookAttempts = 5;
        private Duration webhookBackoff = Duration.ofMillis(500);
        private int threads = 32;
        private int requestLogCapacity = 5_000;
        private Duration ediscoveryJobDelay = DEFAULT_EDISCOVERY_JOB_DELAY;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder seed(boolean seed) {
            this.seed = seed;
            return this;
        }

        public Builder webhookTarget(SandboxSystem system, String url, String secret) {
            webhookTargets.put(Objects.requireNonNull(system), new WebhookTarget(url, secret));
            return this;
        }

        public Builder bearerToken(SandboxSystem system, String token) {
            Objects.requireNonNull(system);
            if (token == null || token.isBlank()) {
                bearerTokens.remove(system);
            } else {
                bearerTokens.put(system, token);
            }
            return this;
        }

        /**
         * Protects the system's API with OAuth 2: its token endpoint authenticates this client and issues the access
         * tokens every API call then needs. {@code refreshToken} is a pre-authorised grant (null for e-discovery,
         * which uses client credentials).
         */
        public Builder oauthClient(SandboxSystem system, String clientId, String clientSecret, String refreshToken) {
            oauthClients.put(Objects.requireNonNull(system), new OAuthClient(clientId, clientSecret, refreshToken));
            return this;
        }

        /** Lifetime of issued access tokens (default 1 hour, at least 1 second). */
        public Builder accessTokenTtl(Duration ttl) {
            this.accessTokenTtl = ttl;
            return this;
        }

        public Builder webhookAttempts(int attempts) {
            this.webhookAttempts = attempts;
            return this;
        }

        public Builder webhookBackoff(Duration backoff) {
            this.webhookBackoff = backoff;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder requestLogCapacity(int capacity) {
            this.requestLogCapacity = capacity;
            return this;
        }

        /** How long a Relativity workspace-creation job takes; tests make it long to observe a running job. */
        public Builder ediscoveryJobDelay(Duration delay) {
            this.ediscoveryJobDelay = delay;
            return this;
        }

        public SandboxSettings build() {
            return new SandboxSettings(host, port, dataDir, seed, webhookTargets, bearerTokens, oauthClients, accessTokenTtl,
                    webhookAttempts, webhookBackoff, threads, requestLogCapacity, ediscoveryJobDelay);
        }
    }
}
