package io.legalhub.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.legalhub.messaging.Envelope;
import io.legalhub.sandbox.SandboxServer;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.support.SandboxClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ProcessorEndpoint;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The poll route as shipped (routes/poll-source.yaml with routes/error-handling.yaml) against the sandbox's
 * matter management, with a broker that refuses one send in the middle of a page, as when the broker stops.
 * The page's position must not be saved past a record that is not on the broker: the next pass queues it.
 * (BrokerRestartIT lost the record a failed send was carrying: the split went on and the page was saved.)
 */
class PollSendFailureTest {

    private static final int MATTERS = 7;
    /** The send the broker refuses: the second record of the second page (pages of 3). */
    private static final int FAILING_SEND = 4;

    private SandboxServer server;
    private CamelContext camel;
    private final Map<String, String> checkpoints = new ConcurrentHashMap<>();
    /** Source ids of the records that reached the broker, in order. */
    private final List<String> queued = new CopyOnWriteArrayList<>();
    private final AtomicInteger sends = new AtomicInteger();

    @BeforeEach
    void start() {
        server = SandboxServer.start(SandboxSettings.builder().port(0).seed(false).build());
        camel = new DefaultCamelContext();
    }

    @AfterEach
    void stop() {
        camel.stop();
        server.stop();
    }

    @Test
    void aRecordWhoseSendFailedMidPageIsQueuedByTheNextPass() throws Exception {
        SandboxClient clio = new SandboxClient(server.port());
        long client = clio.createClient("Broker Outage LLP", "Company");
        Set<String> ids = new TreeSet<>();
        IntStream.rangeClosed(1, MATTERS).forEach(n ->
                ids.add(clio.createMatter("OUT-%04d".formatted(n), "Matter " + n, client, null).get("id").asText()));

        startPollRoute();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Set.copyOf(queued)).as("every matter reached the broker").containsAll(ids));
        await().atMost(Duration.ofSeconds(20)).until(() -> checkpoints.getOrDefault("matter-management/matter", "")
                .contains("updatedSince"));
        assertThat(sends.get()).as("the refused send happened").isGreaterThanOrEqualTo(FAILING_SEND);
    }

    private void startPollRoute() throws Exception {
        camel.getPropertiesComponent().setInitialProperties(retryProperties());
        camel.addComponent("jms", new BrokerStandIn());
        camel.getRegistry().bind("incrementalPoller", poller());
        var loader = PluginHelper.getRoutesLoader(camel);
        loader.loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/error-handling.yaml"));
        loader.loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/poll-source.yaml"));
        camel.start();
        TemplatedRouteBuilder.builder(camel, "poll-source")
                .routeId("matter-poll")
                .parameter("system", "matter-management")
                .parameter("entity", "matter")
                .parameter("path", "/api/v4/matters.json?fields=id,etag,display_number,updated_at")
                .parameter("intervalMs", "300")
                .parameter("pageSize", "3")
                .parameter("enabled", "true")
                .add();
    }

    /** A broker that takes every message but one (the {@link #FAILING_SEND}th), which it refuses once. */
    private final class BrokerStandIn extends DefaultComponent {
        @Override
        protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
            Endpoint endpoint = new ProcessorEndpoint(uri, this, exchange -> {
                if (sends.incrementAndGet() == FAILING_SEND) {
                    throw new IllegalStateException("AMQ219019: Session is closed");
                }
                queued.add(exchange.getIn().getHeader(Envelope.SOURCE_ID, String.class));
            });
            setProperties(endpoint, parameters);
            return endpoint;
        }
    }

    private static java.util.Properties retryProperties() {
        java.util.Properties properties = new java.util.Properties();
        Map.of("hub.retry.max-redeliveries", "1", "hub.retry.initial-delay-ms", "10", "hub.retry.multiplier", "2",
                "hub.retry.max-delay-ms", "10", "hub.retry.unknown-reference.max-redeliveries", "1",
                "hub.retry.unknown-reference.initial-delay-ms", "10").forEach(properties::setProperty);
        return properties;
    }

    private IncrementalPoller poller() {
        return SandboxPoller.of(server, SandboxSystem.MATTER_MANAGEMENT, "matter-management", checkpoints);
    }
}
