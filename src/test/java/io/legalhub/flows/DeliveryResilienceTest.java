package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

/** Issue 2: transient failures are retried with backoff (honouring Retry-After); one target's outage never holds up another. */
class DeliveryResilienceTest extends HubIntegrationTest {

    @Test
    void billingAnswering500ThreeTimesThenSucceedingGetsTheMatterWithoutADeadLetter() {
        String number = newMatterNumber();
        long client = sandbox.createClient("Wingtip Toys " + number, "Company");
        sandbox.faults("billing", "{\"failNext\":3}");

        sandbox.createMatter(number, "Wingtip Toys product liability", client, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.billingMatters(number).size() == 1);
        assertThat(sandbox.requests("billing").stream().filter(r -> r.get("status").asInt() == 500).count()).isGreaterThanOrEqualTo(3);
        assertThat(deadLetters(number)).isZero();
    }

    @Test
    void billingAnswering429WithRetryAfterIsWaitedOutAsAsked() {
        String number = newMatterNumber();
        long client = sandbox.createClient("Litware " + number, "Company");
        // only this matter's calls: the hub's polls of billing must not use up the one refusal
        sandbox.faults("billing", "{\"rateLimit\":{\"next\":1,\"retryAfterSeconds\":3,\"matching\":\"" + number + "\"}}");

        sandbox.createMatter(number, "Litware licence audit", client, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.billingMatters(number).size() == 1);
        // the refused request (the create of this matter, the one request naming it) and the retry of the same call
        List<JsonNode> log = sandbox.requests("billing");
        List<JsonNode> refused = log.stream().filter(r -> r.get("status").asInt() == 429).toList();
        assertThat(refused).as("billing's refusals").hasSize(1);
        JsonNode first = refused.get(0);
        JsonNode retry = log.stream().skip(log.indexOf(first) + 1)
                .filter(r -> r.get("method").equals(first.get("method")) && r.get("path").equals(first.get("path")))
                .findFirst().orElseThrow(() -> new AssertionError("no retry of " + first));
        assertThat(retry.get("status").asInt()).isEqualTo(201);
        Instant refusedAt = Instant.parse(first.get("receivedAt").asText());
        Instant retriedAt = Instant.parse(retry.get("receivedAt").asText());
        // the hub's own backoff starts at 200 ms in tests: only Retry-After explains a 3 s wait
        assertThat(Duration.between(refusedAt, retriedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        assertThat(deadLetters(number)).isZero();
    }

    @Test
    void whileTheDmsIsDownBillingDeliveriesAreNotDelayedAndTheDmsBacklogDrainsWhenItReturns() {
        List<String> numbers = new ArrayList<>();
        long client = sandbox.createClient("Proseware", "Company");
        sandbox.faults("dms", "{\"outage\":true}");
        Instant start = Instant.now();

        for (int i = 0; i < 5; i++) {
            String number = newMatterNumber();
            numbers.add(number);
            sandbox.createMatter(number, "Proseware matter " + i, client, null);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> numbers.stream().allMatch(n -> sandbox.billingMatters(n).size() == 1));
        Duration billingTook = Duration.between(start, Instant.now());
        assertThat(numbers).allMatch(n -> sandbox.dmsWorkspaces(n).isEmpty());
        assertThat(billingTook).as("billing is served while the DMS is down").isLessThan(Duration.ofSeconds(10));

        sandbox.clearFaults("dms");

        await().atMost(Duration.ofSeconds(60)).until(() -> numbers.stream().allMatch(n -> sandbox.dmsWorkspaces(n).size() == 1));
        assertThat(numbers).allMatch(n -> deadLetters(n) == 0);
        assertThat(numbers).allMatch(n -> sandbox.billingMatters(n).size() == 1);
    }

    private long deadLetters(String number) {
        return jdbc.sql("select count(*) from dead_letter where record_key = :k").param("k", number).query(Long.class).single();
    }
}
