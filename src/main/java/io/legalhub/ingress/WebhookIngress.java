package io.legalhub.ingress;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.messaging.Envelope;
import io.legalhub.messaging.Queues;
import io.legalhub.systems.HubSystemsProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a webhook before anything is queued: the system is known, the signature is right (over the raw
 * bytes, before any parsing), the body is JSON with an event id, a model and a record. Then it turns
 * the webhook into a hub message for the inbound queue of the record's entity.
 */
@Component
public class WebhookIngress {

    /** Header naming the inbound queue the route sends to. */
    public static final String QUEUE = "hubQueue";

    private static final Logger log = LoggerFactory.getLogger(WebhookIngress.class);

    private final HubSystemsProperties properties;
    private final ObjectMapper json;

    public WebhookIngress(HubSystemsProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    public void accept(Exchange exchange) {
        Message in = exchange.getIn();
        String system = in.getHeader("system", String.class);
        HubSystemsProperties.SystemSettings settings = properties.findSystem(system)
                .filter(s -> s.getWebhookSecret() != null && !s.getWebhookSecret().isBlank())
                .orElseThrow(() -> new WebhookRejected(404, "No webhooks are configured for system '" + system + "'"));

        byte[] raw = in.getBody(byte[].class);
        if (raw == null) {
            raw = new byte[0];
        }
        String signature = in.getHeader(settings.getSignatureHeader(), String.class);
        if (signature == null || signature.isBlank()) {
            throw new WebhookRejected(401, "Missing signature header " + settings.getSignatureHeader());
        }
        if (!WebhookSignature.matches(settings.getWebhookSecret(), raw, signature)) {
            throw new WebhookRejected(401, "Signature does not match the body");
        }
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null && !contentType.toLowerCase().contains("json")) {
            throw new WebhookRejected(415, "Content-Type must be application/json, got " + contentType);
        }
        JsonNode event = parse(raw);
        String eventId = requiredText(event, "id");
        String model = requiredText(event, "model");
        JsonNode record = event.get("data");
        if (record == null || !record.isObject()) {
            throw new WebhookRejected(400, "Field 'data' must be an object holding the record");
        }
        String sourceId = record.path("id").asText("");
        if (sourceId.isBlank()) {
            throw new WebhookRejected(400, "Field 'data.id' is missing");
        }

        String entity = settings.getWebhookModels().get(model);
        in.removeHeaders("*");
        in.setHeader(Envelope.EVENT_ID, system + ":" + eventId);
        if (entity == null) {
            in.setHeader(QUEUE, null);
            log.info("Webhook {} from {} for model '{}' ignored: no flow takes that model", eventId, system, model);
            return;
        }
        in.setHeader(QUEUE, Queues.inbound(entity));
        Envelope.stampArrival(in, entity, system, sourceId,
                record.hasNonNull("version") ? record.get("version").asLong() : null, "webhook");
        in.setBody(record.toString());
    }

    private JsonNode parse(byte[] raw) {
        if (raw.length == 0) {
            throw new WebhookRejected(400, "Body is empty; expected a JSON event");
        }
        try {
            JsonNode node = json.readTree(raw);
            if (node == null || !node.isObject()) {
                throw new WebhookRejected(400, "Body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw new WebhookRejected(400, "Malformed JSON" + (where == null ? "" : " at line " + where.getLineNr()
                    + ", column " + where.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new WebhookRejected(400, "Unreadable body: " + e.getMessage());
        }
    }

    private static String requiredText(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new WebhookRejected(400, "Field '" + field + "' is missing");
        }
        return value.asText();
    }
}
