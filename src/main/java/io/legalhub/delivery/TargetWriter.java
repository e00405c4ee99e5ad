package io.legalhub.delivery;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.mapping.MappingLibrary;
import io.legalhub.messaging.Envelope;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.systems.HubSystemsProperties.CreateJob;
import io.legalhub.systems.HubSystemsProperties.EntityEndpoints;
import io.legalhub.systems.HubSystemsProperties.Part;
import io.legalhub.systems.HubSystemsProperties.UpdateMerge;
import io.legalhub.systems.LastReadCopies;
import io.legalhub.systems.PermanentSystemFailure;
import io.legalhub.systems.SystemClient;
import io.legalhub.systems.SystemResponse;
import io.legalhub.systems.TransientSystemFailure;
import io.legalhub.xref.XrefStore;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes one mapped record to one target through its connector: update when the hub knows the target's id for
 * it, otherwise create it in one call. A create intent written before the request makes the next attempt look the
 * record up by its business key first when the outcome is unknown (a crash between "created" and "cross-reference
 * saved", a timeout), so it never creates a second record; a 409 from the target adopts the record it already has. A record the target
 * keeps as several (its connector's {@code parts}) is written part by part, each later part naming the ids the
 * earlier ones got. What each request carries is chosen from the mapped output by the connector's *-body pointers.
 */
@Component
public class TargetWriter {

    private final HubSystemsProperties properties;
    private final SystemClient client;
    private final XrefStore xrefs;
    private final PendingCreateJobs pendingJobs;
    private final CreateIntents intents;
    private final TransactionOperations transactions;
    private final LastReadCopies copies;
    private final MappingLibrary mappings;
    private final ObjectMapper json;

    public TargetWriter(HubSystemsProperties properties, SystemClient client, XrefStore xrefs, PendingCreateJobs pendingJobs,
                        CreateIntents intents, TransactionOperations transactions, LastReadCopies copies, MappingLibrary mappings,
                        ObjectMapper json) {
        this.properties = properties;
        this.client = client;
        this.xrefs = xrefs;
        this.pendingJobs = pendingJobs;
        this.intents = intents;
        this.transactions = transactions;
        this.copies = copies;
        this.mappings = mappings;
        this.json = json;
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

    /** The request a delivery would send, without sending it (for dry runs): the record's own (primary) part. */
    public PlannedRequest plan(String target, String entity, String key, String payload) {
        EntityEndpoints endpoints = properties.system(target).endpoints(target, entity);
        Part part = endpoints.primaryPart();
        String base = properties.system(target).getBaseUrl();
        JsonNode mapped = readMapped(payload);
        if (endpoints.getIdFrom() != null) {
            Operation op = Operation.parse(part.getUpdate());
            return new PlannedRequest(op.method(), base + op.template(), text(select(mapped, part.getUpdateBody(), "update-body")),
                    "update the " + endpoints.getIdFrom() + "'s record ({id} from the hub's cross-reference of the " + endpoints.getIdFrom() + ")");
        }
        Optional<String> id = part.getUpdate() == null ? Optional.empty() : xrefs.systemId(entity, key, target);
        Operation op = id.isPresent() ? Operation.parse(part.getUpdate()) : Operation.parse(part.getCreate());
        String body = text(select(mapped, id.isPresent() ? part.getUpdateBody() : part.getCreateBody(), "body"));
        String note = id.isPresent() ? "update " + id.get() : "create (a replay looks " + key + " up in " + target + " first)";
        if (endpoints.getParts().size() > 1) {
            note += "; the record is written in " + endpoints.getParts().size() + " parts, this is its primary part";
        }
        return new PlannedRequest(op.method(), base + op.template().replace("{key}", key), body, note);
    }

    public record PlannedRequest(String method, String url, String body, String note) {
    }

    private record Written(String targetId, String operation) {
    }

    /**
     * What one write needs: where it goes, the mapped output, the ids known so far (for placeholders), and whether
     * it is an operator's replay or a re-sync after reconciliation (the record may have been made meanwhile, by an
     * attempt or by hand).
     */
    private record Write(String target, String entity, String key, JsonNode mapped, Map<String, String> ids, boolean replay) {
        Map<String, String> withId(String id) {
            Map<String, String> all = new HashMap<>(ids);
            all.put("id", id);
            return all;
        }
    }

    private Written writeRecord(Exchange exchange) {
        Message in = exchange.getIn();
        String target = exchange.getProperty(Envelope.TARGET, String.class);
        String entity = in.getHeader(Envelope.ENTITY, String.class);
        String key = in.getHeader(Envelope.KEY, String.class);
        EntityEndpoints endpoints = properties.system(target).endpoints(target, entity);
        Map<String, String> ids = new HashMap<>();
        TargetReferences.of(exchange).forEach((referenced, id) -> ids.put("targetIds." + referenced, id));
        Write write = new Write(target, entity, key, readMapped(in.getBody(String.class)), ids,
                in.getHeader(Envelope.DEAD_LETTER_ID) != null || Boolean.TRUE.equals(in.getHeader(Envelope.FORCE, Boolean.class)));
        if (endpoints.getIdFrom() != null) {
            return writeOntoReferenced(write, endpoints);
        }
        Written primary = null;
        List<Part> parts = endpoints.writeParts();
        Part primaryPart = parts.stream().filter(Part::isPrimary).findFirst().orElse(parts.get(parts.size() - 1));
        for (Part part : parts) {
            Written written = writePart(write, part);
            if (part.getName() != null) {
                ids.put("parts." + part.getName(), written.targetId());
            }
            if (part == primaryPart) {
                primary = written;
            }
        }
        return primary;
    }

    private Written writePart(Write w, Part part) {
        if (part.getOnPart() != null) {
            String id = w.ids().get("parts." + part.getOnPart());
            if (id == null) {
                throw new IllegalStateException("Part " + part.getName() + " of hub.systems." + w.target() + ".entities." + w.entity()
                        + " is written on part " + part.getOnPart() + ", which is not an earlier part");
            }
            update(w, part, id, w.entity());
            return new Written(id, "updated");
        }
        String xrefEntity = part.isPrimary() || part.getName() == null ? w.entity() : w.entity() + "#" + part.getName();
        if (part.getUpdate() == null && part.getLookup() == null) {
            // append-only target (e.g. conflict searches): every new payload is a new record
            return new Written(create(w, part, xrefEntity), "created");
        }
        Optional<String> targetId = part.isXref() ? xrefs.systemId(xrefEntity, w.key(), w.target()) : Optional.empty();
        if (targetId.isPresent()) {
            return updateOrFound(w, part, targetId.get());
        }
        if (!guardedByIntent(w, part)) {
            return lookUpOrCreate(w, part, xrefEntity, part.getLookup() != null);
        }
        CreateIntents.Claim claim = intents.claim(w.target(), xrefEntity, w.key());
        if (claim == CreateIntents.Claim.OTHER_IN_FLIGHT) {
            throw new CreateInFlight(w.entity() + " " + w.key() + " is being created in " + w.target()
                    + " by another attempt right now; this one waits for its outcome");
        }
        try {
            return lookUpOrCreate(w, part, xrefEntity, claim == CreateIntents.Claim.EARLIER_UNKNOWN);
        } catch (RuntimeException failed) {
            // this attempt is over without an id: the next one need not wait, it looks the record up at once
            try {
                intents.settle(w.target(), xrefEntity, w.key());
            } catch (RuntimeException unsettled) {
                // (the database is away too: the intent stays in flight until its lease ends)
                failed.addSuppressed(unsettled);
            }
            throw failed;
        }
    }

    private Written updateOrFound(Write w, Part part, String id) {
        if (part.getUpdate() == null) {
            return new Written(id, "found");
        }
        update(w, part, id, w.entity());
        return new Written(id, "updated");
    }

    private Written lookUpOrCreate(Write w, Part part, String xrefEntity, boolean lookUpFirst) {
        Optional<String> targetId = lookUpFirst ? lookUpAndLink(w, part, xrefEntity) : Optional.empty();
        if (targetId.isPresent()) {
            return updateOrFound(w, part, targetId.get());
        }
        if (part.getCreate() == null) {
            throw new MissingLink(w.entity() + " " + w.key() + (part.getName() == null ? "" : ": its " + part.getName())
                    + " does not exist in " + w.target() + " and the hub is not set up to create it there"
                    + (part.getLookupBody() == null ? "" : " (looked up with " + text(select(w.mapped(), part.getLookupBody(), "lookup-body")) + ")"));
        }
        try {
            return new Written(create(w, part, xrefEntity), "created");
        } catch (PermanentSystemFailure refused) {
            if (refused.status() == 409 && part.getLookup() != null && part.isXref()) {
                // the target says the record exists already (made by hand, or before the hub): adopt it
                Optional<String> existing = lookUpAndLink(w, part, xrefEntity);
                if (existing.isPresent()) {
                    return updateOrFound(w, part, existing.get());
                }
            }
            throw refused;
        }
    }

    /**
     * A create guarded by an intent, so that it is one call: a part the hub creates, finds by business key and keeps
     * the id of. Without an intent, every create looks the record up first: a replay or a re-sync (the record may
     * have been made meanwhile, by an attempt or by hand), or a system set to look up always.
     */
    private boolean guardedByIntent(Write w, Part part) {
        return part.getLookup() != null && part.getCreate() != null && part.isXref() && !w.replay()
                && properties.system(w.target()).getLookupBeforeCreate() != HubSystemsProperties.LookupBeforeCreate.ALWAYS;
    }

    private Optional<String> lookUpAndLink(Write w, Part part, String xrefEntity) {
        Optional<String> found = lookUp(w, part);
        if (part.isXref() && found.isPresent()) {
            linkCreated(w, xrefEntity, found.get());
        }
        return found;
    }

    /** The record's id is known: saved, and its create intent gone with it, in one commit. */
    private void linkCreated(Write w, String xrefEntity, String id) {
        transactions.executeWithoutResult(tx -> {
            xrefs.link(xrefEntity, w.key(), w.target(), id);
            intents.clear(w.target(), xrefEntity, w.key());
        });
    }

    private void update(Write w, Part part, String id, String entityForMessage) {
        Operation update = Operation.parse(part.getUpdate());
        Map<String, String> values = w.withId(id);
        JsonNode request = BodyPlaceholders.fill(select(w.mapped(), part.getUpdateBody(), "update-body"), values);
        UpdateMerge merge = part.getUpdateMerge();
        try {
            if (merge != null && merge.isReuseLastRead()) {
                Optional<JsonNode> copy = copies.copy(w.target(), entityForMessage, id);
                if (copy.isPresent()) {
                    try {
                        sendUpdate(w, update, values, mergedWith(w, merge, request, copy.get()), entityForMessage, id);
                        return;
                    } catch (PermanentSystemFailure stale) {
                        if (stale.status() != 404 && stale.status() != 409 && stale.status() != 422) {
                            throw stale;
                        }
                        // the copy was out of date: read the record and build the update again
                        copies.forget(w.target(), entityForMessage, id);
                    }
                }
            }
            JsonNode body = merge == null ? request : merged(w, part, id, values, request);
            sendUpdate(w, update, values, body, entityForMessage, id);
        } catch (PermanentSystemFailure failure) {
            if (failure.status() == 404) {
                throw new PermanentSystemFailure(w.target(), 404, w.target() + " has no " + entityForMessage + " " + id
                        + " any more, though the hub's cross-reference points to it; run reconciliation or resolve this by hand");
            }
            throw failure;
        }
    }

    private void sendUpdate(Write w, Operation update, Map<String, String> values, JsonNode body, String entity, String id) {
        SystemResponse answer = client.send(w.target(), update.method(), update.path(w.key(), values), text(body), false);
        if (copies.wanted(w.target(), entity) && answer.body() != null && !answer.body().isBlank()) {
            copies.rememberAnswer(w.target(), entity, id, client.parse(w.target(), answer.body()));
        }
    }

    /** The update body built from the target's current record by the connector's merge mapping. */
    private JsonNode merged(Write w, Part part, String id, Map<String, String> values, JsonNode request) {
        Operation read = Operation.parse(part.getUpdateMerge().getRead());
        SystemResponse current = client.send(w.target(), read.method(), read.path(w.key(), values), null, false);
        return mergedWith(w, part.getUpdateMerge(), request, client.parse(w.target(), current.body()));
    }

    private JsonNode mergedWith(Write w, UpdateMerge merge, JsonNode request, JsonNode current) {
        ObjectNode input = json.createObjectNode();
        input.set("request", request);
        input.set("current", current);
        return mappings.evaluate(w.target(), merge.getMapping(), input);
    }

    private String create(Write w, Part part, String xrefEntity) {
        CreateJob job = part.getCreateJob();
        if (job != null) {
            Optional<String> running = pendingJobs.find(w.target(), xrefEntity, w.key());
            if (running.isPresent()) {
                return finishJob(w, part, xrefEntity, running.get());
            }
        }
        Operation create = Operation.parse(part.getCreate());
        JsonNode body = BodyPlaceholders.fill(select(w.mapped(), part.getCreateBody(), "create-body"), w.ids());
        SystemResponse created;
        try {
            created = client.send(w.target(), create.method(), create.path(w.key(), w.ids()), text(body), false);
        } catch (PermanentSystemFailure refused) {
            if (refused.status() == 400 || refused.status() == 422) {
                // refused outright: nothing was created, so the next attempt need not look for it
                intents.clear(w.target(), xrefEntity, w.key());
            }
            throw refused;
        }
        JsonNode answer = client.parse(w.target(), created.body());
        if (job != null) {
            String jobId = requiredId(w, answer.at(job.getJobId()), created.status(), "a job id at " + job.getJobId());
            pendingJobs.remember(w.target(), xrefEntity, w.key(), jobId);
            // a job just started is not done yet: its first read waits one interval
            pause(job.getInterval());
            return finishJob(w, part, xrefEntity, jobId);
        }
        String id = requiredId(w, answer.at(part.getResponseId() == null ? "" : part.getResponseId()), created.status(),
                "an id at '" + part.getResponseId() + "'");
        if (part.isXref()) {
            linkCreated(w, xrefEntity, id);
        }
        return id;
    }

    /** Follows an asynchronous create until it is done (the record's id), failed (permanent) or out of time (retried). */
    private String finishJob(Write w, Part part, String xrefEntity, String jobId) {
        CreateJob job = part.getCreateJob();
        Operation poll = Operation.parse(job.getPoll());
        Map<String, String> values = new HashMap<>(w.ids());
        values.put("job", jobId);
        long deadline = System.nanoTime() + job.getTimeout().toNanos();
        while (true) {
            SystemResponse response = client.send(w.target(), poll.method(), poll.path(w.key(), values), null, false);
            JsonNode status = client.parse(w.target(), response.body());
            String state = status.at(job.getState()).asText("");
            if (job.getDone().contains(state)) {
                String id = requiredId(w, status.at(job.getResultId()), response.status(), "the new record's id at " + job.getResultId());
                if (part.isXref()) {
                    linkCreated(w, xrefEntity, id);
                }
                pendingJobs.forget(w.target(), xrefEntity, w.key());
                return id;
            }
            if (job.getFailed().contains(state)) {
                pendingJobs.forget(w.target(), xrefEntity, w.key());
                String error = job.getError() == null ? "" : status.at(job.getError()).asText("");
                throw new PermanentSystemFailure(w.target(), response.status(), "the job creating " + w.entity() + " " + w.key()
                        + " ended " + state + (error.isBlank() ? "" : ": " + error));
            }
            if (System.nanoTime() > deadline) {
                throw new TransientSystemFailure(w.target(), response.status(), "the job creating " + w.entity() + " " + w.key()
                        + " (" + jobId + ") is still " + (state.isBlank() ? "running" : state) + " after " + job.getTimeout().toSeconds()
                        + " s; the next attempt follows the same job", null, null);
            }
            pause(job.getInterval());
        }
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientSystemFailure("hub", 0, "interrupted while waiting for a create job", null, e);
        }
    }

    private String requiredId(Write w, JsonNode id, int status, String what) {
        if (id.isMissingNode() || id.isNull() || id.isContainerNode() || id.asText().isBlank()) {
            throw new PermanentSystemFailure(w.target(), status, "created the " + w.entity() + " but its answer has no " + what);
        }
        return id.asText();
    }

    /**
     * The record lives on another record of the target (e.g. a production's summary in its matter's DMS
     * workspace): update that record, whose id {@link TargetReferences} found. No cross-reference is
     * stored for the record itself: the id is the other record's, and it is recorded in delivery state.
     */
    private Written writeOntoReferenced(Write w, EntityEndpoints endpoints) {
        String owner = endpoints.getIdFrom();
        String id = w.ids().get("targetIds." + owner);
        if (id == null) {
            throw new IllegalStateException("Connector hub.systems." + w.target() + ".entities." + w.entity() + " writes onto the "
                    + owner + " (id-from) but declares no reference to it under references." + owner);
        }
        update(w, endpoints.primaryPart(), id, owner);
        return new Written(id, "updated");
    }

    private Optional<String> lookUp(Write w, Part part) {
        Operation lookup = Operation.parse(part.getLookup());
        String body = part.getLookupBody() == null ? null
                : text(BodyPlaceholders.fill(select(w.mapped(), part.getLookupBody(), "lookup-body"), w.ids()));
        SystemResponse found = client.send(w.target(), lookup.method(), lookup.path(w.key(), w.ids()), body, true);
        if (found.status() == 404) {
            return Optional.empty();
        }
        JsonNode id = client.parse(w.target(), found.body()).at(part.getLookupId());
        return id.isMissingNode() || id.isNull() || id.asText().isBlank() ? Optional.empty() : Optional.of(id.asText());
    }

    private JsonNode readMapped(String payload) {
        try {
            return json.readTree(payload == null ? "null" : payload);
        } catch (IOException e) {
            throw new IllegalStateException("the mapped record is not JSON: " + e.getMessage(), e);
        }
    }

    /** The part of the mapped output a request carries, chosen by the connector's pointer ("" = all of it). */
    private static JsonNode select(JsonNode mapped, String pointer, String setting) {
        if (pointer == null || pointer.isEmpty()) {
            return mapped;
        }
        JsonNode body = mapped.at(pointer);
        if (body.isMissingNode()) {
            throw new IllegalStateException("the mapping's output has nothing at " + pointer + " (the connector's " + setting + ")");
        }
        return body;
    }

    private String text(JsonNode body) {
        try {
            return body == null ? null : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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

        /** The path with {key} and every {name} of {@code values} ({id}, {targetIds.x}, {parts.x}, {job}) filled in. */
        String path(String key, Map<String, String> values) {
            String path = template.replace("{key}", encode(key));
            for (Map.Entry<String, String> value : values.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
            }
            return path;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
