package io.legalhub.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.sandbox.SandboxServer;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: calls to a system keep to its configured rate limit, and a 429 pauses every call to that system for
 * the wait it asked and then sends the refused call again: a sustained limit only slows the hub down, it never
 * fails a call. Four threads stand for the consumers of several queues calling billing at once.
 */
class SystemPacingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CALLS = 24;
    private static SandboxServer sandbox;
    private static SandboxClient control;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxSettings.builder().seed(false).build());
        control = new SandboxClient(sandbox.port());
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @AfterEach
    void clear() {
        control.clearFaults("billing");
        control.send("DELETE", "/billing/_control/requests", null);
    }

    @Test
    void aHubLimitBelowTheSystemsOwnMeansTheSystemNeverRefusesACall() throws Exception {
        // billing allows 10 calls a second (bursts of 5); the hub keeps to 9 a second in bursts of 3
        control.faults("billing", "{\"rateLimit\":{\"perMinute\":600,\"burst\":5}}");
        SystemClient client = client(540, 3);

        long started = System.nanoTime();
        callBillingFromFourThreads(client);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(rateLimited()).as("calls billing refused").isZero();
        assertThat(client.rateLimitPauses("billing")).isZero();
        // 24 calls at 9/s after a first burst of 3: at least (24 - 3) / 9 s
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(2_000));
    }

    @Test
    void withoutAHubLimitEvery429PausesTheSystemsLaneAndTheRefusedCallIsSentAgain() throws Exception {
        control.faults("billing", "{\"rateLimit\":{\"perMinute\":600,\"burst\":5}}");
        SystemClient client = client(0, 0);

        List<SystemResponse> answers = callBillingFromFourThreads(client);

        assertThat(answers).hasSize(CALLS).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(rateLimited()).as("calls billing refused").isPositive();
        assertThat(client.rateLimitPauses("billing")).isEqualTo(rateLimited());
    }

    @Test
    void aSystemThatAsksForALongerWaitThanTheLaneAllowsFailsTheCallAsTransientWithItsRetryAfter() {
        control.faults("billing", "{\"rateLimit\":{\"next\":1,\"retryAfterSeconds\":120}}");
        SystemClient client = client(0, 0);

        TransientSystemFailure failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> client.send("billing", "GET", "/api/v1/matters?number=X-1", null, true), TransientSystemFailure.class);

        assertThat(failure.status()).isEqualTo(429);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
    }

    private List<SystemResponse> callBillingFromFourThreads(SystemClient client) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<SystemResponse>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                String number = "PACE-" + i;
                calls.add(threads.submit(() -> client.send("billing", "GET", "/api/v1/matters?number=" + number, null, true)));
            }
            List<SystemResponse> answers = new ArrayList<>();
            for (Future<SystemResponse> call : calls) {
                answers.add(call.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private long rateLimited() {
        return control.stats("billing").at("/requests/rateLimited").asLong();
    }

    private static SystemClient client(int perMinute, int burst) {
        HubSystemsProperties properties = new HubSystemsProperties();
        properties.getHttp().setMaxLaneWait(Duration.ofSeconds(10));
        HubSystemsProperties.SystemSettings billing = new HubSystemsProperties.SystemSettings();
        billing.setBaseUrl(sandbox.baseUrl(SandboxSystem.BILLING));
        if (perMinute > 0) {
            billing.getRateLimit().setRequests(perMinute);
            billing.getRateLimit().setBurst(burst);
        }
        properties.getSystems().put("billing", billing);
        return new SystemClient(properties, JSON);
    }
}
