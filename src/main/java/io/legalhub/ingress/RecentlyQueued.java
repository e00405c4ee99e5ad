package io.legalhub.ingress;

import java.util.LinkedHashMap;
import java.util.Map;

import io.legalhub.messaging.Envelope;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The version of each source record this instance last put on the broker (by webhook or by poll), so a poll that
 * lists a record a webhook has just brought, in the very same version, does not queue it again, nor does a webhook
 * bring again what a poll has just queued: no second enrichment call, no second canonicalization. Only a version known to be on the broker is remembered (after the
 * send); an instance that does not remember (another instance, after a restart) simply queues it again, which the
 * delivery state makes harmless.
 */
@Component
public class RecentlyQueued {

    /** Set on an arriving record: what changes whenever the record changes (see {@link PassOverlap#fingerprint}). */
    public static final String FINGERPRINT = "hubFingerprint";
    static final int CAPACITY = 20_000;

    private final Map<String, String> versions = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Called once the record's message is on the broker. */
    public void queued(Exchange exchange) {
        Message in = exchange.getIn();
        String fingerprint = exchange.getProperty(FINGERPRINT, String.class);
        String sourceId = in.getHeader(Envelope.SOURCE_ID, String.class);
        if (fingerprint == null || sourceId == null || sourceId.isBlank()) {
            return;
        }
        String key = key(in.getHeader(Envelope.SOURCE_SYSTEM, String.class), in.getHeader(Envelope.ENTITY, String.class), sourceId);
        synchronized (versions) {
            versions.put(key, fingerprint);
        }
    }

    /** Sets {@code hubAlreadyQueued} on an arriving record whose very version this instance has queued already. */
    public void checkArrival(Exchange exchange) {
        Message in = exchange.getIn();
        exchange.setProperty("hubAlreadyQueued", isQueued(in.getHeader(Envelope.SOURCE_SYSTEM, String.class),
                in.getHeader(Envelope.ENTITY, String.class), in.getHeader(Envelope.SOURCE_ID, String.class),
                exchange.getProperty(FINGERPRINT, String.class)));
    }

    public boolean isQueued(String system, String entity, String sourceId, String fingerprint) {
        if (fingerprint == null) {
            return false;
        }
        synchronized (versions) {
            return fingerprint.equals(versions.get(key(system, entity, sourceId)));
        }
    }

    private static String key(String system, String entity, String sourceId) {
        return system + '|' + entity + '|' + sourceId;
    }

    /** Forgets every version, as a restart does (the next listing of each record queues it again). */
    public void clear() {
        synchronized (versions) {
            versions.clear();
        }
    }
}
