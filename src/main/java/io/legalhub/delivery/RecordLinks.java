package io.legalhub.delivery;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.messaging.Envelope;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.xref.XrefStore;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Hands a target's mapping the record's ids in the other systems ({@code links.dms}, {@code links."matter-management"}…),
 * so one system's record can point at another's (the e-discovery workspace at the DMS workspace). A target
 * that {@code requires} a system waits, with the usual retries, until the record exists there.
 */
@Component("links")
public class RecordLinks {

    private final XrefStore xrefs;
    private final HubSystemsProperties properties;
    private final ObjectMapper json;

    public RecordLinks(XrefStore xrefs, HubSystemsProperties properties, ObjectMapper json) {
        this.xrefs = xrefs;
        this.properties = properties;
        this.json = json;
    }

    public void enrich(Exchange exchange) throws IOException {
        String target = exchange.getProperty(Envelope.TARGET, String.class);
        String entity = exchange.getIn().getHeader(Envelope.ENTITY, String.class);
        String key = exchange.getIn().getHeader(Envelope.KEY, String.class);
        JsonNode body = json.readTree(exchange.getIn().getBody(String.class));
        if (!(body instanceof ObjectNode record)) {
            return;
        }
        ObjectNode links = record.putObject("links");
        xrefs.forRecord(entity, key).forEach(x -> links.put(x.system(), x.systemId()));
        List<String> required = properties.findSystem(target)
                .map(s -> s.getEntities().get(entity))
                .map(HubSystemsProperties.EntityEndpoints::getRequires)
                .orElse(List.of());
        for (String system : required) {
            if (!links.hasNonNull(system)) {
                throw new PrerequisiteMissing(entity + " " + key + " is not in " + system + " yet; " + target + " needs it first");
            }
        }
        exchange.getIn().setBody(json.writeValueAsString(record));
    }
}
