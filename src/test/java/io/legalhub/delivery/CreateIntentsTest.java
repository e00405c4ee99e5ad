package io.legalhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.legalhub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Create intents on the hub's database: of two attempts at the same new record at once (the broker handed its
 * message to two consumers), one creates and the other waits; an attempt that ended without an id, or one that
 * went quiet past the lease (a crash), lets the next attempt look the record up at once.
 */
class CreateIntentsTest extends HubIntegrationTest {

    @Test
    void ofTwoAttemptsClaimingTheSameCreateAtOnceOnlyOneGoesOn() throws Exception {
        String key = newMatterNumber();
        CreateIntents intents = intents();
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<CreateIntents.Claim> attempt = () -> {
            together.await();
            return intents.claim("dms", "matter", key);
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<CreateIntents.Claim>> claims = two.invokeAll(List.of(attempt, attempt));
            assertThat(List.of(claims.get(0).get(), claims.get(1).get()))
                    .containsExactlyInAnyOrder(CreateIntents.Claim.FIRST, CreateIntents.Claim.OTHER_IN_FLIGHT);
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void anAttemptThatEndedWithoutAnIdLetsTheNextOneLookUpAtOnceAndOnlyThatOne() {
        String key = newMatterNumber();
        CreateIntents intents = intents();
        intents.claim("dms", "matter", key);
        intents.settle("dms", "matter", key);

        assertThat(intents.claim("dms", "matter", key)).isEqualTo(CreateIntents.Claim.EARLIER_UNKNOWN);
        assertThat(intents.claim("dms", "matter", key)).as("the taker-over is in flight now")
                .isEqualTo(CreateIntents.Claim.OTHER_IN_FLIGHT);
    }

    @Test
    void anIntentInFlightPastTheLeaseIsTakenOverAsACrashedAttempts() {
        String key = newMatterNumber();
        CreateIntents intents = intents();
        intents.claim("dms", "matter", key);
        jdbc.sql("update create_intent set started_at = :t where hub_key = :k")
                .param("t", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(41)).param("k", key).update();

        assertThat(intents.claim("dms", "matter", key)).isEqualTo(CreateIntents.Claim.EARLIER_UNKNOWN);
    }

    @Test
    void aCreateWhoseIdIsSavedLeavesNoIntent() {
        String key = newMatterNumber();
        CreateIntents intents = intents();
        intents.claim("dms", "matter", key);
        intents.clear("dms", "matter", key);

        assertThat(intents.claim("dms", "matter", key)).isEqualTo(CreateIntents.Claim.FIRST);
    }

    /** The hub's intents with a 40 s lease, on the hub's own database. */
    private CreateIntents intents() {
        return new CreateIntents(jdbc, Duration.ofSeconds(40));
    }
}
