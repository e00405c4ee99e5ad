package io.legalhub.canonical;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.deadletter.ReplayOutcome;
import io.legalhub.journal.Journal;
import io.legalhub.journal.JournalEntry;
import io.legalhub.journal.Step;
import io.legalhub.messaging.Envelope;
import io.legalhub.xref.XrefStore;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts a schema-checked canonical record: drops it if a newer version of the record was already
 * accepted (an older version never overwrites a newer one), records it, and plans its fan-out.
 * The same version arriving twice (webhook and poll) passes here on purpose: whether a target needs it
 * is decided per target from what that target last received, which is what makes a crash between the
 * database and the broker harmless.
 */
@Component
public class CanonicalIntake {

    private static final Logger log = LoggerFactory.getLogger(CanonicalIntake.class);

    private final RecordStateStore records;
    private final XrefStore xrefs;
    private final FanOut fanOut;
    private final Journal journal;
    private final ReplayOutcome replays;
    private final ObjectMapper json;

    public CanonicalIntake(RecordStateStore records, XrefStore xrefs, FanOut fanOut, Journal journal,
                           ReplayOutcome replays, ObjectMapper json) {
        this.records = records;
        this.xrefs = xrefs;
        this.fanOut = fanOut;
        this.journal = journal;
        this.replays = replays;
        this.json = json;
    }

    /** One transaction (one commit) for the record's trail, its state and its cross-reference. */
    @Transactional
    public void accept(Exchange exchange) throws IOException {
        Message in = exchange.getIn();
        String body = in.getBody(String.class);
        JsonNode canonical = json.readTree(body);
        String entity = canonical.path("entity").asText();
        String key = canonical.path("key").asText();
        String sourceSystem = canonical.at("/source/system").asText();
        String sourceId = canonical.at("/source/id").asText();
        long version = canonical.at("/source/version").asLong();
        String messageId = in.getHeader(Envelope.MESSAGE_ID, String.class);

        in.setHeader(Envelope.ENTITY, entity);
        in.setHeader(Envelope.KEY, key);
        in.setHeader(Envelope.SOURCE_SYSTEM, sourceSystem);
        in.setHeader(Envelope.SOURCE_ID, sourceId);
        in.setHeader(Envelope.SOURCE_VERSION, version);
        in.setHeader(Envelope.GROUP, Envelope.group(entity, key));
        exchange.setProperty(Envelope.RECIPIENTS, "");

        journal.record(JournalEntry.of(entity, key, Step.RECEIVED).system(sourceSystem).systemId(sourceId).version(version)
                .message(messageId).detail("via " + in.getHeader(Envelope.VIA, "unknown", String.class)));

        String hash = ContentHash.ofJson(body);
        boolean accepted = records.acceptIfNotOlder(
                new RecordStateStore.RecordState(entity, key, sourceSystem, sourceId, version, hash, body));
        if (!accepted) {
            String detail = "version " + version + " is older than the version the hub already has";
            journal.record(JournalEntry.of(entity, key, Step.SUPERSEDED).system("hub").version(version).message(messageId).detail(detail));
            replays.superseded(exchange, detail);
            log.info("{} {} v{} superseded at canonicalize", entity, key, version);
            return;
        }

        // the source's own id is a cross-reference too: flows writing back to the source need it
        if (!sourceId.isBlank() && xrefs.systemId(entity, key, sourceSystem).filter(sourceId::equals).isEmpty()) {
            xrefs.link(entity, key, sourceSystem, sourceId);
        }

        FanOut.Plan plan = fanOut.plan(entity, canonical);
        exchange.setProperty(Envelope.RECIPIENTS, plan.recipients(entity));
        journal.record(JournalEntry.of(entity, key, Step.CANONICALIZED).system("hub").version(version).message(messageId)
                .detail(plan.targets().isEmpty() ? "no target selected" : "to " + String.join(", ", plan.targets())
                        + (plan.skipped().isEmpty() ? "" : "; not to " + String.join(", ", plan.skipped()))));
        log.debug("{} {} v{} canonicalized; targets {}", entity, key, version, plan.targets());
    }
}
