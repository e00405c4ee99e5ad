package io.legalhub.canonical;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.messaging.Envelope;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.systems.LastReadCopies;
import io.legalhub.systems.HubSystemsProperties.Enrichment;
import io.legalhub.systems.SystemClient;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Completes a source record before it is mapped, as its system's {@code sources.<entity>.enrich} says: e.g. a Clio
 * matter carries its relationships without their contacts, so the hub reads them from the relationships list and
 * puts them on the record. Same call for a webhook's record and a polled one, so both map alike. A source that is
 * down is retried like any other outage.
 */
@Component
public class SourceEnrichment {

    private final HubSystemsProperties properties;
    private final SystemClient client;
    private final ObjectMapper json;
    private final LastReadCopies copies;

    public SourceEnrichment(HubSystemsProperties properties, SystemClient client, ObjectMapper json, LastReadCopies copies) {
        this.copies = copies;
        this.properties = properties;
        this.client = client;
        this.json = json;
    }

    public void enrich(Exchange exchange) throws IOException {
        Message in = exchange.getIn();
        String system = in.getHeader(Envelope.SOURCE_SYSTEM, String.class);
        String entity = in.getHeader(Envelope.ENTITY, String.class);
        HubSystemsProperties.SourceEntity source = system == null ? null
                : properties.findSystem(system).map(s -> s.getSources().get(entity)).orElse(null);
        boolean keepCopy = system != null && copies.wanted(system, entity);
        if (!keepCopy && (source == null || source.getEnrich().isEmpty())) {
            return;
        }
        JsonNode body = json.readTree(in.getBody(String.class));
        if (!(body instanceof ObjectNode record) || !record.hasNonNull("id")) {
            return;
        }
        String id = record.get("id").asText();
        // the same version again, or the echo of the hub's own write-back (the etag of the write's answer), brings
        // nothing the last read lacked
        Optional<Map<String, JsonNode>> reused = keepCopy ? copies.enrichmentOfSameVersion(system, entity, id, record) : Optional.empty();
        if (keepCopy) {
            copies.remember(system, entity, id, record);
        }
        if (source == null || source.getEnrich().isEmpty()) {
            return;
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (reused.isPresent() && reused.get().keySet().equals(source.getEnrich().keySet())) {
            fields.putAll(reused.get());
        } else {
            for (Map.Entry<String, Enrichment> field : source.getEnrich().entrySet()) {
                String call = field.getValue().getCall();
                String method = call.substring(0, call.indexOf(' ')).trim();
                String path = call.substring(call.indexOf(' ') + 1).trim().replace("{id}", id);
                JsonNode answer = client.parse(system, client.send(system, method, path, null, false).body());
                fields.put(field.getKey(), answer.at(field.getValue().getItems()));
            }
        }
        fields.forEach(record::set);
        if (keepCopy) {
            copies.rememberEnrichment(system, entity, id, fields);
        }
        in.setBody(json.writeValueAsString(record));
    }
}
