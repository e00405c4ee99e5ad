package io.legalhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.legalhub.LegalHubApplication;
import io.legalhub.sandbox.SandboxServer;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.support.SandboxOAuth;
import io.legalhub.sandbox.SandboxSystem;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A fresh sandbox and a fresh hub (own database and broker journal) for one benchmark run. */
final class BenchmarkHub implements AutoCloseable {

    static final String SECRET = "benchmark-secret";

    final SandboxServer sandbox;
    final ConfigurableApplicationContext hub;
    final int port;

    private BenchmarkHub(SandboxServer sandbox, ConfigurableApplicationContext hub) {
        this.sandbox = sandbox;
        this.hub = hub;
        this.port = ((ServletWebServerApplicationContext) hub).getWebServer().getPort();
    }

    static BenchmarkHub start(boolean seed, String... extraArgs) {
        SandboxServer sandbox = SandboxServer.start(SandboxOAuth.register(SandboxSettings.builder().port(0).seed(seed).threads(64)).build());
        String dir = "./target/bench-data/" + UUID.randomUUID().toString().substring(0, 8);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--hub.sandbox.enabled=false",
                "--hub.sandbox.port=" + sandbox.port(),
                "--hub.webhooks.check-interval-ms=1000",
                "--hub.systems.conflicts.webhook-secret=" + SECRET,
                "--spring.datasource.url=jdbc:h2:file:" + dir + "/hub;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128",
                "--spring.artemis.embedded.data-directory=" + dir + "/artemis",
                "--hub.poll.matter.interval-ms=1000",
                "--hub.poll.conflict.interval-ms=1000",
                "--hub.poll.matter.page-size=200",
                "--hub.poll.conflict.page-size=200",
                "--logging.level.io.legalhub=WARN"));
        SandboxOAuth.hubProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(extraArgs));
        ConfigurableApplicationContext hub = new SpringApplicationBuilder(LegalHubApplication.class).run(args.toArray(String[]::new));
        BenchmarkHub bench = new BenchmarkHub(sandbox, hub);
        // matter management's webhooks come through the subscription the hub makes itself
        sandbox.setWebhookTarget(SandboxSystem.CONFLICTS, "http://127.0.0.1:" + bench.port + "/webhooks/conflicts", SECRET);
        return bench;
    }

    static void report(String name, String text) {
        System.out.println();
        System.out.println("=== " + name + " ===");
        System.out.println(text);
        try {
            Path out = Path.of("target/benchmarks");
            Files.createDirectories(out);
            Files.writeString(out.resolve(name + ".txt"), text + System.lineSeparator());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        hub.close();
        sandbox.stop();
    }
}
