package io.legalhub.deadletter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.canonical.ContentHash;
import io.legalhub.canonical.FanOut;
import io.legalhub.delivery.DeliveryStateStore;
import io.legalhub.delivery.TargetWriter;
import io.legalhub.messaging.Stage;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.xref.XrefStore;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Dry run of a replay: what the stage would do with the dead letter's payload now, without doing it.
 * For a delivery, the exact request the target would get (method, URL, body), or why nothing would be
 * sent; for canonicalization, the canonical record and the targets it would go to.
 */
@Service
public class ReplayPreview {

    private final DeadLetterStore store;
    private final ProducerTemplate producer;
    private final TargetWriter writer;
    private final DeliveryStateStore states;
    private final XrefStore xrefs;
    private final FanOut fanOut;
    private final HubSystemsProperties properties;
    private final ObjectMapper json;
    private final String mappingsDir;

    public ReplayPreview(DeadLetterStore store, ProducerTemplate producer, TargetWriter writer, DeliveryStateStore states,
                         XrefStore xrefs, FanOut fanOut, HubSystemsProperties properties, ObjectMapper json,
                         @Value("${hub.mappings-dir}") String mappingsDir) {
        this.store = store;
        this.producer = producer;
        this.writer = writer;
        this.states = states;
        this.xrefs = xrefs;
        this.fanOut = fanOut;
        this.properties = properties;
        this.json = json;
        this.mappingsDir = mappingsDir;
    }

    public Map<String, Object> preview(long id) {
        DeadLetter dl = store.get(id);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("deadLetterId", id);
        result.put("stage", dl.stage());
        result.put("target", dl.target());
        try {
            if (Stage.of(dl.stage()) == Stage.DELIVER) {
                previewDelivery(dl, result);
            } else {
                previewCanonicalize(dl, result);
            }
        } catch (RuntimeException e) {
            result.put("wouldSend", false);
            result.put("outcome", "would fail");
            result.put("error", rootMessage(e));
        }
        return result;
    }

    private void previewDelivery(DeadLetter dl, Map<String, Object> result) throws RuntimeException {
        ObjectNode canonical = (ObjectNode) read(dl.body());
        String key = canonical.path("key").asText(dl.recordKey());
        ObjectNode links = canonical.putObject("links");
        xrefs.forRecord(dl.entityType(), key).forEach(x -> links.put(x.system(), x.systemId()));
        String mapping = "mappings/" + dl.target() + "/canonical-to-" + dl.entityType() + ".jsonata";
        String payload = producer.requestBody("jsonata:file:" + mappingsDir + "/" + dl.target() + "/canonical-to-" + dl.entityType()
                + ".jsonata?inputType=JsonString&outputType=JsonString", canonical.toString(), String.class);
        result.put("mapping", mapping);
        long version = canonical.at("/source/version").asLong(dl.sourceVersion() == null ? 0 : dl.sourceVersion());
        var last = states.find(dl.entityType(), key, dl.target());
        if (last.isPresent() && version < last.get().sourceVersion()) {
            result.put("wouldSend", false);
            result.put("outcome", "superseded: " + dl.target() + " already has version " + last.get().sourceVersion()
                    + "; this dead letter carries version " + version);
            return;
        }
        if (last.isPresent() && ContentHash.ofJson(payload).equals(last.get().contentHash())) {
            result.put("wouldSend", false);
            result.put("outcome", "unchanged: " + dl.target() + " already has exactly this content");
            return;
        }
        TargetWriter.PlannedRequest request = writer.plan(dl.target(), dl.entityType(), key, payload);
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", request.method());
        http.put("url", request.url());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        String token = properties.system(dl.target()).getToken();
        if (token != null && !token.isBlank()) {
            headers.put("Authorization", "Bearer ********");
        }
        http.put("headers", headers);
        http.put("body", read(payload));
        result.put("wouldSend", true);
        result.put("outcome", request.note());
        result.put("request", http);
    }

    private void previewCanonicalize(DeadLetter dl, Map<String, Object> result) {
        String source = dl.sourceSystem();
        Path mapping = Path.of(mappingsDir, source == null ? "-" : source, dl.entityType() + "-to-canonical.jsonata");
        if (source == null || !Files.exists(mapping)) {
            result.put("wouldSend", false);
            result.put("outcome", "replay re-runs " + dl.stage() + " for " + dl.entityType() + "; no JSONata mapping to preview");
            return;
        }
        String canonical = producer.requestBody("jsonata:file:" + mapping + "?inputType=JsonString&outputType=JsonString",
                dl.body(), String.class);
        JsonNode node = read(canonical);
        FanOut.Plan plan = fanOut.plan(dl.entityType(), node);
        result.put("mapping", "mappings/" + source + "/" + dl.entityType() + "-to-canonical.jsonata");
        result.put("canonical", node);
        result.put("wouldSend", !plan.targets().isEmpty());
        result.put("outcome", plan.targets().isEmpty() ? "would go to no target" : "would go to " + String.join(", ", plan.targets()));
        result.put("targets", plan.targets());
        result.put("heldBack", plan.skipped());
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

}
