package io.legalhub.delivery;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.messaging.Envelope;
import io.legalhub.xref.XrefStore;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * A {@code prepare} step for records that belong to a matter (invoices): adds {@code matterRef}, the matter's
 * id in the target system, from the hub's cross-reference (entity matter, key = the record's {@code matterKey}),
 * so the mapping can name the matter the way the target wants it. Done at delivery, not at canonicalization,
 * because the id is the target's business, and so that replaying the dead letter of a matter the hub did not
 * know yet finds it once it is known.
 */
@Component("targetMatterRef")
public class TargetMatterRef {

    private final XrefStore xrefs;
    private final ObjectMapper json;

    public TargetMatterRef(XrefStore xrefs, ObjectMapper json) {
        this.xrefs = xrefs;
        this.json = json;
    }

    public void prepare(Exchange exchange) throws IOException {
        String target = exchange.getProperty(Envelope.TARGET, String.class);
        JsonNode record = json.readTree(exchange.getIn().getBody(String.class));
        String matterKey = record.path("matterKey").asText("");
        String matterId = xrefs.systemId("matter", matterKey, target)
                .orElseThrow(() -> new UnknownMatterException(matterKey, target, record.path("entity").asText("record")));
        ((ObjectNode) record).put("matterRef", matterId);
        exchange.getIn().setBody(record.toString());
    }
}
