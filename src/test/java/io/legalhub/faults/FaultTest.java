package io.legalhub.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.sandbox.SandboxServer;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.support.SandboxOAuth;
import io.legalhub.support.SandboxClient;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every fault test stands on: the external broker (its hub queues emptied), a database of its own on the
 * local PostgreSQL, a fresh sandbox (no seed data) in this JVM, hub instances as separate processes, and a
 * report of figures written whatever the outcome.
 */
abstract class FaultTest {

    protected SandboxServer systems;
    protected SandboxClient sandbox;
    protected TargetCensus census;
    protected String database;
    protected String jdbcUrl;
    protected FaultReport report;
    private final List<HubProcess> hubs = new ArrayList<>();

    @BeforeEach
    void externalParts() throws Exception {
        ExternalParts.assumeAvailable();
        report = new FaultReport(testName());
        database = "fault_" + testName().toLowerCase();
        jdbcUrl = ExternalParts.freshDatabase(database);
        ExternalParts.purgeHubQueues();
        systems = SandboxServer.start(sandboxSettings().build());
        sandbox = new SandboxClient(systems.port());
        census = new TargetCensus(sandbox);
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            for (HubProcess hub : hubs) {
                hub.stop();
            }
        } finally {
            if (report != null) {
                report.write();
            }
            if (systems != null) {
                systems.stop();
            }
        }
    }

    protected SandboxSettings.Builder sandboxSettings() {
        return SandboxOAuth.register(SandboxSettings.builder().port(0).seed(false));
    }

    protected String testName() {
        return getClass().getSimpleName();
    }

    /** A hub instance running the matter flow alone (to billing and the DMS), not yet started. */
    protected HubProcess hub(String name, String... overrides) throws Exception {
        return hubOn(jdbcUrl, name, overrides);
    }

    protected HubProcess hubOn(String database, String name, String... overrides) throws Exception {
        List<String> settings = new ArrayList<>(HubProcess.matterFlowOnly());
        settings.addAll(List.of(overrides));
        HubProcess hub = new HubProcess(testName(), name, database, systems.port(), settings);
        hubs.add(hub);
        return hub;
    }

    /** Creates {@code count} matters in matter management at once (no webhooks: the hub's poll finds them). */
    protected List<String> generateMatters(int count, String prefix) {
        JsonNode made = sandbox.ok("POST", "/matter-management/_control/matters/generate",
                "{\"count\":" + count + ",\"prefix\":\"" + prefix + "\",\"webhooks\":false}");
        return matterNumbers(prefix, Integer.parseInt(made.get("first_number").asText().substring(prefix.length() + 1)), count);
    }

    /** The numbers the sandbox gives generated matters: PREFIX-000001 on, continuing per prefix. */
    protected static List<String> matterNumbers(String prefix, int first, int count) {
        List<String> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            numbers.add(prefix + "-" + String.format("%06d", first + i));
        }
        return numbers;
    }

    /**
     * Waits until each target holds at least {@code expected} records and nothing waits on the hub's queues any
     * more; the census that follows says whether they are the right ones, each once.
     */
    protected void awaitSettled(long expected, Duration timeout, String... targets) {
        Map<String, Long> each = new LinkedHashMap<>();
        for (String target : targets) {
            each.put(target, expected);
        }
        awaitSettled(timeout, each);
    }

    /** Waits until each target holds at least so many records and nothing waits on the hub's queues any more. */
    protected void awaitSettled(Duration timeout, Map<String, Long> expected) {
        try {
            awaitTargetsAndQueues(timeout, expected);
        } catch (ConditionTimeoutException notSettled) {
            // a timeout says what was still missing and where messages waited, so a stall explains itself
            Map<String, Object> state = new LinkedHashMap<>();
            for (String target : expected.keySet()) {
                state.put(target + " records", census.total(target) + " of " + expected.get(target));
            }
            try {
                state.put("hub queues (messages/delivering/consumers)", ExternalParts.hubQueueStates());
            } catch (Exception unreachable) {
                state.put("hub queues", "unreadable: " + unreachable.getMessage());
            }
            state.forEach(report::put);
            throw new AssertionError("Not settled within " + timeout + ": " + state, notSettled);
        }
    }

    private void awaitTargetsAndQueues(Duration timeout, Map<String, Long> expected) {
        await().atMost(timeout).pollInterval(Duration.ofSeconds(2)).until(() -> {
            for (Map.Entry<String, Long> target : expected.entrySet()) {
                if (census.total(target.getKey()) < target.getValue()) {
                    return false;
                }
            }
            return ExternalParts.hubMessagesWaiting() == 0;
        });
    }

    /**
     * Counts, matter by matter, what billing and the DMS hold, reports it, and asserts that each holds every one of
     * these matters exactly once.
     */
    protected void assertEveryMatterOnceInBillingAndDms(Collection<String> numbers) {
        TargetCensus.Result billing = census.compare("billing", numbers);
        TargetCensus.Result dms = census.compare("dms", numbers);
        report.census("billing", billing).census("dms", dms);
        assertThat(billing.lost()).as("matters missing from billing").isEmpty();
        assertThat(billing.duplicated()).as("matters twice in billing").isEmpty();
        assertThat(dms.lost()).as("matters missing from the DMS").isEmpty();
        assertThat(dms.duplicated()).as("matters twice in the DMS").isEmpty();
    }

    /** Waits until matter management (Clio) has an enabled webhook subscription pointing at {@code url}. */
    protected void awaitSubscribedAt(String url) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> SandboxClient.list(
                        sandbox.ok("GET", "/matter-management/api/v4/webhooks.json?fields=id,url,status", null).get("data")).stream()
                .anyMatch(w -> w.path("url").asText().startsWith(url) && "enabled".equals(w.path("status").asText())));
    }

    protected long deadLetters(String condition) throws Exception {
        return ExternalParts.count(database, "select count(*) from dead_letter" + (condition.isBlank() ? "" : " where " + condition));
    }
}
