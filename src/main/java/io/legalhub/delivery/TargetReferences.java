package io.legalhub.delivery;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.canonical.RecordStateStore;
import io.legalhub.messaging.Envelope;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.xref.XrefStore;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Before a record is mapped for a target, finds the target's ids of the records it points to (a
 * document's matter, a production's matter) in the hub's cross-references, as the target's connector
 * declares under {@code references}. They are added to the mapping's input as {@code targetIds}
 * ({@code targetIds.matter}) and kept for the writer. A record the hub does not know at all is a
 * permanent failure that says which record is missing where (the dead letter is replayed once it exists);
 * one the hub knows but has not yet written to this target is retried first.
 */
@Component
public class TargetReferences {

    public static final String FIELD = "targetIds";
    public static final String PROPERTY = "hubTargetIds";
    /** Set when the connector says to hold, not dead-letter, a record whose referenced record is unknown. */
    public static final String HELD = "hubHeld";

    private final HubSystemsProperties properties;
    private final XrefStore xrefs;
    private final RecordStateStore records;
    private final ObjectMapper json;

    public TargetReferences(HubSystemsProperties properties, XrefStore xrefs, RecordStateStore records, ObjectMapper json) {
        this.properties = properties;
        this.xrefs = xrefs;
        this.records = records;
        this.json = json;
    }

    public void resolve(Exchange exchange) throws IOException {
        Message in = exchange.getIn();
        String target = exchange.getProperty(Envelope.TARGET, String.class);
        String entity = in.getHeader(Envelope.ENTITY, String.class);
        HubSystemsProperties.EntityEndpoints endpoints = properties.system(target).endpoints(target, entity);
        Map<String, String> references = endpoints.getReferences();
        if (references.isEmpty()) {
            return;
        }
        JsonNode canonical = json.readTree(in.getBody(String.class));
        String key = canonical.path("key").asText(in.getHeader(Envelope.KEY, String.class));
        Map<String, String> ids = new LinkedHashMap<>();
        try {
            references.forEach((referenced, pointer) -> ids.put(referenced, idIn(target, entity, key, referenced, pointer, canonical)));
        } catch (UnknownReferenceException unknown) {
            if (!"hold".equalsIgnoreCase(endpoints.getWhenReferenceUnknown())) {
                throw unknown;
            }
            exchange.setProperty(HELD, unknown.getMessage().replaceFirst(" Once the .*", ""));
            return;
        }
        ObjectNode withIds = ((ObjectNode) canonical).deepCopy();
        ObjectNode field = withIds.putObject(FIELD);
        ids.forEach(field::put);
        exchange.setProperty(PROPERTY, ids);
        in.setBody(json.writeValueAsString(withIds));
    }

    private String idIn(String target, String entity, String key, String referenced, String pointer, JsonNode canonical) {
        JsonNode value = canonical.at(pointer);
        if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
            throw new UnknownReferenceException(entity + " " + key + " names no " + referenced + " (" + pointer
                    + " is empty), so it cannot be recorded in " + target, pointer);
        }
        String referencedKey = value.asText();
        Optional<String> id = xrefs.systemId(referenced, referencedKey, target);
        if (id.isPresent()) {
            return id.get();
        }
        String consequence = ", so the " + entity + " cannot be recorded in " + target
                + ". Once the " + referenced + " is in " + target + ", replay this dead letter.";
        if (records.find(referenced, referencedKey).isPresent()) {
            // its delivery to the target is probably under way: worth retrying
            throw new PendingReferenceException(entity + " " + key + " belongs to " + referenced + " " + referencedKey
                    + ", which the hub knows but has not yet recorded in " + target + consequence, pointer);
        }
        throw new UnknownReferenceException(entity + " " + key + " belongs to " + referenced + " " + referencedKey
                + ", but the hub does not know " + referenced + " " + referencedKey + consequence, pointer);
    }

    /** The ids {@link #resolve} found, by referenced entity; empty when the connector declares none. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> of(Exchange exchange) {
        Map<String, String> ids = exchange.getProperty(PROPERTY, Map.class);
        return ids == null ? Map.of() : ids;
    }
}
