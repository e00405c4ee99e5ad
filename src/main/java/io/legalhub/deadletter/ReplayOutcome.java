package io.legalhub.deadletter;

import java.util.List;

import io.legalhub.messaging.Envelope;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Closes a replayed dead letter once its stage has dealt with it. No-op for ordinary messages. */
@Component("replays")
public class ReplayOutcome {

    private static final List<DeadLetterStatus> IN_FLIGHT = List.of(DeadLetterStatus.REPLAYING, DeadLetterStatus.OPEN);

    private final DeadLetterStore store;

    public ReplayOutcome(DeadLetterStore store) {
        this.store = store;
    }

    public void succeeded(Exchange exchange, String detail) {
        Long id = exchange.getIn().getHeader(Envelope.DEAD_LETTER_ID, Long.class);
        if (id != null) {
            store.transition(id, IN_FLIGHT, DeadLetterStatus.REPLAYED, "hub", "replayed", detail);
        }
    }

    public void superseded(Exchange exchange, String detail) {
        Long id = exchange.getIn().getHeader(Envelope.DEAD_LETTER_ID, Long.class);
        if (id != null) {
            store.transition(id, IN_FLIGHT, DeadLetterStatus.SUPERSEDED, "hub", "superseded", detail);
        }
    }
}
