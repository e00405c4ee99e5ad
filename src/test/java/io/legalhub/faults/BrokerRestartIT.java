package io.legalhub.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 5: the external broker is stopped in the middle of a sync and started again. The hub (not restarted)
 * reports itself not ready while the broker is away, reconnects by itself, and every matter reaches billing and
 * the DMS exactly once.
 */
class BrokerRestartIT extends FaultTest {

    private static final int RECORDS = 3_000;

    @Test
    void theHubReconnectsByItselfAndNothingIsLostOrDuplicated() throws Exception {
        HubProcess hub = hub("hub-1").start().awaitReady(Duration.ofMinutes(2));
        List<String> numbers = generateMatters(RECORDS, "BRKR");
        report.put("records sent", RECORDS);
        await().atMost(Duration.ofMinutes(3)).until(() -> census.total("billing") >= RECORDS / 5);
        report.put("billing records when the broker stopped", census.total("billing"));

        Instant stopped = Instant.now();
        ExternalParts.stopBroker();
        Instant restarted;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> hub.readiness() == 503);
            report.put("seconds until readiness said DOWN", Duration.between(stopped, Instant.now()).toSeconds());
        } finally {
            // whatever happened, the broker comes back: the other tests need it
            ExternalParts.startBroker();
            restarted = Instant.now();
        }
        report.put("seconds the broker was away", Duration.between(stopped, restarted).toSeconds());
        await().atMost(Duration.ofMinutes(2)).until(() -> hub.readiness() == 200);
        report.put("seconds until ready again after the broker came back", Duration.between(restarted, Instant.now()).toSeconds());

        awaitSettled(RECORDS, Duration.ofMinutes(8), "billing", "dms");

        long deadLetters = deadLetters("");
        report.put("dead-lettered", deadLetters).put("broker DLQ", ExternalParts.brokerDeadLetters()).put("hub restarted", !hub.isAlive());
        assertThat(hub.isAlive()).as("the same hub process carried on").isTrue();
        assertEveryMatterOnceInBillingAndDms(numbers);
        assertThat(deadLetters).as("dead letters").isZero();
    }
}
