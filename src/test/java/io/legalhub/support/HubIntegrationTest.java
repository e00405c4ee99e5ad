package io.legalhub.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.contract.ContractRecorder;
import io.legalhub.sandbox.SandboxSystem;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the whole hub (embedded Artemis, H2 file database, real routes and
 * mappings) on a random port, talking real HTTP to the sandbox. All subclasses share one hub.
 *
 * <p>What the hub sends the sandbox during a test class is recorded and checked against the vendors' API specs
 * afterwards (see {@link ContractRecorder}; report in {@code target/contract-reports/<class>.txt}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HubIntegrationTest {

    public static final String CONFLICTS_SECRET = "test-conflicts-secret";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Where the end-to-end tests drop productions: {@code <this>/<matter number>/<name>.dat|.opt}. */
    protected static final Path PRODUCTION_DROP = Path.of("target/test-data", RUN, "drop", "productions");
    /** How long a lone DAT or OPT waits for its partner in the tests. */
    protected static final Duration ORPHAN_WAIT = Duration.ofSeconds(3);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected final SandboxClient sandbox = new SandboxClient(TestSandbox.get().port());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void hubUnderTest(DynamicPropertyRegistry registry) {
        String dir = "./target/test-data/" + RUN;
        registry.add("hub.sandbox.enabled", () -> "false");
        registry.add("hub.sandbox.port", () -> TestSandbox.get().port());
        // Clio's webhooks come through the hub's own subscription, checked every second here
        registry.add("hub.webhooks.check-interval-ms", () -> "1000");
        registry.add("hub.systems.conflicts.webhook-secret", () -> CONFLICTS_SECRET);
        SandboxOAuth.hubProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("hub.poll.conflict.interval-ms", () -> "2000");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir + "/hub;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("spring.artemis.embedded.data-directory", () -> dir + "/artemis");
        registry.add("hub.retry.max-redeliveries", () -> "6");
        registry.add("hub.retry.initial-delay-ms", () -> "200");
        registry.add("hub.retry.max-delay-ms", () -> "2000");
        registry.add("hub.poll.matter.interval-ms", () -> "2000");
        registry.add("hub.poll.document.interval-ms", () -> "2000");
        registry.add("hub.productions.drop-dir", PRODUCTION_DROP::toString);
        registry.add("hub.productions.scan-interval-ms", () -> "500");
        registry.add("hub.productions.settle-ms", () -> "300");
        registry.add("hub.productions.orphan-after-ms", () -> Long.toString(ORPHAN_WAIT.toMillis()));
        registry.add("hub.poll.invoice.interval-ms", () -> "2000");
        registry.add("hub.retry.unknown-reference.max-redeliveries", () -> "2");
        registry.add("hub.retry.unknown-reference.initial-delay-ms", () -> "200");
        registry.add("hub.poll.invoice-status.interval-ms", () -> "2000");
        registry.add("hub.ledes.drop-dir", () -> ledesDropDir().toString());
        registry.add("hub.ledes.drop-interval-ms", () -> "300");
        registry.add("camel.main.shutdown-timeout", () -> "5");
        // the reconciliation schedule is on, but fires only when a test triggers it
        registry.add("hub.reconciliation.cron", () -> "0 0 3 1 1 ? 2099");
    }

    @Autowired
    protected EmbeddedActiveMQ broker;

    /** The exchanges of the current test class (test classes run one after another). */
    private static ContractRecorder contractRecorder;

    @BeforeAll
    static void recordTheHubsExchangesWithTheSandbox() {
        contractRecorder = ContractRecorder.tapping(TestSandbox.get());
    }

    /** Fails the class when an exchange of a system in ContractCoverage.ENFORCED_SYSTEMS breaks the vendor's spec. */
    @AfterAll
    static void checkTheRecordedExchangesAgainstTheVendorSpecs(TestInfo testClass) {
        ContractRecorder recorder = contractRecorder;
        contractRecorder = null;
        recorder.finish(testClass.getTestClass().map(Class::getSimpleName).orElse("HubIntegrationTest"));
    }

    /** The LEDES drop folder of the hub under test (hub.ledes.drop-dir). */
    protected static Path ledesDropDir() {
        return Path.of("./target/test-data/" + RUN + "/drop/ledes");
    }

    @BeforeEach
    void pointSandboxWebhooksAtThisHubAndLetItSettle() {
        TestSandbox.get().setWebhookTarget(SandboxSystem.CONFLICTS,
                "http://127.0.0.1:" + port + "/webhooks/conflicts", CONFLICTS_SECRET);
        TestSandbox.clearAllFaults();
        awaitWebhookSubscriptions();
        awaitQueuesDrained();
    }

    /** Waits until the hub's webhook subscriptions (Clio's matter webhooks) are in force. */
    protected void awaitWebhookSubscriptions() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select count(*) from webhook_subscription where status = 'active' and url like :url")
                        .param("url", "http://127.0.0.1:" + port + "/%").query(Long.class).single() > 0);
    }

    /** Waits until no hub queue holds a message (e.g. the initial sync of the seeded matters is over). */
    protected void awaitQueuesDrained() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> hubQueueDepth() == 0);
    }

    protected long hubQueueDepth() {
        long depth = 0;
        for (String name : broker.getActiveMQServer().getPostOffice().getAddresses().stream()
                .map(a -> a.toString()).filter(a -> a.startsWith("hub.")).toList()) {
            org.apache.activemq.artemis.core.server.Queue queue = broker.getActiveMQServer().locateQueue(SimpleString.of(name));
            if (queue != null) {
                depth += queue.getMessageCount();
            }
        }
        return depth;
    }

    @AfterEach
    void clearFaults() {
        TestSandbox.clearAllFaults();
    }

    /** A matter number no other test uses. */
    protected static String newMatterNumber() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** One page of GET /api/dead-letters?{query} as a viewer sees it. */
    protected JsonNode deadLetterPage(String query) {
        HttpResponse<String> answer = api("GET", "/api/dead-letters?" + query, null, "viewer");
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET /api/dead-letters?" + query + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return json(answer.body());
    }

    /** GET /api/dead-letters/{id}: payload, error, history. */
    protected JsonNode deadLetter(long id) {
        return json(api("GET", "/api/dead-letters/" + id, null, "viewer").body());
    }

    /** How often a record's trail shows a step (optionally at one system). */
    protected long trailSteps(String entity, String key, String step, String system) {
        return jdbc.sql("select count(*) from journal where entity_type = :e and record_key = :k and step = :s"
                        + (system == null ? "" : " and system_name = :sys"))
                .param("e", entity).param("k", key).param("s", step).param("sys", system)
                .query(Long.class).single();
    }

    private static JsonNode json(String text) {
        try {
            return SandboxClient.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    protected HttpResponse<String> api(String method, String path, String body, String user) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (user != null) {
                request.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hub's subscription to matter management's matter webhooks, as the database holds it. */
    protected record Subscribed(String ref, String secret, long webhookId) {
    }

    protected Subscribed matterSubscription() {
        return jdbc.sql("select ref, secret, vendor_id from webhook_subscription where system_name = 'matter-management' "
                        + "and model = 'matter' and status = 'active' and url like :url order by id desc")
                .param("url", "http://127.0.0.1:" + port + "/%")
                .query((rs, n) -> new Subscribed(rs.getString(1), rs.getString(2), Long.parseLong(rs.getString(3))))
                .list().get(0);
    }

    /** Posts a Clio webhook body through the hub's matter subscription, signed as Clio signs it (unless a signature is given). */
    protected HttpResponse<String> postClioWebhook(String body, String signature) {
        Subscribed subscription = matterSubscription();
        return postWebhook("matter-management/" + subscription.ref(), body,
                signature != null ? signature : io.legalhub.ingress.WebhookSignature.sign(subscription.secret(),
                        body.getBytes(StandardCharsets.UTF_8)), "application/json");
    }

    protected HttpResponse<String> postWebhook(String system, String body, String signature, String contentType) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/" + system))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (signature != null) {
                request.header("X-Hook-Signature", signature);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
