package io.legalhub.sandbox;

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
        int webhookAttempts,
        Duration webhookBackoff,
        int threads,
        int requestLogCapacity,
        Duration ediscoveryJobDelay) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Duration DEFAULT_EDISCOVERY_JOB_DELAY = Duration.ofMillis(300);

    /** Where a system sends its signed webhooks. */
    public record WebhookTarget(String url, String secret) {
        public WebhookTarget {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(secret, "secret");
        }
    }

    public SandboxSettings {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        webhookTargets = freeze(webhookTargets);
        bearerTokens = freeze(bearerTokens);
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
                .threads(threads).requestLogCapacity(requestLogCapacity).ediscoveryJobDelay(ediscoveryJobDelay);
        b.webhookTargets.putAll(webhookTargets);
        b.bearerTokens.putAll(bearerTokens);
        return b;
    }

    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port;
        private Path dataDir;
        private boolean seed = true;
        private final Map<SandboxSystem, WebhookTarget> webhookTargets = new EnumMap<>(SandboxSystem.class);
        private final Map<SandboxSystem, String> bearerTokens = new EnumMap<>(SandboxSystem.class);
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
            return new SandboxSettings(host, port, dataDir, seed, webhookTargets, bearerTokens,
                    webhookAttempts, webhookBackoff, threads, requestLogCapacity, ediscoveryJobDelay);
        }
    }
}
