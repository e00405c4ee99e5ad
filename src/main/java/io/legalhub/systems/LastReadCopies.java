package io.legalhub.systems;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * The last copy of a record the hub read from a system (a webhook's or a poll's record, or the answer to the hub's own
 * update), for an update that is built from the record's current state ({@code update-merge} with
 * {@code reuse-last-read}): the copy stands in for the read, so the update is one call. A copy may be stale (someone
 * changed the record since); the system then refuses the update and the hub reads the record and builds it again.
 * Kept only for the records such an update writes onto, at most {@value #CAPACITY}, in memory: an instance without a
 * copy reads first, as before.
 */
@Component
public class LastReadCopies {

    static final int CAPACITY = 5_000;

    private final Set<String> wanted = new HashSet<>();
    private final ObjectMapper json;
    /** The copy as the system's read answers (or the answer to the hub's own write), and what enrichment read for it. */
    private record Copy(JsonNode answer, Map<String, JsonNode> enrichment) {
    }

    private final Map<String, Copy> copies = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Copy> eldest) {
            return size() > CAPACITY;
        }
    };

    public LastReadCopies(HubSystemsProperties properties, ObjectMapper json) {
        this.json = json;
        properties.getSystems().forEach((system, settings) -> settings.getEntities().forEach((entity, endpoints) -> {
            HubSystemsProperties.UpdateMerge merge = endpoints.getUpdateMerge();
            if (merge != null && merge.isReuseLastRead() && endpoints.getIdFrom() != null) {
                wanted.add(system + '|' + endpoints.getIdFrom());
            }
        }));
    }

    /** Whether copies of this system's records of this entity are of use to anything. */
    public boolean wanted(String system, String entity) {
        return wanted.contains(system + '|' + entity);
    }

    /** A record as read (a list's or a webhook's item), kept as the system's single read answers: {"data": record}. */
    public void remember(String system, String entity, String id, JsonNode record) {
        if (!wanted(system, entity) || id == null || id.isBlank() || !record.isObject()) {
            return;
        }
        ObjectNode answer = json.createObjectNode();
        answer.set("data", record.deepCopy());
        String fingerprint = RecordFingerprint.of(record);
        synchronized (copies) {
            Copy before = copies.get(key(system, entity, id));
            // the same version again (webhook and poll both brought it): what was read for it still holds
            boolean same = before != null && fingerprint != null && fingerprint.equals(RecordFingerprint.of(before.answer().path("data")));
            copies.put(key(system, entity, id), new Copy(answer, same ? before.enrichment() : null));
        }
    }

    /** What the source's enrichment calls brought for the record as last read (e.g. a Clio matter's relationships). */
    public void rememberEnrichment(String system, String entity, String id, Map<String, JsonNode> fields) {
        synchronized (copies) {
            Copy copy = copies.get(key(system, entity, id));
            if (copy != null) {
                copies.put(key(system, entity, id), new Copy(copy.answer(), Map.copyOf(fields)));
            }
        }
    }

    /**
     * The enrichment to reuse for a record that comes back exactly as last read (the same version brought again by
     * webhook and poll), or exactly as the hub's own last write left it (the echo of a write-back: the same etag as the
     * write's answer), so it costs no enrichment calls; empty otherwise. A record's arrivals are handled one after the
     * other (one message group per record), so the second finds what the first read.
     */
    public Optional<Map<String, JsonNode>> enrichmentOfSameVersion(String system, String entity, String id, JsonNode record) {
        String fingerprint = RecordFingerprint.of(record);
        synchronized (copies) {
            Copy copy = copies.get(key(system, entity, id));
            if (fingerprint == null || copy == null || copy.enrichment() == null
                    || !fingerprint.equals(RecordFingerprint.of(copy.answer().path("data")))) {
                return Optional.empty();
            }
            return Optional.of(copy.enrichment());
        }
    }

    /** An answer shaped like the system's single read ({"data": {...}}), e.g. to the hub's own update. */
    public void rememberAnswer(String system, String entity, String id, JsonNode answer) {
        if (wanted(system, entity) && answer != null && answer.path("data").isObject()) {
            synchronized (copies) {
                Copy before = copies.get(key(system, entity, id));
                copies.put(key(system, entity, id), new Copy(answer.deepCopy(), before == null ? null : before.enrichment()));
            }
        }
    }

    public Optional<JsonNode> copy(String system, String entity, String id) {
        synchronized (copies) {
            Copy copy = copies.get(key(system, entity, id));
            return copy == null ? Optional.empty() : Optional.of(copy.answer());
        }
    }

    public void forget(String system, String entity, String id) {
        synchronized (copies) {
            copies.remove(key(system, entity, id));
        }
    }

    private static String key(String system, String entity, String id) {
        return system + '|' + entity + '|' + id;
    }
}
