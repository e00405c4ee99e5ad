package io.legalhub.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.journal.Journal;
import io.legalhub.messaging.Envelope;
import io.legalhub.systems.TransientSystemFailure;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's flake, at its root: Camel ends a message's retries when its route stops, and the hub wrote that as a
 * transient dead letter "after 4 attempts" of 301. Retries ended before the budget roll the message back instead.
 */
class RetriesCutShortTest {

    private final DeadLetterStore store = mock(DeadLetterStore.class);
    private final Journal journal = mock(Journal.class);
    private final DeadLetterRecorder recorder = new DeadLetterRecorder(store, journal, new ObjectMapper(), 300);

    @Test
    void retriesEndedBeforeTheBudgetRollTheMessageBackAndWriteNoDeadLetter() {
        Exchange exchange = failedAfter(3);

        recorder.transientExhausted(exchange);

        assertThat(exchange.isRollbackOnly()).as("rolled back onto its queue").isTrue();
        verifyNoInteractions(store, journal);
    }

    @Test
    void aSpentBudgetIsStillATransientDeadLetter() {
        Exchange exchange = failedAfter(300);

        recorder.transientExhausted(exchange);

        assertThat(exchange.isRollbackOnly()).isFalse();

        org.mockito.Mockito.verify(store).recordFailure(org.mockito.ArgumentMatchers.argThat(
                f -> f.kind() == FailureKind.TRANSIENT && f.attempts() == 301), org.mockito.ArgumentMatchers.isNull());
    }

    private static Exchange failedAfter(int redeliveries) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader(Envelope.ENTITY, "matter");
        exchange.getIn().setHeader(Envelope.KEY, "2025-0003");
        exchange.getIn().setHeader(Exchange.REDELIVERY_COUNTER, redeliveries);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new TransientSystemFailure("billing", 503, "billing answered HTTP 503", null, null));
        return exchange;
    }
}
