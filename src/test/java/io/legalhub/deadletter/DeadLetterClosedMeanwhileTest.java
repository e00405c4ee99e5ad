package io.legalhub.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.legalhub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The same version of a record failing again by another path (webhook and poll) joins its open dead letter; if an
 * operator closes that dead letter between the hub finding it and updating it, the operator's decision stands and
 * the new failure gets a dead letter of its own (the HubCliTest flake: a discard answered "is now open").
 */
class DeadLetterClosedMeanwhileTest extends HubIntegrationTest {

    @Test
    void aDeadLetterDiscardedWhileTheSameVersionFailsAgainStaysDiscarded() {
        String key = newMatterNumber();
        DeadLetterStore plain = new DeadLetterStore(jdbc);
        long first = plain.recordFailure(failure("poll-" + key, key), null);
        DeadLetterStore discardingMeanwhile = new DeadLetterStore(jdbc) {
            @Override
            Existing existingFor(Failure f) {
                Existing found = super.existingFor(f);
                plain.transition(found.id(), java.util.List.of(DeadLetterStatus.OPEN), DeadLetterStatus.DISCARDED,
                        "operator", "discarded", "duplicate request");
                return found;
            }
        };

        long second = discardingMeanwhile.recordFailure(failure("webhook-" + key, key), null);

        assertThat(plain.get(first).status()).isEqualTo(DeadLetterStatus.DISCARDED);
        assertThat(second).isNotEqualTo(first);
        assertThat(plain.get(second).status()).isEqualTo(DeadLetterStatus.OPEN);
    }

    @Test
    void theSameVersionFailingAgainByAnotherPathJoinsItsOpenDeadLetter() {
        String key = newMatterNumber();
        DeadLetterStore store = new DeadLetterStore(jdbc);
        long first = store.recordFailure(failure("poll-" + key, key), null);

        long again = store.recordFailure(failure("webhook-" + key, key), null);

        assertThat(again).isEqualTo(first);
        assertThat(store.get(first).attempts()).isEqualTo(2);
    }

    private static Failure failure(String messageId, String key) {
        return new Failure(messageId, "matter", key, 7L, "matter-management", "billing", "deliver", "matter-to-billing", null,
                FailureKind.PERMANENT, "io.legalhub.systems.PermanentSystemFailure", "billing rejected the request (HTTP 400)",
                null, null, null, 1, "{}", "{}");
    }
}
