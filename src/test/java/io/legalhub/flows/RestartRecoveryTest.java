package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.legalhub.LegalHubApplication;
import io.legalhub.sandbox.SandboxServer;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.support.SandboxOAuth;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 2: the hub stopped with messages still on its queues and started again delivers every one of
 * them, none twice. The broker journal and the database survive in ./target/test-data between the runs.
 * The hub under test has a sandbox of its own: the shared end-to-end hub (still running in this JVM)
 * polls the shared sandbox and would provision the same matters alongside it.
 */
class RestartRecoveryTest {

    private static final String SECRET = "restart-test-secret";
    private static SandboxServer systems;
    private final String dir = "./target/test-data/restart-" + UUID.randomUUID().toString().substring(0, 8);
    private SandboxClient sandbox;
    private ConfigurableApplicationContext hub;

    @BeforeAll
    static void startSandbox() {
        systems = SandboxServer.start(SandboxOAuth.register(SandboxSettings.builder().port(0).seed(true).webhookBackoff(Duration.ofMillis(200))).build());
    }

    @AfterAll
    static void stopSandbox() {
        systems.stop();
    }

    @BeforeEach
    void client() {
        sandbox = new SandboxClient(systems.port());
    }

    @AfterEach
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
        systems.clearFaults();
    }

    @Test
    void messagesQueuedWhenTheHubStopsAreAllDeliveredOnceAfterItRestarts() {
        hub = startHub();
        sandbox.faults("billing", "{\"outage\":true}");
        sandbox.faults("dms", "{\"latencyMs\":300}");
        long client = sandbox.createClient("Contoso Pharmaceuticals", "Company");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String number = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            numbers.add(number);
            sandbox.createMatter(number, "Contoso matter " + i, client, null);
        }
        JdbcClient firstRun = hub.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> numbers.stream().allMatch(n -> canonicalized(firstRun, n)));

        hub.close();
        hub = null;

        long inBilling = numbers.stream().filter(n -> !sandbox.billingMatters(n).isEmpty()).count();
        assertThat(inBilling).as("billing was down: its deliveries were still queued at shutdown").isZero();
        long inDms = numbers.stream().filter(n -> !sandbox.dmsWorkspaces(n).isEmpty()).count();
        assertThat(inDms).as("the DMS was slow: part of its deliveries were still queued at shutdown").isLessThan(20);

        systems.clearFaults();
        hub = startHub();

        await().atMost(Duration.ofSeconds(90)).until(() ->
                numbers.stream().allMatch(n -> sandbox.billingMatters(n).size() >= 1 && sandbox.dmsWorkspaces(n).size() >= 1));
        assertThat(numbers).allSatisfy(n -> {
            assertThat(sandbox.billingMatters(n)).as("billing matters numbered " + n).hasSize(1);
            assertThat(sandbox.dmsWorkspaces(n)).as("DMS workspaces for " + n).hasSize(1);
        });
        JdbcClient secondRun = hub.getBean(JdbcClient.class);
        assertThat(secondRun.sql("select count(*) from dead_letter where record_key in (:keys)").param("keys", numbers)
                .query(Long.class).single()).isZero();
    }

    private static boolean canonicalized(JdbcClient jdbc, String number) {
        return jdbc.sql("select count(*) from journal where record_key = :k and step = 'canonicalized'")
                .param("k", number).query(Long.class).single() > 0;
    }

    private ConfigurableApplicationContext startHub() {
        // command-line arguments outrank config/application.yaml
        List<String> args = new ArrayList<>(List.of(
                        "--server.port=0",
                        "--hub.sandbox.enabled=false",
                        "--hub.sandbox.port=" + systems.port(),
                        "--hub.productions.drop-dir=" + dir + "/drop",
                        "--hub.webhooks.check-interval-ms=1000",
                        "--hub.systems.conflicts.webhook-secret=" + SECRET,
                        "--hub.poll.conflict.interval-ms=2000",
                        "--spring.datasource.url=jdbc:h2:file:" + dir + "/hub;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "--spring.artemis.embedded.data-directory=" + dir + "/artemis",
                        // billing is down for the whole first run: its retries must outlast it, whatever the machine's speed
                        "--hub.retry.max-redeliveries=300",
                        "--hub.retry.initial-delay-ms=200",
                        "--hub.retry.max-delay-ms=1000",
                        "--hub.poll.matter.interval-ms=2000",
                        // this test is about matters; the invoice flows would pick up other tests' bills and invoices
                        "--hub.poll.invoice.enabled=false",
                        "--hub.poll.invoice-status.enabled=false",
                        "--hub.ledes.drop-dir=" + dir + "/drop/ledes",
                        "--camel.main.shutdown-timeout=5"));
        SandboxOAuth.hubProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LegalHubApplication.class).run(args.toArray(String[]::new));
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        systems.setWebhookTarget(SandboxSystem.CONFLICTS, "http://127.0.0.1:" + port + "/webhooks/conflicts", SECRET);
        return context;
    }
}
