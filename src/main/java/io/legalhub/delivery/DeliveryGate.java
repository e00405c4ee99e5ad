package io.legalhub.delivery;

import java.util.Optional;

import io.legalhub.canonical.ContentHash;
import io.legalhub.deadletter.ReplayOutcome;
import io.legalhub.journal.Journal;
import io.legalhub.journal.JournalEntry;
import io.legalhub.journal.Step;
import io.legalhub.messaging.Envelope;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides, per target, whether a mapped record needs sending: not if the target already has this
 * exact payload (unless the message is a forced re-sync, see {@link Envelope#FORCE}), and never if the
 * target already has a newer version. Records what was delivered.
 */
@Component
public class DeliveryGate {

    public static final String DELIVER = "deliver";
    public static final String UNCHANGED = "unchanged";
    public static final String SUPERSEDED = "superseded";
    public static final String HELD = "held";

    private static final Logger log = LoggerFactory.getLogger(DeliveryGate.class);

    private final DeliveryStateStore states;
    private final Journal journal;
    private final ReplayOutcome replays;

    public DeliveryGate(DeliveryStateStore states, Journal journal, ReplayOutcome replays) {
        this.states = states;
        this.journal = journal;
        this.replays = replays;
    }

    public void admit(Exchange exchange) {
        Message in = exchange.getIn();
        String target = exchange.getProperty(Envelope.TARGET, String.class);
        String entity = in.getHeader(Envelope.ENTITY, String.class);
        String key = in.getHeader(Envelope.KEY, String.class);
        long version = in.getHeader(Envelope.SOURCE_VERSION, 0L, Long.class);
        String hash = ContentHash.ofJson(in.getBody(String.class));
        exchange.setProperty(Envelope.PAYLOAD_HASH, hash);

        Optional<DeliveryStateStore.DeliveryState> last = states.find(entity, key, target);
        String decision = DELIVER;
        String detail = null;
        String held = exchange.getProperty(TargetReferences.HELD, String.class);
        if (held != null) {
            // e.g. a conflict result for a matter the hub has never seen: nothing to write it onto. When the
            // matter arrives it gets its own conflict search, whose result will be written.
            decision = HELD;
            detail = held;
            journal.record(entry(exchange, entity, key, Step.HELD, target, version).detail(detail));
            replays.succeeded(exchange, "held: " + detail);
            log.info("{} {} v{} held for {}: {}", entity, key, version, target, detail);
        } else if (last.isPresent() && version < last.get().sourceVersion()) {
            decision = SUPERSEDED;
            detail = "version " + version + " is older than version " + last.get().sourceVersion() + " already in " + target;
            journal.record(entry(exchange, entity, key, Step.SUPERSEDED, target, version).systemId(last.get().targetId()).detail(detail));
            replays.superseded(exchange, detail);
        } else if (last.isPresent() && hash.equals(last.get().contentHash()) && !forced(in)) {
            decision = UNCHANGED;
            detail = target + " already has this content (version " + last.get().sourceVersion() + ")";
            if (version > last.get().sourceVersion()) {
                states.record(entity, key, target, version, hash, null);
            }
            journal.record(entry(exchange, entity, key, Step.UNCHANGED, target, version).systemId(last.get().targetId()).detail(detail));
            replays.succeeded(exchange, "nothing to send: " + detail);
        }
        exchange.setProperty(Envelope.DECISION, decision);
        if (!DELIVER.equals(decision)) {
            log.debug("{} {} v{} not sent to {}: {}", entity, key, version, target, decision);
        }
    }

    /** One transaction (one commit) for everything a delivery leaves behind: its state, its trail, its dead letters. */
    @Transactional
    public void recordDelivered(Exchange exchange) {
        Message in = exchange.getIn();
        String target = exchange.getProperty(Envelope.TARGET, String.class);
        String entity = in.getHeader(Envelope.ENTITY, String.class);
        String key = in.getHeader(Envelope.KEY, String.class);
        long version = in.getHeader(Envelope.SOURCE_VERSION, 0L, Long.class);
        String targetId = exchange.getProperty(Envelope.TARGET_ID, String.class);
        String operation = exchange.getProperty(Envelope.OPERATION, String.class);
        states.record(entity, key, target, version, exchange.getProperty(Envelope.PAYLOAD_HASH, String.class), targetId);
        journal.record(entry(exchange, entity, key, Step.DELIVERED, target, version).systemId(targetId).detail(operation));
        replays.succeeded(exchange, operation + " in " + target + " as " + targetId);
        replays.newerVersionDelivered(entity, key, target, version);
        log.info("{} {} v{} {} in {} as {}", entity, key, version, operation, target, targetId);
    }

    /** A re-sync after reconciliation: the hub's record is unchanged but the target's copy drifted. */
    private static boolean forced(Message in) {
        return Boolean.TRUE.equals(in.getHeader(Envelope.FORCE, Boolean.class));
    }

    private static JournalEntry entry(Exchange exchange, String entity, String key, Step step, String target, long version) {
        return JournalEntry.of(entity, key, step).system(target).version(version)
                .message(exchange.getIn().getHeader(Envelope.MESSAGE_ID, String.class));
    }
}
