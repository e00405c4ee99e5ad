package io.legalhub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 5: several instances started at the same moment on a new database (as an orchestrator starts replicas)
 * all come up: the migrations and the clustered scheduler's jobs and triggers are set up once, without two
 * instances tripping over each other's half-written schedule.
 */
class SimultaneousStartIT extends FaultTest {

    private static final int ROUNDS = 2;
    private static final int INSTANCES = 3;

    @Test
    void instancesStartedTogetherOnANewDatabaseAllBecomeReady() throws Exception {
        List<String> readyIn = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            String name = database + "_" + round;
            String url = ExternalParts.freshDatabase(name);
            List<HubProcess> hubs = new ArrayList<>();
            for (int i = 1; i <= INSTANCES; i++) {
                hubs.add(hubOn(url, "round" + round + "-hub-" + i));
            }
            long started = System.nanoTime();
            for (HubProcess hub : hubs) {
                hub.start();
            }
            for (HubProcess hub : hubs) {
                hub.awaitReady(Duration.ofMinutes(3));
            }
            readyIn.add((System.nanoTime() - started) / 1_000_000_000 + " s");
            assertThat(ExternalParts.count(name, "select count(*) from qrtz_scheduler_state"))
                    .as("instances in the clustered scheduler, round " + round).isEqualTo(INSTANCES);
            assertThat(ExternalParts.count(name, "select count(*) from qrtz_triggers where trigger_name like '%-poll'"))
                    .as("poll schedules, each stored once, round " + round).isEqualTo(5);
            for (HubProcess hub : hubs) {
                hub.stop();
            }
        }
        report.put("rounds", ROUNDS).put("instances started together", INSTANCES).put("all ready after", readyIn);
    }
}
