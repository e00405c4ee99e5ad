package io.legalhub.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.messaging.Envelope;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.systems.PermanentSystemFailure;
import io.legalhub.systems.SystemClient;
import io.legalhub.systems.SystemResponse;
import io.legalhub.systems.TransientSystemFailure;
import io.legalhub.xref.XrefStore;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Writes one mapped record to one target: update when the hub knows the target's id for it, otherwise
 * look the record up by its business key first (so a crash between "created" and "cross-reference saved"
 * never creates a second record), and create it only if the target really has none.
 */
@Component
public class TargetWriter {

    private final HubSystemsProperties properties;
    private final SystemClient client;
    private final XrefStore xrefs;

    public TargetWriter(HubSystemsProperties properties, SystemClient client, XrefStore xrefs) {
        this.properties = properties;
        this.client = client;
        this.xrefs = xrefs;
    }

    public void write(Exchange exchange) {
        try {
            Written written = writeRecord(exchange);
            exchange.setProperty(Envelope.TARGET_ID, written.targetId());
            exchange.setProperty(Envelope.OPERATION, written.operation());
        } catch (TransientSystemFailure failure) {
            // Camel's redelivery takes its next delay from this header: the target's Retry-After wins.
            failure.retryAfter().ifPresent(wait -> exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, wait.toMillis()));
            throw failure;
        }
    }

    /** The request a delivery would send, without sending it (for dry runs). */
    public PlannedRequest plan(String target, String entity, String key, String payload) {
        HubSystemsProperties.EntityEndpoints endpoints = properties.system(target).endpoints(target, entity);
        if (endpoints.getIdFrom() != null) {
            Operation op = Operation.parse(endpoints.getUpdate());
            return new PlannedRequest(op.method(), properties.system(target).getBaseUrl() + op.template(), payload,
                    "update the " + endpoints.getIdFrom() + "'s record ({id} from the hub's cross-reference of the " + endpoints.getIdFrom() + ")");
        }
        Optional<String> id = endpoints.getUpdate() == null ? Optional.empty() : xrefs.systemId(entity, key, target);
        Operation op = id.isPresent() ? Operation.parse(endpoints.getUpdate()) : Operation.parse(endpoints.getCreate());
        String path = op.path(key, id.orElse(null));
        return new PlannedRequest(op.method(), properties.system(target).getBaseUrl() + path, payload,
                id.isPresent() ? "update " + id.get() : "create (after looking up " + key + " in " + target + ")");
    }

    public record PlannedRequest(String method, String url, String body, String note) {
    }

    private record Written(String targetId, String operation) {
    }

    private Written writeRecord(Exchange exchange) {
        Message in = exchange.getIn();
        String target = exchange.getProperty(Envelope.TARGET, String.class);
        String entity = in.getHeader(Envelope.ENTITY, String.class);
        String key = in.getHeader(Envelope.KEY, String.class);
        String payload = in.getBody(String.class);
        HubSystemsProperties.EntityEndpoints endpoints = properties.system(target).endpoints(target, entity);
        if (endpoints.getIdFrom() != null) {
            return writeOntoReferenced(exchange, target, entity, key, payload, endpoints);
        }

        if (endpoints.getUpdate() == null) {
            // append-only target (e.g. conflict searches): every new payload is a new record
            return new Written(create(target, entity, key, endpoints, payload), "created");
        }
        Optional<String> targetId = xrefs.systemId(entity, key, target);
        if (targetId.isEmpty() && endpoints.getLookup() != null) {
            targetId = lookUp(target, key, endpoints);
            targetId.ifPresent(found -> xrefs.link(entity, key, target, found));
        }
        if (targetId.isPresent()) {
            update(target, entity, key, targetId.get(), endpoints, payload);
            return new Written(targetId.get(), "updated");
        }
        if (endpoints.getCreate() == null) {
            throw new MissingLink(entity + " " + key + " does not exist in " + target + " and the hub is not set up to create it there");
        }
        return new Written(create(target, entity, key, endpoints, payload), "created");
    }

    private void update(String target, String entity, String key, String id, HubSystemsProperties.EntityEndpoints endpoints,
                        String payload) {
        Operation update = Operation.parse(endpoints.getUpdate());
        try {
            client.send(target, update.method(), update.path(key, id), payload, false);
        } catch (PermanentSystemFailure failure) {
            if (failure.status() == 404) {
                throw new PermanentSystemFailure(target, 404, target + " has no " + entity + " " + id
                        + " any more, though the hub's cross-reference points to it; run reconciliation or resolve this by hand");
            }
            throw failure;
        }
    }

    private String create(String target, String entity, String key, HubSystemsProperties.EntityEndpoints endpoints, String payload) {
        Operation create = Operation.parse(endpoints.getCreate());
        SystemResponse created = client.send(target, create.method(), create.path(key, null), payload, false);
        JsonNode id = client.parse(target, created.body()).at(endpoints.getResponseId());
        if (id.isMissingNode() || id.isNull() || id.asText().isBlank()) {
            throw new PermanentSystemFailure(target, created.status(),
                    "created the " + entity + " but its answer has no id at " + endpoints.getResponseId());
        }
        xrefs.link(entity, key, target, id.asText());
        return id.asText();
    }

    /**
     * The record lives on another record of the target (e.g. a production's summary in its matter's DMS
     * workspace): update that record, whose id {@link TargetReferences} found. No cross-reference is
     * stored for the record itself: the id is the other record's, and it is recorded in delivery state.
     */
    private Written writeOntoReferenced(Exchange exchange, String target, String entity, String key, String payload,
                                        HubSystemsProperties.EntityEndpoints endpoints) {
        String owner = endpoints.getIdFrom();
        String id = TargetReferences.of(exchange).get(owner);
        if (id == null) {
            throw new IllegalStateException("Connector hub.systems." + target + ".entities." + entity + " writes onto the "
                    + owner + " (id-from) but declares no reference to it under references." + owner);
        }
        update(target, owner, key, id, endpoints, payload);
        return new Written(id, "updated");
    }

    private Optional<String> lookUp(String target, String key, HubSystemsProperties.EntityEndpoints endpoints) {
        Operation lookup = Operation.parse(endpoints.getLookup());
        SystemResponse found = client.send(target, lookup.method(), lookup.path(key, null), null, true);
        if (found.status() == 404) {
            return Optional.empty();
        }
        JsonNode id = client.parse(target, found.body()).at(endpoints.getLookupId());
        return id.isMissingNode() || id.isNull() || id.asText().isBlank() ? Optional.empty() : Optional.of(id.asText());
    }

    /** "PUT /api/v1/matters/{id}" → method and path template. */
    record Operation(String method, String template) {
        static Operation parse(String spec) {
            if (spec == null || !spec.contains(" ")) {
                throw new IllegalStateException("Connector operation must be 'METHOD /path', got '" + spec + "'");
            }
            int space = spec.indexOf(' ');
            return new Operation(spec.substring(0, space).trim().toUpperCase(), spec.substring(space + 1).trim());
        }

        String path(String key, String id) {
            String path = template.replace("{key}", encode(key));
            return id == null ? path : path.replace("{id}", encode(id));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
