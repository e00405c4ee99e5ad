package io.legalhub.faults;

import io.legalhub.support.SandboxOAuth;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * One hub instance as a separate process: the packaged jar, in production mode (external Artemis, PostgreSQL,
 * no sandbox, system URLs and secrets from the environment), the way it is deployed. Its output goes to
 * target/fault-reports/&lt;test&gt;/&lt;instance&gt;.log.
 */
final class HubProcess implements AutoCloseable {

    static final String WEBHOOK_SECRET = "fault-test-webhook-secret";
    static final String OPERATOR_PASSWORD = "fault-test-operator";
    private static final String OPERATOR_HASH = "{bcrypt}" + new BCryptPasswordEncoder().encode(OPERATOR_PASSWORD);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path log;
    private final int port;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private Process process;
    private int starts;

    /**
     * @param database    the PostgreSQL JDBC URL the instance uses
     * @param sandboxPort where the (test's) sandbox systems listen
     * @param overrides   further settings as command-line arguments ({@code --key=value}), e.g. fewer flows
     */
    HubProcess(String test, String name, String database, int sandboxPort, List<String> overrides) throws IOException {
        this.name = name;
        this.port = freePort();
        Path dir = FaultReport.dir().resolve(test);
        Files.createDirectories(dir);
        this.log = dir.resolve(name + ".log");
        String sandbox = "http://127.0.0.1:" + sandboxPort;
        environment.put("SPRING_PROFILES_ACTIVE", "production");
        environment.put("HUB_PORT", String.valueOf(port));
        // reconnect for ever: a broker restart must not need a hub restart
        environment.put("HUB_ARTEMIS_URL", ExternalParts.ARTEMIS_URL
                + "?reconnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=2&maxRetryInterval=5000");
        environment.put("HUB_ARTEMIS_USER", ExternalParts.ARTEMIS_USER);
        environment.put("HUB_ARTEMIS_PASSWORD", ExternalParts.ARTEMIS_PASSWORD);
        environment.put("HUB_DATABASE_URL", database);
        environment.put("HUB_DATABASE_USER", ExternalParts.POSTGRES_USER);
        environment.put("HUB_DATABASE_PASSWORD", ExternalParts.POSTGRES_PASSWORD);
        environment.put("HUB_OPERATOR_PASSWORD_HASH", OPERATOR_HASH);
        environment.put("HUB_VIEWER_PASSWORD_HASH", OPERATOR_HASH);
        environment.put("MATTER_MANAGEMENT_BASE_URL", sandbox + "/matter-management");
        environment.put("BILLING_BASE_URL", sandbox + "/billing");
        environment.put("DMS_BASE_URL", sandbox + "/dms");
        environment.put("EDISCOVERY_BASE_URL", sandbox + "/ediscovery");
        environment.put("EBILLING_BASE_URL", sandbox + "/ebilling");
        environment.put("CONFLICTS_BASE_URL", sandbox + "/conflicts");
        environment.putAll(SandboxOAuth.hubEnvironment());
        environment.put("CONFLICTS_WEBHOOK_SECRET", WEBHOOK_SECRET);
        // where matter management (Clio) sends the webhooks of the hub's subscriptions: this instance, unless a
        // test puts a balancer in front (publicUrl)
        environment.put("HUB_PUBLIC_URL", "http://127.0.0.1:" + port);
        arguments.add("--hub.ledes.drop-dir=" + dir.resolve(name + "-drop/ledes").toAbsolutePath());
        arguments.add("--hub.productions.drop-dir=" + dir.resolve(name + "-drop/productions").toAbsolutePath());
        arguments.addAll(overrides);
    }

    /** The matter flow alone (matter management → billing and the DMS), polled every two seconds. */
    static List<String> matterFlowOnly() {
        return List.of(
                "--hub.flows.matter.targets=billing,dms",
                "--hub.conflicts.gate.enabled=false",
                "--hub.poll.matter.interval-ms=2000",
                "--hub.poll.matter.page-size=200",
                "--hub.webhooks.check-interval-ms=1000",
                "--hub.poll.conflict.enabled=false",
                "--hub.poll.document.enabled=false",
                "--hub.poll.invoice.enabled=false",
                "--hub.poll.invoice-status.enabled=false",
                "--hub.reconciliation.enabled=false",
                "--hub.productions.enabled=false");
    }

    /** The URL systems reach this instance's webhooks at (e.g. a load balancer in front of several instances). */
    HubProcess publicUrl(String url) {
        environment.put("HUB_PUBLIC_URL", url);
        return this;
    }

    HubProcess start() throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", "-jar", jar().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(projectDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Files.writeString(log, "%n===== start %d of %s at %s =====%n".formatted(++starts, name, Instant.now()),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
        Process started = process;
        // an instance never outlives the test run, even one that is stopped half-way
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        return this;
    }

    /** Waits until readiness says UP (broker, database and routes); fails early if the process dies. */
    HubProcess awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see " + log);
            }
            if (readiness() == 200) {
                return this;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** HTTP status of /actuator/health/readiness: 200 when ready, 503 when not, -1 when nothing answers. */
    int readiness() {
        return status("/actuator/health/readiness");
    }

    /** HTTP status of /actuator/health/liveness. */
    int liveness() {
        return status("/actuator/health/liveness");
    }

    private int status(String path) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Hard kill (SIGKILL): no shutdown hook, no graceful stop, in-flight work simply vanishes. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Graceful stop (SIGTERM), then a hard kill if it takes too long. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill9();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    static Path projectDir() {
        return Paths.get("").toAbsolutePath();
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(projectDir().resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("legal-hub-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/legal-hub-*.jar: the fault tests run after 'mvn package'"));
        }
    }

    private static String javaBinary() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
