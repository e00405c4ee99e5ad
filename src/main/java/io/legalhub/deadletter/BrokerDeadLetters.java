package io.legalhub.deadletter;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.messaging.Envelope;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drains Artemis's own dead-letter queue into the hub's store. The broker moves a message there when it has
 * been delivered too many times without being acknowledged (a hub instance crashing on it again and again,
 * or a database away for longer than the broker's redelivery budget). Nothing should wait where operators
 * do not look: each becomes a transient dead letter at the stage of the queue it came from, replayable.
 */
@Component("brokerDeadLetters")
public class BrokerDeadLetters {

    /** Set by Artemis on a message it moved to the dead-letter address. */
    static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";

    private static final Logger log = LoggerFactory.getLogger(BrokerDeadLetters.class);

    private final DeadLetterStore store;
    private final ObjectMapper json;

    public BrokerDeadLetters(DeadLetterStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public void record(Exchange exchange) {
        Message in = exchange.getIn();
        String queue = in.getHeader(ORIGINAL_QUEUE, String.class);
        if (queue == null) {
            queue = in.getHeader(ORIGINAL_ADDRESS, String.class);
        }
        Origin origin = Origin.of(queue, in.getHeader(Envelope.ENTITY, String.class));
        Integer deliveries = in.getHeader("JMSXDeliveryCount", Integer.class);
        String messageId = in.getHeader(Envelope.MESSAGE_ID, String.class);
        String key = in.getHeader(Envelope.KEY, String.class);
        Failure failure = new Failure(
                messageId != null ? messageId : "broker-" + UUID.randomUUID(),
                origin.entity(),
                key != null ? key : in.getHeader(Envelope.SOURCE_ID, String.class),
                in.getHeader(Envelope.SOURCE_VERSION, Long.class),
                in.getHeader(Envelope.SOURCE_SYSTEM, String.class),
                origin.target(), origin.stage(), "broker-dead-letters", "queue " + queue,
                FailureKind.TRANSIENT, "io.legalhub.deadletter.BrokerGaveUp",
                "The broker gave up on this message on queue " + queue + " after " + (deliveries == null ? "too many" : deliveries)
                        + " delivery attempts without an acknowledgement (e.g. a hub instance stopped again and again while"
                        + " handling it, or the database was away for long); replay it once the cause is gone",
                null, null, null, deliveries == null ? 1 : deliveries,
                in.getBody(String.class), headers(in));
        long id = store.recordFailure(failure, in.getHeader(Envelope.DEAD_LETTER_ID, Long.class));
        log.warn("Broker dead letter from {} ({} {}) stored as dead letter {}", queue, origin.entity(), failure.recordKey(), id);
    }

    private String headers(Message in) {
        try {
            return json.writeValueAsString(Envelope.of(in));
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    /** Where a queue sits in the flow: hub.in.&lt;entity&gt; is canonicalize, hub.out.&lt;target&gt;.&lt;entity&gt; is deliver. */
    record Origin(String stage, String target, String entity) {
        static Origin of(String queue, String entityHeader) {
            String entity = entityHeader == null ? "unknown" : entityHeader;
            if (queue == null) {
                return new Origin("unknown", "hub", entity);
            }
            String q = queue.contains("::") ? queue.substring(queue.indexOf("::") + 2) : queue;
            if (q.startsWith("hub.in.")) {
                return new Origin("canonicalize", "hub", q.substring("hub.in.".length()));
            }
            if (q.startsWith("hub.out.")) {
                String rest = q.substring("hub.out.".length());
                int dot = rest.lastIndexOf('.');
                if (dot > 0) {
                    return new Origin("deliver", rest.substring(0, dot), rest.substring(dot + 1));
                }
            }
            return new Origin("unknown", "hub", entity);
        }
    }
}
