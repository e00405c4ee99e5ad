package io.legalhub.deadletter;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.journal.Journal;
import io.legalhub.journal.JournalEntry;
import io.legalhub.journal.Step;
import io.legalhub.messaging.Envelope;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.jsonvalidator.JsonValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Called by the routes' error handling once a message cannot go further: stores it, exactly as it was
 * received at the failing stage, with the error, its cause chain and the attempt count. If storing fails,
 * the exception propagates and the JMS transaction rolls back, so the message stays on its queue.
 */
@Component("deadLetters")
public class DeadLetterRecorder {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecorder.class);

    private final DeadLetterStore store;
    private final Journal journal;
    private final ObjectMapper json;
    private final int maxRedeliveries;

    public DeadLetterRecorder(DeadLetterStore store, Journal journal, ObjectMapper json,
                              @Value("${hub.retry.max-redeliveries}") int maxRedeliveries) {
        this.store = store;
        this.journal = journal;
        this.json = json;
        this.maxRedeliveries = maxRedeliveries;
    }

    /**
     * A transient failure whose retries are over. Camel also ends the retries of a message when its route stops
     * ({@code allowRedeliveryWhileStopping: false}), which is no verdict on the message: one that has not used its
     * retry budget is then rolled back onto its queue (the exchange is marked rollback-only, so the JMS transaction
     * rolls back) instead of becoming a dead letter. Seen as dead letters "after 4 attempts" with a budget of 300 when a hub stopped
     * while billing was down.
     */
    public void transientExhausted(Exchange exchange) {
        int attempts = 1 + redeliveries(exchange);
        if (attempts <= maxRedeliveries) {
            log.info("Stopped retrying {} {} after {} of {} attempts (the hub is stopping): back onto its queue",
                    exchange.getIn().getHeader(Envelope.ENTITY), exchange.getIn().getHeader(Envelope.KEY), attempts, maxRedeliveries + 1);
            exchange.setRollbackOnly(true);
            return;
        }
        record(exchange, FailureKind.TRANSIENT);
    }

    private static int redeliveries(Exchange exchange) {
        Integer counter = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        if (counter == null) {
            counter = exchange.getProperty(RedeliveryCounter.REDELIVERIES, Integer.class);
        }
        return counter == null ? 0 : counter;
    }

    public void permanent(Exchange exchange) {
        record(exchange, FailureKind.PERMANENT);
    }

    private void record(Exchange exchange, FailureKind kind) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Message original = exchange.getUnitOfWork() != null && exchange.getUnitOfWork().getOriginalInMessage() != null
                ? exchange.getUnitOfWork().getOriginalInMessage() : exchange.getIn();
        Message current = exchange.getIn();

        String messageId = header(current, original, Envelope.MESSAGE_ID);
        if (messageId == null) {
            messageId = UUID.randomUUID().toString();
        }
        String entity = orDefault(header(current, original, Envelope.ENTITY), "unknown");
        String key = header(current, original, Envelope.KEY);
        if (key == null) {
            key = canonicalKey(current, entity);
        }
        if (key == null) {
            key = header(current, original, Envelope.SOURCE_ID);
        }
        String stage = orDefault(exchange.getProperty(Envelope.STAGE, String.class), "unknown");
        String target = orDefault(exchange.getProperty(Envelope.TARGET, String.class), "hub");
        Integer redeliveries = current.getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        if (redeliveries == null) {
            // Camel has removed its header by now; RedeliveryCounter kept the count
            redeliveries = exchange.getProperty(RedeliveryCounter.REDELIVERIES, Integer.class);
        }
        int attempts = 1 + (redeliveries == null ? 0 : redeliveries);

        Pinpoint where = pinpoint(error);
        Failure failure = new Failure(
                messageId, entity, key, original.getHeader(Envelope.SOURCE_VERSION, Long.class),
                header(current, original, Envelope.SOURCE_SYSTEM), target, stage,
                exchange.getFromRouteId(), isMappingFailure(error) || error instanceof JsonValidationException
                        ? failureEndpoint(exchange) : null, kind,
                error == null ? "unknown" : error.getClass().getName(),
                plainMessage(error, kind, attempts, failureEndpoint(exchange)),
                causeChain(error), where.line(), where.field(), attempts,
                original.getBody(String.class), headersJson(original));

        Long replayOf = original.getHeader(Envelope.DEAD_LETTER_ID, Long.class);
        long id = store.recordFailure(failure, replayOf);
        if (key != null) {
            journal.record(JournalEntry.of(entity, key, Step.FAILED).system(target)
                    .version(original.getHeader(Envelope.SOURCE_VERSION, Long.class)).message(messageId)
                    .detail("dead letter " + id + ": " + failure.errorMessage()));
        }
        log.warn("Dead-lettered {} {} at {} for {} after {} attempt(s): {} (dead letter {})",
                entity, key, stage, target, attempts, error == null ? "unknown" : error.getClass().getSimpleName(), id);
    }

    private static String plainMessage(Throwable error, FailureKind kind, int attempts, String endpoint) {
        String message = error == null ? "unknown error" : describe(error, endpoint);
        return kind == FailureKind.TRANSIENT ? message + " (gave up after " + attempts + " attempts)" : message;
    }

    private static String describe(Throwable error, String endpoint) {
        String file = resourceOf(endpoint);
        if (error instanceof JsonValidationException invalid) {
            List<String> problems = new ArrayList<>();
            invalid.getErrors().forEach(e -> problems.add(e.getMessage()));
            return "The record does not match the schema " + file + ": " + String.join("; ", problems);
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (isMappingFailure(error)) {
            return "Mapping " + file + " failed: " + message;
        }
        return message;
    }

    private static boolean isMappingFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.dashjoin.jsonata.JException) {
                return true;
            }
        }
        return false;
    }

    /** "jsonata://file:mappings/x/y.jsonata?inputType=..." → "mappings/x/y.jsonata". */
    private static String resourceOf(String endpoint) {
        if (endpoint == null) {
            return "";
        }
        String s = endpoint.replaceFirst("^[a-z-]+:(//)?", "").replaceFirst("^(file|classpath):", "");
        int query = s.indexOf('?');
        s = query >= 0 ? s.substring(0, query) : s;
        return s.startsWith("./") ? s.substring(2) : s;
    }

    static String causeChain(Throwable error) {
        StringBuilder chain = new StringBuilder();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (!chain.isEmpty()) {
                chain.append("\ncaused by: ");
            }
            chain.append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return chain.toString();
    }

    private record Pinpoint(Integer line, String field) {
    }

    private static Pinpoint pinpoint(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Pinpointed p) {
                return new Pinpoint(p.failedLine(), p.failedField());
            }
            if (t instanceof JsonValidationException invalid && !invalid.getErrors().isEmpty()) {
                var first = invalid.getErrors().iterator().next();
                String location = String.valueOf(first.getInstanceLocation());
                return new Pinpoint(null, first.getProperty() == null ? location : location + "." + first.getProperty());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new Pinpoint(null, null);
    }

    private static String failureEndpoint(Exchange exchange) {
        Object endpoint = exchange.getProperty(Exchange.FAILURE_ENDPOINT);
        if (endpoint == null) {
            endpoint = exchange.getProperty(Exchange.TO_ENDPOINT);
        }
        return endpoint == null ? null : org.apache.camel.util.URISupport.sanitizeUri(endpoint.toString());
    }

    /**
     * A record that was mapped but then failed its schema check has no key header yet, but the mapped
     * canonical record names its key: use it, so the dead letter and the trail carry the matter number an
     * operator searches for rather than the source system's internal id.
     */
    private String canonicalKey(Message current, String entity) {
        String body = current.getBody(String.class);
        if (body == null || !body.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            var node = json.readTree(body);
            var key = node.path("key");
            return entity.equals(node.path("entity").asText()) && key.isTextual() && !key.asText().isBlank() ? key.asText() : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private String headersJson(Message message) {
        try {
            return json.writeValueAsString(Envelope.of(message));
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private static String header(Message current, Message original, String name) {
        String value = current.getHeader(name, String.class);
        return value != null ? value : original.getHeader(name, String.class);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
