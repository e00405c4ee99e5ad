package io.legalhub.deadletter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.journal.Journal;
import io.legalhub.journal.JournalEntry;
import io.legalhub.journal.Step;
import io.legalhub.messaging.Envelope;
import io.legalhub.messaging.Queues;
import io.legalhub.messaging.Stage;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends a dead letter back to the stage that failed. The message goes onto that stage's queue exactly
 * as it was received there (or as an operator edited it), marked with the dead letter's id, so the stage
 * can report the outcome: replayed, superseded, or failed again (which re-opens the dead letter).
 */
@Service
public class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);
    private static final List<DeadLetterStatus> REPLAYABLE = List.of(DeadLetterStatus.OPEN, DeadLetterStatus.REPLAYING);

    private final DeadLetterStore store;
    private final Journal journal;
    private final ProducerTemplate producer;
    private final ObjectMapper json;

    public ReplayService(DeadLetterStore store, Journal journal, ProducerTemplate producer, ObjectMapper json) {
        this.store = store;
        this.journal = journal;
        this.producer = producer;
        this.json = json;
    }

    public DeadLetter replay(long id, String actor) {
        DeadLetter dl = store.get(id);
        Stage stage = Stage.of(dl.stage());
        if (!store.transition(id, REPLAYABLE, DeadLetterStatus.REPLAYING, actor, "replay-requested",
                "sent back to stage " + stage.id() + " for " + dl.target())) {
            throw new DeadLetterStateException("Dead letter " + id + " is " + dl.status().id()
                    + "; only open dead letters can be replayed");
        }
        Map<String, Object> headers = headersOf(dl);
        headers.put(Envelope.DEAD_LETTER_ID, id);
        headers.put(Envelope.VIA, "replay");
        String queue = stage.queueFor(dl.entityType(), dl.target());
        // journalled before the send: the replayed message may be handled (and journal its own steps) at once
        if (dl.recordKey() != null) {
            journal.record(JournalEntry.of(dl.entityType(), dl.recordKey(), Step.REPLAY_REQUESTED).system(dl.target())
                    .message(dl.messageId()).detail("dead letter " + id + " replayed by " + actor));
        }
        try {
            producer.sendBodyAndHeaders(Queues.jms(queue), dl.body(), headers);
        } catch (RuntimeException e) {
            store.transition(id, List.of(DeadLetterStatus.REPLAYING), DeadLetterStatus.OPEN, "hub", "replay-not-queued",
                    "the broker did not accept the message: " + e.getMessage());
            throw new ReplayNotQueuedException(id, e);
        }
        log.info("Dead letter {} ({} {}) replayed to {} by {}", id, dl.entityType(), dl.recordKey(), queue, actor);
        return store.get(id);
    }

    private Map<String, Object> headersOf(DeadLetter dl) {
        Map<String, Object> headers = new HashMap<>();
        if (dl.headers() != null && !dl.headers().isBlank()) {
            try {
                headers.putAll(json.readValue(dl.headers(), new TypeReference<Map<String, Object>>() {
                }));
            } catch (Exception e) {
                throw new IllegalStateException("Dead letter " + dl.id() + " has unreadable headers", e);
            }
        }
        headers.remove(Envelope.DEAD_LETTER_ID);
        return headers;
    }
}
