package io.legalhub.ingress;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.messaging.Envelope;
import io.legalhub.messaging.Queues;
import io.legalhub.subscriptions.SubscriptionStatus;
import io.legalhub.subscriptions.SubscriptionStore;
import io.legalhub.subscriptions.WebhookSubscription;
import io.legalhub.systems.HubSystemsProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a webhook before anything is queued and turns it into a hub message for the inbound queue of the record's
 * entity. Two kinds arrive:
 * <ul>
 *   <li>{@code POST /webhooks/<system>/<ref>}: through a subscription the hub made (Clio). The ref names the
 *       subscription, whose secret checks the signature and whose model says what the record is; a handshake
 *       (the system's secret in its handshake header) is answered by echoing the secret; a ref the hub no longer
 *       uses gets 410, which tells the system to stop;</li>
 *   <li>{@code POST /webhooks/<system>}: a system configured with one fixed secret.</li>
 * </ul>
 * The signature is checked over the raw bytes before any parsing; the system's {@code webhook} format says where the
 * record, model, event and idempotency key are in the body.
 */
@Component
public class WebhookIngress {

    /** Header naming the inbound queue the route sends to. */
    public static final String QUEUE = "hubQueue";
    /** Exchange property holding the secret to echo when the webhook is a subscription's handshake. */
    public static final String HANDSHAKE = "hubHandshake";
    /** Exchange property: the response header the handshake's secret is echoed in. */
    public static final String HANDSHAKE_HEADER = "hubHandshakeHeader";

    private static final Logger log = LoggerFactory.getLogger(WebhookIngress.class);

    private final HubSystemsProperties properties;
    private final SubscriptionStore subscriptions;
    private final ObjectMapper json;

    public WebhookIngress(HubSystemsProperties properties, SubscriptionStore subscriptions, ObjectMapper json) {
        this.properties = properties;
        this.subscriptions = subscriptions;
        this.json = json;
    }

    public void accept(Exchange exchange) {
        Message in = exchange.getIn();
        String[] path = path(in);
        String system = path[0];
        String ref = path[1];
        HubSystemsProperties.SystemSettings settings = properties.findSystem(system)
                .orElseThrow(() -> new WebhookRejected(404, "No webhooks are configured for system '" + system + "'"));
        WebhookSubscription subscription = null;
        String secret;
        if (ref != null) {
            HubSystemsProperties.WebhookSubscriptions config = settings.getWebhookSubscriptions();
            if (config == null) {
                throw new WebhookRejected(404, "System '" + system + "' has no webhook subscriptions");
            }
            subscription = subscriptions.byRef(ref).filter(s -> s.system().equals(system))
                    .orElseThrow(() -> new WebhookRejected(410, "This hub has no webhook subscription " + ref + "; stop sending to it"));
            String handshake = in.getHeader(config.getHandshakeHeader(), String.class);
            if (handshake != null && !handshake.isBlank()) {
                if (!subscriptions.handshake(ref, handshake)) {
                    throw new WebhookRejected(410, "Subscription " + ref + " is no longer wanted by this hub");
                }
                log.info("Handshake of {} {} webhook subscription {} confirmed", system, subscription.model(), subscription.vendorId());
                exchange.setProperty(HANDSHAKE, handshake);
                exchange.setProperty(HANDSHAKE_HEADER, config.getHandshakeHeader());
                in.setHeader(QUEUE, null);
                return;
            }
            if (subscription.status() == SubscriptionStatus.RETIRED || subscription.status() == SubscriptionStatus.FAILED) {
                throw new WebhookRejected(410, "Subscription " + ref + " is no longer wanted by this hub; stop sending to it");
            }
            secret = subscription.secret();
            if (secret == null) {
                throw new WebhookRejected(401, "Subscription " + ref + " has no secret yet (its handshake has not arrived)");
            }
        } else {
            secret = settings.getWebhookSecret();
            if (secret == null || secret.isBlank()) {
                throw new WebhookRejected(404, settings.getWebhookSubscriptions() != null
                        ? "System '" + system + "' sends webhooks only through the hub's subscriptions (/webhooks/" + system + "/<ref>)"
                        : "No webhooks are configured for system '" + system + "'");
            }
        }

        byte[] raw = in.getBody(byte[].class);
        if (raw == null) {
            raw = new byte[0];
        }
        String signature = in.getHeader(settings.getSignatureHeader(), String.class);
        if (signature == null || signature.isBlank()) {
            throw new WebhookRejected(401, "Missing signature header " + settings.getSignatureHeader());
        }
        HubSystemsProperties.WebhookFormat format = settings.getWebhook();
        if (!WebhookSignature.matches(secret, raw, signature, format.getSignatureEncoding())) {
            throw new WebhookRejected(401, "Signature does not match the body");
        }
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null && !contentType.toLowerCase().contains("json")) {
            throw new WebhookRejected(415, "Content-Type must be application/json, got " + contentType);
        }
        JsonNode event = parse(raw);
        JsonNode record = event.at(format.getRecord());
        if (!record.isObject()) {
            throw new WebhookRejected(400, "Field '" + field(format.getRecord()) + "' must be an object holding the record");
        }
        String sourceId = record.path("id").asText("");
        if (sourceId.isBlank()) {
            throw new WebhookRejected(400, "Field '" + field(format.getRecord()) + ".id' is missing");
        }
        String model = subscription != null ? subscription.model() : requiredText(event, format.getModel());
        String eventKey = eventKey(event, format.getEventId());

        String entity = settings.getWebhookModels().get(model);
        in.removeHeaders("*");
        in.setHeader(Envelope.EVENT_ID, system + ":" + eventKey);
        if (subscription != null) {
            subscriptions.delivered(ref);
        }
        if (entity == null) {
            in.setHeader(QUEUE, null);
            log.info("Webhook {} from {} for model '{}' ignored: no flow takes that model", eventKey, system, model);
            return;
        }
        in.setHeader(QUEUE, Queues.inbound(entity));
        Envelope.stampArrival(in, entity, system, sourceId,
                record.hasNonNull("version") && record.get("version").canConvertToLong() ? record.get("version").asLong() : null, "webhook");
        in.setBody(record.toString());
    }

    /** 202 for an event taken in (or known already, or ignored); 200 with the secret echoed for a handshake. */
    public void answer(Exchange exchange) {
        Message out = exchange.getMessage();
        String handshake = exchange.getProperty(HANDSHAKE, String.class);
        if (handshake != null) {
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            out.setHeader(exchange.getProperty(HANDSHAKE_HEADER, String.class), handshake);
        } else {
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        }
    }

    /** {system, ref or null} from /webhooks/{system}[/{ref}]. */
    private static String[] path(Message in) {
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        if (uri == null) {
            uri = in.getHeader(Exchange.HTTP_PATH, "", String.class);
        }
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        int at = path.indexOf("/webhooks/");
        String rest = at < 0 ? path : path.substring(at + "/webhooks/".length());
        String[] parts = rest.split("/");
        if (parts.length == 0 || parts[0].isBlank() || parts.length > 2) {
            throw new WebhookRejected(404, "Webhooks are posted to /webhooks/<system> or /webhooks/<system>/<subscription>");
        }
        return new String[] {parts[0], parts.length == 2 && !parts[1].isBlank() ? parts[1] : null};
    }

    /** The event's idempotency key: the values at the format's pointers, joined (each must be present). */
    private static String eventKey(JsonNode event, List<String> pointers) {
        List<String> values = new ArrayList<>();
        for (String pointer : pointers) {
            values.add(requiredText(event, pointer));
        }
        return String.join("/", values);
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

    private static String requiredText(JsonNode event, String pointer) {
        JsonNode value = event.at(pointer);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            throw new WebhookRejected(400, "Field '" + field(pointer) + "' is missing");
        }
        return value.asText();
    }

    /** "/meta/event" → "meta.event", as a sender reads field names. */
    private static String field(String pointer) {
        return pointer.replaceFirst("^/", "").replace('/', '.');
    }
}
