package io.legalhub.ingress;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Turns an ingress failure into a clear HTTP answer for the sender; never a stack trace. */
@Component
public class IngressErrors {

    private static final Logger log = LoggerFactory.getLogger(IngressErrors.class);

    private final ObjectMapper json;

    public IngressErrors(ObjectMapper json) {
        this.json = json;
    }

    public void rejected(Exchange exchange) throws JsonProcessingException {
        WebhookRejected rejected = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, WebhookRejected.class);
        log.info("Webhook refused with {}: {}", rejected.status(), rejected.getMessage());
        answer(exchange, rejected.status(), "rejected", rejected.getMessage());
    }

    /** Anything else (typically the broker not accepting the message): the sender should retry later. */
    public void notPersisted(Exchange exchange) throws JsonProcessingException {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        log.error("Webhook could not be queued: {}", error == null ? "unknown" : error.toString());
        exchange.getMessage().setHeader("Retry-After", "30");
        answer(exchange, 503, "unavailable", "The hub could not store this event just now; nothing was accepted. Retry later.");
    }

    private void answer(Exchange exchange, int status, String outcome, String message) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", outcome);
        body.put("message", message);
        exchange.getMessage().removeHeaders("hub*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(json.writeValueAsString(body));
    }
}
