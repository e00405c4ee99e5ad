package io.legalhub.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.legalhub.support.SandboxClient;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast a fresh hub brings the systems in step: the initial sync of the sandbox's seeded matters, then
 * a bulk of new matters (-Dbench.matters, default 2000) through the whole flow (poll, canonicalize,
 * conflict search, clearance written back, provisioning in billing, DMS and e-discovery).
 * Run: mvn -Pbenchmark verify -Dbench=InitialSyncBenchmark
 */
class InitialSyncBenchmark {

    @Test
    void initialSyncThroughput() {
        int bulk = Integer.getInteger("bench.matters", 2000);
        long started = System.nanoTime();
        try (BenchmarkHub bench = BenchmarkHub.start(true)) {
            Instant ready = Instant.now();
            double startup = (System.nanoTime() - started) / 1e9;
            JdbcClient jdbc = bench.hub.getBean(JdbcClient.class);
            ActiveMQServer broker = bench.hub.getBean(EmbeddedActiveMQ.class).getActiveMQServer();

            awaitQuiet(jdbc, broker);
            Phase seeded = phase(jdbc, ready, "%");

            SandboxClient sandbox = new SandboxClient(bench.sandbox.port());
            Instant bulkStart = Instant.now();
            sandbox.ok("POST", "/matter-management/_control/matters/generate", "{\"count\":" + bulk + ",\"prefix\":\"BULK\",\"webhooks\":false}");
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> count(jdbc, "billing", "BULK%") >= bulk && count(jdbc, "dms", "BULK%") >= bulk);
            awaitQuiet(jdbc, broker);
            Phase generated = phase(jdbc, bulkStart, "BULK%");

            BenchmarkHub.report("initial-sync", String.format(Locale.ROOT, """
                    hub start-up: %.1f s
                    seeded matters: %d provisioned (billing and DMS) in %.1f s = %.1f matters/s; %d deliveries to all five systems = %.1f deliveries/s
                    bulk matters:   %d provisioned (billing and DMS) in %.1f s = %.1f matters/s; %d deliveries to all five systems = %.1f deliveries/s
                    dead letters: %d""",
                    startup, seeded.matters, seeded.seconds, seeded.matters / seeded.seconds, seeded.deliveries,
                    seeded.deliveries / seeded.seconds, generated.matters, generated.seconds, generated.matters / generated.seconds,
                    generated.deliveries, generated.deliveries / generated.seconds,
                    jdbc.sql("select count(*) from dead_letter").query(Long.class).single()));
        }
    }

    private record Phase(long matters, long deliveries, double seconds) {
    }

    /** From the start to the last delivery of the phase. */
    private static Phase phase(JdbcClient jdbc, Instant start, String keys) {
        long matters = count(jdbc, "billing", keys);
        long deliveries = jdbc.sql("select count(*) from journal where step = 'delivered' and record_key like :k and occurred_at >= :s")
                .param("k", keys).param("s", start.atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single();
        OffsetDateTime last = jdbc.sql("select max(occurred_at) from journal where step = 'delivered' and record_key like :k")
                .param("k", keys).query(OffsetDateTime.class).single();
        return new Phase(matters, deliveries, Duration.between(start, last.toInstant()).toMillis() / 1000.0);
    }

    /** No message waiting on any hub queue, and no new delivery for three seconds. */
    private static void awaitQuiet(JdbcClient jdbc, ActiveMQServer broker) {
        AtomicLong lastCount = new AtomicLong(-1);
        AtomicLong stableSince = new AtomicLong(System.nanoTime());
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long now = jdbc.sql("select count(*) from journal").query(Long.class).single();
            if (now != lastCount.getAndSet(now) || depth(broker) > 0) {
                stableSince.set(System.nanoTime());
                return false;
            }
            return System.nanoTime() - stableSince.get() > 3_000_000_000L;
        });
    }

    private static long depth(ActiveMQServer broker) {
        long depth = 0;
        for (SimpleString address : broker.getPostOffice().getAddresses()) {
            if (address.toString().startsWith("hub.")) {
                Queue queue = broker.locateQueue(address);
                depth += queue == null ? 0 : queue.getMessageCount();
            }
        }
        return depth;
    }

    private static long count(JdbcClient jdbc, String target, String keys) {
        return jdbc.sql("select count(*) from delivery_state where entity_type = 'matter' and target = :t and hub_key like :k")
                .param("t", target).param("k", keys).query(Long.class).single();
    }
}
