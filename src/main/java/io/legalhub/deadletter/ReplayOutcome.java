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

    /**
     * A newer version of the record reached the target: open dead letters of older versions there no
     * longer need anyone, so they are closed as superseded rather than left in the operators' list.
     */
    public void newerVersionDelivered(String entity, String key, String target, long version) {
        for (long id : store.openOlderVersions(entity, key, target, version)) {
            store.transition(id, List.of(DeadLetterStatus.OPEN), DeadLetterStatus.SUPERSEDED, "hub", "superseded",
                    "version " + version + " of this record has since been delivered to " + target);
        }
    }

    public void superseded(Exchange exchange, String detail) {
        Long id = exchange.getIn().getHeader(Envelope.DEAD_LETTER_ID, Long.class);
        if (id != null) {
            store.transition(id, IN_FLIGHT, DeadLetterStatus.SUPERSEDED, "hub", "superseded", detail);
        }
    }
}
