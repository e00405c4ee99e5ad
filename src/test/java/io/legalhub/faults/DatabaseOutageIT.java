package io.legalhub.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: the database goes away for 30 seconds while matters keep arriving by webhook. Readiness says DOWN
 * meanwhile; a webhook the hub could not record is refused (so its sender retries), never acknowledged; when the
 * database is back the hub carries on by itself and every matter reaches billing and the DMS exactly once.
 */
class DatabaseOutageIT extends FaultTest {

    private static final int OUTAGE_SECONDS = 30;

    @Override
    protected SandboxSettings.Builder sandboxSettings() {
        // matter management retries a refused webhook for about a minute, as real systems do
        return super.sandboxSettings().webhookAttempts(7).webhookBackoff(Duration.ofSeconds(1));
    }

    @Test
    void readinessSaysDownNothingUnrecordedIsAcknowledgedAndWorkResumesByItself() throws Exception {
        try (TcpProxy line = new TcpProxy(ExternalParts.POSTGRES_HOST, ExternalParts.POSTGRES_PORT)) {
            HubProcess hub = hubOn(ExternalParts.jdbcUrl("127.0.0.1", line.port(), database), "hub-1").start()
                    .awaitReady(Duration.ofMinutes(2));
            awaitSubscribedAt(hub.url("/webhooks/matter-management/"));
            long client = sandbox.createClient("Outage Partners", "Company");

            // matters keep arriving, one every 200 ms, before, during and after the outage
            List<String> numbers = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean arriving = new AtomicBoolean(true);
            Thread intake = new Thread(() -> {
                for (int i = 1; arriving.get(); i++) {
                    String number = "DBO-" + String.format("%05d", i);
                    sandbox.createMatter(number, "Outage matter " + i, client, null);
                    numbers.add(number);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "matter-intake");
            intake.start();
            await().atMost(Duration.ofMinutes(1)).until(() -> census.total("billing") >= 20);

            line.cut();
            Instant cut = Instant.now();
            await().atMost(Duration.ofSeconds(25)).until(() -> hub.readiness() == 503);
            report.put("seconds until readiness said DOWN", Duration.between(cut, Instant.now()).toSeconds());
            // the outage lasts its full time, whatever the hub does meanwhile
            Thread.sleep(Math.max(0, Duration.ofSeconds(OUTAGE_SECONDS).minus(Duration.between(cut, Instant.now())).toMillis()));
            assertThat(hub.readiness()).as("readiness at the end of the outage").isEqualTo(503);
            line.restore();
            Instant restored = Instant.now();
            await().atMost(Duration.ofMinutes(1)).until(() -> hub.readiness() == 200);
            report.put("seconds until ready again", Duration.between(restored, Instant.now()).toSeconds());
            arriving.set(false);
            intake.join();

            awaitSettled(numbers.size(), Duration.ofMinutes(5), "billing", "dms");

            List<JsonNode> deliveries = SandboxClient.list(
                    sandbox.ok("GET", "/matter-management/_control/webhooks/deliveries?limit=100000", null).path("deliveries"));
            long refused = deliveries.stream().filter(d -> d.path("attempts").asInt() > 1).count();
            long failed = deliveries.stream().filter(d -> "failed".equals(d.path("status").asText())).count();
            long deadLetters = deadLetters("");
            report.put("records sent", numbers.size()).put("DB outage seconds", OUTAGE_SECONDS)
                    .put("webhooks refused at least once (sender retried)", refused)
                    .put("webhooks given up by the sender (the poll took them)", failed)
                    .put("dead-lettered", deadLetters);
            assertThat(hub.isAlive()).as("the same hub process carried on").isTrue();
            assertThat(refused).as("webhooks refused while the database was away").isPositive();
            assertEveryMatterOnceInBillingAndDms(numbers);
            assertThat(deadLetters).as("dead letters").isZero();
        }
    }
}
