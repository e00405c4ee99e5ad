package io.legalhub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Issue 5: a hub instance killed with SIGKILL at random moments of a 10,000-matter sync, again and again, and
 * restarted each time: every matter ends up in billing and in the DMS exactly once. Kill count, record count and
 * the random seed are settable: -Dhub.it.kills, -Dhub.it.kill.records, -Dhub.it.kill.seed (or HUB_IT_KILLS…).
 */
class KillNineIT extends FaultTest {

    private static final Duration READY = Duration.ofMinutes(2);

    @Test
    void everyRecordReachesEveryTargetExactlyOnceThoughTheHubIsKilledAgainAndAgain() throws Exception {
        int records = setting("hub.it.kill.records", "HUB_IT_KILL_RECORDS", 10_000);
        int kills = setting("hub.it.kills", "HUB_IT_KILLS", 5);
        long seed = setting("hub.it.kill.seed", "HUB_IT_KILL_SEED", (int) (System.nanoTime() & 0xffff));
        Random random = new Random(seed);
        report.put("records sent", records).put("kills planned", kills).put("random seed", seed);

        HubProcess hub = hub("hub-1").start().awaitReady(READY);
        List<String> numbers = generateMatters(records, "KILL");
        List<String> killedAt = new ArrayList<>();
        for (int k = 1; k <= kills; k++) {
            // a random moment of the sync: 2 to 9 seconds into this run of the instance
            Thread.sleep(2_000 + random.nextInt(7_000));
            killedAt.add(census.total("billing") + "/" + census.total("dms"));
            hub.kill9();
            hub.start().awaitReady(READY);
        }
        report.put("kills done", kills).put("billing/dms records at each kill", killedAt);

        awaitSettled(records, Duration.ofMinutes(12), "billing", "dms");

        TargetCensus.Result billing = census.compare("billing", numbers);
        TargetCensus.Result dms = census.compare("dms", numbers);
        long deadLetters = deadLetters("");
        report.census("billing", billing).census("dms", dms).put("dead-lettered", deadLetters)
                .put("broker DLQ", ExternalParts.brokerDeadLetters());
        assertThat(billing.lost()).as("matters missing from billing").isEmpty();
        assertThat(billing.duplicated()).as("matters twice in billing").isEmpty();
        assertThat(dms.lost()).as("matters missing from the DMS").isEmpty();
        assertThat(dms.duplicated()).as("matters twice in the DMS").isEmpty();
        assertThat(deadLetters).as("dead letters").isZero();
        assertThat(killedAt.stream().filter(at -> !at.equals(records + "/" + records)))
                .as("kills that came while the sync was still running").hasSize(kills);
    }

    static int setting(String property, String env, int fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }
}
