package io.legalhub.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Issue 5: two hub instances on one broker and one database, webhooks spread over both by a load balancer.
 * 1,000 updates to 10 matters, sent concurrently, arrive through either instance in any order, and both
 * instances' consumers share the work; each target ends with the latest version of every matter, each matter
 * once. The matter poll, a clustered Quartz job, runs on one instance at a time.
 */
class TwoInstancesInterleavedIT extends FaultTest {

    private static final int MATTERS = 10;
    private static final int UPDATES = 1_000;

    @Test
    void eachTargetEndsWithTheLatestVersionOfEachMatter() throws Exception {
        HubProcess a = hub("hub-a");
        HubProcess b = hub("hub-b");
        try (RoundRobinWebhooks balancer = new RoundRobinWebhooks(List.of(a, b))) {
            // both instances stand behind the balancer: the subscription they keep (one, in the shared database) points at it
            a.publicUrl(balancer.url("")).start();
            b.publicUrl(balancer.url("")).start();
            a.awaitReady(Duration.ofMinutes(2));
            b.awaitReady(Duration.ofMinutes(2));
            awaitSubscribedAt(balancer.url("/webhooks/matter-management/"));
            long client = sandbox.createClient("Interleaved Holdings", "Company");
            Map<String, Long> matters = new LinkedHashMap<>();
            for (int i = 1; i <= MATTERS; i++) {
                String number = "TWO-" + String.format("%04d", i);
                matters.put(number, sandbox.createMatter(number, "Interleaved matter " + i, client, null).get("id").asLong());
            }
            List<Long> ids = new ArrayList<>(matters.values());

            ExecutorService senders = Executors.newFixedThreadPool(8);
            List<Future<?>> sent = new ArrayList<>();
            for (int u = 0; u < UPDATES; u++) {
                long id = ids.get(u % MATTERS);
                sent.add(senders.submit(() -> sandbox.ok("POST", "/matter-management/_control/matters/" + id + "/touch", null)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            senders.shutdown();
            report.put("matters", MATTERS).put("updates sent", UPDATES);

            Map<String, String> latest = new LinkedHashMap<>();
            matters.forEach((number, id) -> latest.put(number, sandbox.matter(id).get("description").asText()));
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> latest.entrySet().stream().allMatch(e ->
                    sandbox.billingMatters(e.getKey()).stream().anyMatch(m -> m.get("name").asText().equals(e.getValue()))
                            && sandbox.dmsWorkspaces(e.getKey()).stream().anyMatch(w -> w.get("name").asText().endsWith(e.getValue()))));
            await().atMost(Duration.ofMinutes(2)).until(() -> ExternalParts.hubMessagesWaiting() == 0);

            long schedulers = ExternalParts.count(database, "select count(*) from qrtz_scheduler_state");
            long writesByA = targetWrites(a);
            long writesByB = targetWrites(b);
            long deadLetters = deadLetters("");
            report.put("webhook answers", balancer.answers())
                    .put("target writes by hub-a / hub-b", writesByA + " / " + writesByB)
                    .put("dead-lettered", deadLetters).put("clustered Quartz schedulers", schedulers);
            assertEveryMatterOnceInBillingAndDms(matters.keySet());
            assertThat(writesByA).as("hub-a's consumers took part").isPositive();
            assertThat(writesByB).as("hub-b's consumers took part").isPositive();
            assertThat(balancer.answers().keySet()).as("both instances took webhooks").anyMatch(k -> k.startsWith("hub-a 202"))
                    .anyMatch(k -> k.startsWith("hub-b 202"));
            for (Map.Entry<String, String> e : latest.entrySet()) {
                assertThat(sandbox.billingMatters(e.getKey())).as("billing matter " + e.getKey()).hasSize(1)
                        .first().satisfies(m -> assertThat(m.get("name").asText()).isEqualTo(e.getValue()));
                assertThat(sandbox.dmsWorkspaces(e.getKey())).as("DMS workspace " + e.getKey()).hasSize(1)
                        .first().satisfies(w -> assertThat(w.get("name").asText()).endsWith(e.getValue()));
            }
            assertThat(deadLetters).isZero();
            assertThat(schedulers).as("both instances joined the clustered scheduler").isEqualTo(2);
        }
    }

    /** Records an instance created or updated in a target, as its log says ("… updated in billing as …"). */
    private static long targetWrites(HubProcess hub) throws Exception {
        try (var lines = Files.lines(hub.log())) {
            return lines.filter(l -> l.contains("DeliveryGate") && (l.contains(" created in ") || l.contains(" updated in "))).count();
        }
    }
}
