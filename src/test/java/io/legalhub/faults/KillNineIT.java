package io.legalhub.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Issue 5: a hub instance killed with SIGKILL at random moments spread over a 10,000-matter sync, again and again, and
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
        // kill points spread over the whole sync: random stretches of it (5 % to 95 % of the records in billing),
        // each followed by a random instant up to a second later, so a kill can land anywhere in a page's work
        List<Integer> killPoints = random.ints(kills, records / 20, records * 19 / 20).sorted().boxed().toList();
        List<String> killedAt = new ArrayList<>();
        for (int point : killPoints) {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> census.total("billing") >= point);
            Thread.sleep(random.nextInt(1_000));
            killedAt.add(census.total("billing") + "/" + census.total("dms"));
            hub.kill9();
            hub.start().awaitReady(READY);
        }
        report.put("kills done", kills).put("billing/dms records at each kill", killedAt);

        awaitSettled(records, Duration.ofMinutes(12), "billing", "dms");

        long deadLetters = deadLetters("");
        report.put("dead-lettered", deadLetters).put("broker DLQ", ExternalParts.brokerDeadLetters());
        assertEveryMatterOnceInBillingAndDms(numbers);
        assertThat(deadLetters).as("dead letters").isZero();
        assertThat(killedAt.stream().filter(at -> !at.equals(records + "/" + records)))
                .as("kills that came while the sync was still running").hasSize(kills);
    }

    static int setting(String property, String env, int fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }
}
