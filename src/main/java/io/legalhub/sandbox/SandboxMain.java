package io.legalhub.sandbox;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox standalone until the process is stopped:
 * <pre>
 * java -cp … io.legalhub.sandbox.SandboxMain --port=8089 --data-dir=./data/sandbox \
 *      --webhook-url.conflicts=http://localhost:8080/webhooks/conflicts --webhook-secret.conflicts=s3cret
 * </pre>
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    static final String USAGE = """
            Legal Hub sandbox: six simulated legal systems on one HTTP port.

            Options:
              --host=ADDR                      interface to bind (default 127.0.0.1)
              --port=N                         port (default 8089; 0 = any free port)
              --data-dir=DIR                   keep data in DIR/<system>.mv (default: in memory)
              --no-seed                        start empty systems without demo data
              --webhook-url.SYSTEM=URL         webhook target of SYSTEM (conflicts; matter management sends to
                                               the subscriptions made through its API, the DMS sends none)
              --webhook-secret.SYSTEM=SECRET   HMAC secret for SYSTEM's webhooks (required with the URL)
              --token.SYSTEM=TOKEN             require "Authorization: Bearer TOKEN" on SYSTEM's API
              --oauth.SYSTEM=ID:SECRET[:REFRESH_TOKEN]
                                               protect SYSTEM's API with OAuth 2: its token endpoint accepts
                                               this client (matter-management, dms: refresh_token grant with
                                               the pre-authorised REFRESH_TOKEN; ediscovery: client_credentials)
              --token-ttl=SECONDS              lifetime of issued access tokens (default 3600)
              --webhook-attempts=N             delivery attempts per event (default 5)
              --webhook-backoff-ms=N           first retry delay, doubled each retry (default 500)
              --threads=N                      HTTP worker threads (default 32)
              --ediscovery-job-delay-ms=N      time a Relativity workspace-creation job takes (default 300)
              --help                           show this help

            SYSTEM is one of matter-management, billing, dms, ediscovery, conflicts, ebilling.
            """;

    public static void main(String[] args) throws InterruptedException {
        SandboxSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (settings == null) {
            System.out.print(USAGE);
            return;
        }
        SandboxServer server = SandboxServer.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "sandbox-shutdown"));
        printBanner(System.out, server);
        new CountDownLatch(1).await();
    }

    static void printBanner(PrintStream out, SandboxServer server) {
        out.println("Legal Hub sandbox running on " + server.baseUrl());
        for (SandboxSystem s : SandboxSystem.values()) {
            out.printf("  %-18s %s%n", s.prefix(), server.baseUrl(s));
        }
        out.println("Stop with Ctrl+C.");
    }

    /** Parses command-line options; returns null when help was asked for. */
    static SandboxSettings parse(String[] args) {
        SandboxSettings.Builder b = SandboxSettings.builder().port(8089);
        Map<SandboxSystem, String> urls = new EnumMap<>(SandboxSystem.class);
        Map<SandboxSystem, String> secrets = new EnumMap<>(SandboxSystem.class);
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (arg.equals("--no-seed")) {
                b.seed(false);
                continue;
            }
            if (arg.equals("--seed")) {
                b.seed(true);
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            String key = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            if (key.startsWith("webhook-url.")) {
                urls.put(system(key.substring("webhook-url.".length())), value);
            } else if (key.startsWith("webhook-secret.")) {
                secrets.put(system(key.substring("webhook-secret.".length())), value);
            } else if (key.startsWith("token.")) {
                b.bearerToken(system(key.substring("token.".length())), value);
            } else if (key.startsWith("oauth.")) {
                oauthClient(b, system(key.substring("oauth.".length())), value);
            } else {
                switch (key) {
                    case "host" -> b.host(value);
                    case "port" -> b.port(integer(key, value));
                    case "data-dir" -> b.dataDir(value.isBlank() ? null : Path.of(value));
                    case "webhook-attempts" -> b.webhookAttempts(integer(key, value));
                    case "webhook-backoff-ms" -> b.webhookBackoff(Duration.ofMillis(integer(key, value)));
                    case "threads" -> b.threads(integer(key, value));
                    case "ediscovery-job-delay-ms" -> b.ediscoveryJobDelay(Duration.ofMillis(integer(key, value)));
                    case "token-ttl" -> b.accessTokenTtl(Duration.ofSeconds(atLeastOne(key, integer(key, value))));
                    default -> throw new IllegalArgumentException("unknown option --" + key);
                }
            }
        }
        for (Map.Entry<SandboxSystem, String> e : urls.entrySet()) {
            String secret = secrets.remove(e.getKey());
            if (secret == null) {
                throw new IllegalArgumentException("--webhook-url." + e.getKey().prefix() + " needs --webhook-secret." + e.getKey().prefix());
            }
            b.webhookTarget(e.getKey(), e.getValue(), secret);
        }
        if (!secrets.isEmpty()) {
            SandboxSystem s = secrets.keySet().iterator().next();
            throw new IllegalArgumentException("--webhook-secret." + s.prefix() + " given without --webhook-url." + s.prefix());
        }
        return b.build();
    }

    /** {@code CLIENT_ID:CLIENT_SECRET[:REFRESH_TOKEN]}; a colon ends the id and the secret, the refresh token may hold more. */
    private static void oauthClient(SandboxSettings.Builder b, SandboxSystem system, String value) {
        String[] parts = value.split(":", 3);
        if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("--oauth." + system.prefix() + " must be CLIENT_ID:CLIENT_SECRET[:REFRESH_TOKEN]");
        }
        b.oauthClient(system, parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    private static SandboxSystem system(String prefix) {
        return SandboxSystem.fromPrefix(prefix).orElseThrow(() -> new IllegalArgumentException(
                "unknown system '" + prefix + "'; use one of " + SandboxSystem.prefixes()));
    }

    private static int atLeastOne(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("--" + key + " must be at least 1, got " + value);
        }
        return value;
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be an integer, got '" + value + "'");
        }
    }
}
