package io.legalhub.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 5: the DMS is down for 60 seconds in the middle of a sync. Billing carries on meanwhile; the DMS backlog
 * drains once it is back, with no dead letter for the transient errors (the retry budget outlasts the outage),
 * and every matter is in both systems once. The hub keeps its production retry settings.
 */
class TargetOutageIT extends FaultTest {

    private static final int RECORDS = 1_000;
    private static final int OUTAGE_SECONDS = 60;

    @Test
    void theDownTargetsBacklogDrainsAfterwardsWithoutDeadLettersAndTheOtherTargetIsUnaffected() throws Exception {
        HubProcess hub = hub("hub-1").start().awaitReady(Duration.ofMinutes(2));
        List<String> numbers = generateMatters(RECORDS, "OUTG");
        report.put("records sent", RECORDS).put("DMS outage seconds", OUTAGE_SECONDS);
        await().atMost(Duration.ofMinutes(2)).until(() -> census.total("dms") >= 100);

        sandbox.faults("dms", "{\"outageSeconds\":" + OUTAGE_SECONDS + "}");
        Instant outage = Instant.now();
        long dmsAtStart = census.total("dms");
        long billingAtStart = census.total("billing");
        report.put("dms records when it went down", dmsAtStart).put("billing records when the DMS went down", billingAtStart);

        // billing is not held up: it takes the whole sync while the DMS is still down
        await().atMost(Duration.ofSeconds(OUTAGE_SECONDS - 5)).until(() -> census.total("billing") >= RECORDS);
        report.put("seconds for billing to finish, DMS still down", Duration.between(outage, Instant.now()).toSeconds());
        assertThat(census.total("dms")).as("nothing reached the DMS while it was down").isEqualTo(dmsAtStart);
        report.put("liveness during the outage", hub.liveness()).put("readiness during the outage", hub.readiness());
        assertThat(hub.liveness()).as("liveness does not flap on a target outage").isEqualTo(200);
        assertThat(Duration.between(outage, Instant.now())).as("the outage lasted throughout").isLessThan(Duration.ofSeconds(OUTAGE_SECONDS));

        await().atMost(Duration.ofSeconds(OUTAGE_SECONDS + 10)).until(() -> census.total("dms") > dmsAtStart);
        Instant back = Instant.now();
        awaitSettled(RECORDS, Duration.ofMinutes(6), "billing", "dms");
        report.put("seconds for the DMS backlog to drain once back", Duration.between(back, Instant.now()).toSeconds());

        long deadLetters = deadLetters("");
        report.put("dead-lettered", deadLetters)
                .put("DMS requests answered 503", sandbox.stats("dms").at("/requests/byStatus/503").asLong());
        assertThat(hub.isAlive()).isTrue();
        assertThat(deadLetters).as("dead letters (transient errors must not become dead letters)").isZero();
        assertEveryMatterOnceInBillingAndDms(numbers);
    }
}
