package io.legalhub.messaging;

/**
 * Names of the message headers that travel with every record through the hub's queues.
 * They are plain JMS properties, so an operator browsing a queue in the broker console sees them too.
 */
public final class Envelope {

    /** Canonical entity type: matter, invoice, document, conflict, production. */
    public static final String ENTITY = "hubEntity";
    /**
     * The record's hub key: for matters the matter number, for documents the DMS document id, for
     * productions {@code <matter number>:<production name>}. Known after canonicalization (productions: from the drop).
     */
    public static final String KEY = "hubKey";
    public static final String SOURCE_SYSTEM = "hubSourceSystem";
    public static final String SOURCE_ID = "hubSourceId";
    public static final String SOURCE_VERSION = "hubSourceVersion";
    /** Assigned once at ingress; identifies one arrival of one record version across all stages. */
    public static final String MESSAGE_ID = "hubMessageId";
    /** The webhook event id, when the record arrived by webhook. */
    public static final String EVENT_ID = "hubEventId";
    /** How the record arrived: webhook, poll, file, replay. */
    public static final String VIA = "hubVia";
    /** Set on a message re-sent by an operator's replay: the dead letter it came from. */
    public static final String DEAD_LETTER_ID = "hubDeadLetterId";
    /**
     * Set (true) on a record an operator asked to re-send after reconciliation: delivered even though the
     * target's last payload hash matches (the target itself drifted). Never overrides the superseded check.
     */
    public static final String FORCE = "hubForce";
    /** JMS message group: all messages of one record go to one consumer, in order. */
    public static final String GROUP = "JMSXGroupID";

    /** Exchange properties (not copied to JMS): where in the flow the exchange is. */
    public static final String STAGE = "hubStage";
    public static final String TARGET = "hubTarget";
    public static final String DECISION = "hubDecision";
    public static final String TARGET_ID = "hubTargetId";
    public static final String OPERATION = "hubOperation";
    public static final String PAYLOAD_HASH = "hubPayloadHash";
    public static final String RECIPIENTS = "hubRecipients";

    private Envelope() {
    }

    public static String group(String entity, String key) {
        return entity + ":" + key;
    }

    /**
     * Stamps a record just taken in from its source system (webhook, poll) with a fresh envelope. The group
     * is the source id, since the hub key is only known once the record is canonical.
     */
    public static void stampArrival(org.apache.camel.Message message, String entity, String system, String sourceId,
                                    Long sourceVersion, String via) {
        message.setHeader(ENTITY, entity);
        message.setHeader(SOURCE_SYSTEM, system);
        message.setHeader(SOURCE_ID, sourceId);
        if (sourceVersion != null) {
            message.setHeader(SOURCE_VERSION, sourceVersion);
        }
        message.setHeader(MESSAGE_ID, java.util.UUID.randomUUID().toString());
        message.setHeader(VIA, via);
        message.setHeader(GROUP, group(entity, system + "/" + sourceId));
    }

    /** The envelope of a message (its hub headers and group), e.g. to keep with a dead letter. */
    public static java.util.Map<String, Object> of(org.apache.camel.Message message) {
        java.util.Map<String, Object> envelope = new java.util.TreeMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (name.startsWith("hub") || name.equals(GROUP)) {
                envelope.put(name, value);
            }
        });
        return envelope;
    }
}
