package io.legalhub.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.junit.jupiter.api.Assumptions;

/**
 * The real parts the fault tests run against: an external Artemis broker and the local PostgreSQL, as
 * {@code .ci/run} provides them (environment variables HUB_IT_*; see {@code .ci/artemis.sh env}). Without
 * them the fault tests are skipped, unless HUB_IT_REQUIRED=true (as in CI), where that is a failure.
 */
final class ExternalParts {

    static final String ARTEMIS_URL = env("HUB_IT_ARTEMIS_URL", null);
    static final String ARTEMIS_USER = env("HUB_IT_ARTEMIS_USER", null);
    static final String ARTEMIS_PASSWORD = env("HUB_IT_ARTEMIS_PASSWORD", null);
    /** The script that stops and starts the broker ({@code .ci/artemis.sh}). */
    static final String ARTEMIS_CTL = env("HUB_IT_ARTEMIS_CTL", null);
    static final String POSTGRES_HOST = env("HUB_IT_POSTGRES_HOST", "127.0.0.1");
    static final int POSTGRES_PORT = Integer.parseInt(env("HUB_IT_POSTGRES_PORT", "5432"));
    static final String POSTGRES_USER = env("HUB_IT_POSTGRES_USER", "postgres");
    static final String POSTGRES_PASSWORD = env("HUB_IT_POSTGRES_PASSWORD", "");

    /** Queues the broker itself dead-letters and expires into. */
    private static final List<String> BROKER_QUEUES = List.of("DLQ", "ExpiryQueue");

    private ExternalParts() {
    }

    static void assumeAvailable() {
        boolean configured = ARTEMIS_URL != null && ARTEMIS_USER != null && ARTEMIS_PASSWORD != null;
        if (!configured && Boolean.parseBoolean(env("HUB_IT_REQUIRED", "false"))) {
            throw new IllegalStateException("HUB_IT_REQUIRED is set but HUB_IT_ARTEMIS_URL/USER/PASSWORD are not");
        }
        Assumptions.assumeTrue(configured, "no external Artemis (HUB_IT_ARTEMIS_URL): run the fault tests through .ci/run");
    }

    static String jdbcUrl(String database) {
        return jdbcUrl(POSTGRES_HOST, POSTGRES_PORT, database);
    }

    static String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** An empty database of the given name (dropped first if a previous run left it). */
    static String freshDatabase(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), POSTGRES_USER, POSTGRES_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
        return jdbcUrl(database);
    }

    static Connection database(String database) throws Exception {
        return DriverManager.getConnection(jdbcUrl(database), POSTGRES_USER, POSTGRES_PASSWORD);
    }

    static long count(String database, String sql) throws Exception {
        try (Connection c = database(database); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Empties the hub's queues and the broker's own dead-letter queues, so each test starts from nothing. */
    static void purgeHubQueues() throws Exception {
        withManagement(m -> {
            for (String queue : m.queueNames()) {
                if (queue.startsWith("hub.") || BROKER_QUEUES.contains(queue)) {
                    m.invoke(ResourceNames.QUEUE + queue, "removeAllMessages");
                }
            }
            return null;
        });
    }

    /** Messages waiting on the hub's queues (hub.*), in delivery or not. */
    static long hubMessagesWaiting() throws Exception {
        return withManagement(m -> {
            long waiting = 0;
            for (String queue : m.queueNames()) {
                if (queue.startsWith("hub.")) {
                    waiting += ((Number) m.invoke(ResourceNames.QUEUE + queue, "getMessageCount")).longValue();
                }
            }
            return waiting;
        });
    }

    /** Each hub queue holding or delivering messages: "queue=messages/delivering/consumers". */
    static String hubQueueStates() throws Exception {
        return withManagement(m -> {
            StringBuilder states = new StringBuilder();
            for (String queue : m.queueNames()) {
                if (!queue.startsWith("hub.")) {
                    continue;
                }
                long messages = ((Number) m.invoke(ResourceNames.QUEUE + queue, "getMessageCount")).longValue();
                long delivering = ((Number) m.invoke(ResourceNames.QUEUE + queue, "getDeliveringCount")).longValue();
                if (messages > 0 || delivering > 0) {
                    Object consumers = m.invoke(ResourceNames.QUEUE + queue, "getConsumerCount");
                    states.append(states.isEmpty() ? "" : ", ").append(queue).append('=')
                            .append(messages).append('/').append(delivering).append('/').append(consumers);
                }
            }
            return states.isEmpty() ? "none" : states.toString();
        });
    }

    /** Messages on the broker's own dead-letter queue (over their max delivery attempts, not yet drained). */
    static long brokerDeadLetters() throws Exception {
        return withManagement(m -> m.queueNames().contains("DLQ")
                ? ((Number) m.invoke(ResourceNames.QUEUE + "DLQ", "getMessageCount")).longValue()
                : 0L);
    }

    /** Asks the broker to move every message of a queue to its dead-letter address, as it does past max deliveries. */
    static void sendToDeadLetterAddress(String queue) throws Exception {
        withManagement(m -> m.invoke(ResourceNames.QUEUE + queue, "sendMessagesToDeadLetterAddress", (Object) null));
    }

    static void stopBroker() throws Exception {
        brokerCtl("stop");
    }

    static void startBroker() throws Exception {
        brokerCtl("start");
    }

    private static void brokerCtl(String action) throws Exception {
        if (ARTEMIS_CTL == null) {
            throw new IllegalStateException("HUB_IT_ARTEMIS_CTL (the script that stops and starts the broker) is not set");
        }
        Path log = FaultReport.dir().resolve("artemis-ctl.log");
        Process p = new ProcessBuilder("bash", ARTEMIS_CTL, action)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!p.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("broker " + action + " failed; see " + log);
        }
    }

    private interface ManagementCall<T> {
        T call(Management m) throws Exception;
    }

    private record Management(ClientSession session, ClientRequestor requestor) {
        Object invoke(String resource, String operation, Object... args) throws Exception {
            ClientMessage request = session.createMessage(false);
            ManagementHelper.putOperationInvocation(request, resource, operation, args);
            ClientMessage reply = requestor.request(request, 10_000);
            if (reply == null) {
                throw new IllegalStateException("no answer from the broker to " + resource + "." + operation);
            }
            if (!ManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException(resource + "." + operation + " failed: " + ManagementHelper.getResult(reply));
            }
            return ManagementHelper.getResult(reply);
        }

        List<String> queueNames() throws Exception {
            List<String> names = new ArrayList<>();
            for (Object name : (Object[]) invoke(ResourceNames.BROKER, "getQueueNames")) {
                names.add(String.valueOf(name));
            }
            return names;
        }
    }

    private static <T> T withManagement(ManagementCall<T> call) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(ARTEMIS_URL);
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession(ARTEMIS_USER, ARTEMIS_PASSWORD, false, true, true, false, 1);
             ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
            session.start();
            return call.call(new Management(session, requestor));
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
