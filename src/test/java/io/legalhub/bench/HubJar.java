package io.legalhub.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.support.SandboxClient;
import io.legalhub.support.SandboxOAuth;

/**
 * One hub as its own process, the packaged jar in its default (embedded) mode: embedded Artemis and an H2 file
 * database of its own under the run's directory, the sandbox reached on its port, polls every second. Operator
 * calls use the embedded mode's demo user.
 */
final class HubJar implements AutoCloseable {

    static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Routes a timer, not a message, starts: they tick while the hub is idle, so they are not "activity". */
    private static final Set<String> TIMER_ROUTES = Set.of("webhook-subscriptions", "reconciliation");
    private static final Pattern EXCHANGES = Pattern.compile(
            "^camel_exchanges_(total|inflight)\\{[^}]*routeId=\"([^\"]*)\"[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE);

    final int port;
    private final PackagedJar process;

    private HubJar(int port, PackagedJar process) {
        this.port = port;
        this.process = process;
    }

    /**
     * @param log       where the hub's output goes
     * @param data      its own database, broker journal and drop folders (a fresh directory)
     * @param extraArgs further settings ({@code --key=value}), e.g. rate limits
     */
    static HubJar start(Path log, Path dataDir, int port, int sandboxPort, String webhookSecret, List<String> extraArgs) throws IOException {
        Path data = dataDir.toAbsolutePath();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--hub.sandbox.enabled=false",
                "--hub.sandbox.port=" + sandboxPort,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("hub")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128",
                "--spring.artemis.embedded.data-directory=" + data.resolve("artemis"),
                "--hub.ledes.drop-dir=" + data.resolve("drop/ledes"),
                "--hub.productions.drop-dir=" + data.resolve("drop/productions"),
                "--hub.conflicts.gate.enabled=false",
                "--hub.poll.matter.interval-ms=1000",
                "--hub.poll.conflict.interval-ms=1000",
                "--hub.poll.matter.page-size=200",
                "--hub.poll.conflict.page-size=200",
                "--hub.systems.conflicts.webhook-secret=" + webhookSecret,
                "--logging.level.io.legalhub=WARN"));
        // a setting given again in extraArgs replaces the default (Spring would join two values of one key)
        args.removeIf(arg -> extraArgs.stream().anyMatch(extra -> extra.startsWith(arg.substring(0, arg.indexOf('=') + 1))));
        args.addAll(extraArgs);
        Map<String, String> env = new HashMap<>(SandboxOAuth.hubEnvironment());
        // matter management's webhooks (the subscription the hub makes itself) come to this process
        env.put("HUB_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("SPRING_PROFILES_ACTIVE", null);
        List<String> javaOptions = new ArrayList<>(List.of("-Xmx1g"));
        // e.g. -Dbench.hubJavaOptions=-XX:StartFlightRecording=settings=profile,filename=target/hub.jfr to profile the hub
        String extraJava = System.getProperty("bench.hubJavaOptions", "").trim();
        if (!extraJava.isEmpty()) {
            javaOptions.addAll(List.of(extraJava.split("\\s+")));
        }
        PackagedJar process = new PackagedJar("hub", log, javaOptions, args, env);
        HubJar hub = new HubJar(port, process);
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
                process.checkAlive();
                return hub.status("/actuator/health/readiness") == 200;
            });
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        return hub;
    }

    private int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** An operator GET; the body. */
    String get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                    .header("Authorization", OPERATOR).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode getJson(String path) {
        try {
            return SandboxClient.JSON.readTree(get(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An actuator metric's first measurement (e.g. jvm.memory.used with tag area:heap); NaN when there is none. */
    double metric(String name, String tag) {
        JsonNode m = getJson("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag));
        JsonNode value = m.path("measurements").path(0).path("value");
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }

    long deadLetters() {
        return getJson("/api/dead-letters?size=1").path("total").asLong();
    }

    /** Exchanges finished and in flight on the routes a message or a webhook starts (not the polls' and timers'). */
    record Work(long finished, long inflight) {
    }

    Work work() {
        long finished = 0;
        long inflight = 0;
        Matcher m = EXCHANGES.matcher(get("/actuator/prometheus"));
        while (m.find()) {
            String route = m.group(2);
            if (route.isEmpty() || TIMER_ROUTES.contains(route) || route.endsWith("-poll") || route.endsWith("-drop")) {
                continue;
            }
            long value = (long) Double.parseDouble(m.group(3));
            if (m.group(1).equals("total")) {
                finished += value;
            } else {
                inflight += value;
            }
        }
        return new Work(finished, inflight);
    }

    /**
     * Waits until the hub is quiet: no exchange on a message- or webhook-started route has finished for {@code stable}
     * and none is in flight (so the queues are drained and no retry waits). The polls tick on (every second), but
     * what they find goes through those routes. Returns when the hub was last seen working (System.nanoTime()).
     */
    long awaitQuiet(Duration stable, Duration atMost) {
        AtomicLong lastFinished = new AtomicLong(-1);
        AtomicLong lastChange = new AtomicLong(System.nanoTime());
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            process.checkAlive();
            Work work = work();
            long now = System.nanoTime();
            if (work.finished() != lastFinished.getAndSet(work.finished()) || work.inflight() > 0) {
                lastChange.set(now);
                return false;
            }
            return now - lastChange.get() >= stable.toNanos();
        });
        return lastChange.get();
    }

    Duration cpu() {
        return process.cpu();
    }

    long pid() {
        return process.pid();
    }

    void checkAlive() {
        process.checkAlive();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        process.stop();
    }
}
