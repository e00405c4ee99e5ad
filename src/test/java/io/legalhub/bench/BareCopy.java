package io.legalhub.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.support.SandboxClient;

/**
 * The least a sync of new matters must do, written straight: page the matters out of matter management, and for each
 * (on {@code threads} threads) read its relationships (the parties), create the conflict search, the billing matter
 * and the DMS workspace — and, for a litigation matter, the Relativity matter, its workspace (a job, polled) and the
 * workspace's link to the DMS — then write the conflict result back onto the matter. The requests are the hub's
 * (same paths, same bodies as its mappings make, see mappings/), without its lookups before each create, and with no
 * broker, no database and no retry: a benchmark's yardstick, not an integration.
 */
final class BareCopy {

    /** The fields the hub reads of a matter (hub.systems.matter-management.settings.matter-fields). */
    static final String MATTER_FIELDS = "id,etag,display_number,description,status,open_date,close_date,billable,client_reference,"
            + "updated_at,client{id,name,type,ledes_client_id},practice_area{id,name},responsible_attorney{id,name,email},"
            + "originating_attorney{id,name,email},custom_field_values{id,value,custom_field}";
    private static final Map<String, String> ROLES = Map.of("Client", "client", "Adverse Party", "adverse-party",
            "Opposing Party", "adverse-party", "Opposing Counsel", "opposing-counsel", "Related Party", "related-party",
            "Co-Counsel", "co-counsel", "Witness", "witness", "Expert", "expert", "Judge", "judge");
    private static final Map<String, String> CONFLICT_ROLES = Map.of("client", "CLIENT", "adverse-party", "OPPOSING_PARTY",
            "opposing-counsel", "OPPOSING_COUNSEL", "related-party", "RELATED_PARTY", "co-counsel", "CO_COUNSEL",
            "witness", "WITNESS", "expert", "EXPERT", "judge", "JUDGE");
    private static final String OBJECTS = "/Relativity.REST/api/Relativity.ObjectManager/v1/workspace/-1/object";
    // the hub's settings (config/application.yaml) for the sandbox's installation
    private static final long CF_STATUS = 3001;
    private static final long CF_SEARCH_ID = 3002;
    private static final long CF_NOTE = 3003;
    private static final int MATTER_ACTIVE = 671;
    private static final int MATTER_INACTIVE = 672;
    private static final int WORKSPACE_ACTIVE = 675;
    private static final int WORKSPACE_ARCHIVED = 677;
    private static final int WORKSPACE_TEMPLATE = 1015101;

    record Result(int matters, int litigation, long nanos) {
    }

    private final SystemsApi api;
    private final int threads;

    BareCopy(SystemsApi api, int threads) {
        this.api = api;
        this.threads = threads;
    }

    /** Copies every matter whose number contains {@code prefix}; throws on the first failed call. */
    Result run(String prefix, Progress progress) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger litigation = new AtomicInteger();
        List<Future<?>> copies = new ArrayList<>();
        try {
            JsonNode page = api.clio("GET", "/api/v4/matters.json?fields=" + MATTER_FIELDS + "&order=id(asc)&limit=200&query="
                    + SystemsApi.enc(prefix), null);
            while (true) {
                for (JsonNode matter : page.path("data")) {
                    copies.add(pool.submit(() -> {
                        if (copy(matter)) {
                            litigation.incrementAndGet();
                        }
                        progress.done();
                        return null;
                    }));
                }
                String next = page.at("/meta/paging/next").asText(null);
                if (next == null) {
                    break;
                }
                page = api.clioUrl(next);
            }
            pool.shutdown();
            if (!pool.awaitTermination(Math.max(10, copies.size() / 10), TimeUnit.MINUTES)) {
                throw new IllegalStateException("the bare copy of " + prefix + " did not finish in time");
            }
            for (Future<?> copy : copies) {
                copy.get(1, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(copies.size(), litigation.get(), System.nanoTime() - start);
    }

    /** One matter into every system; true when it was a litigation matter (and so went to e-discovery too). */
    private boolean copy(JsonNode m) {
        long id = m.path("id").asLong();
        String number = m.path("display_number").asText();
        String name = m.path("description").asText();
        JsonNode client = m.path("client");
        String clientNumber = client.hasNonNull("ledes_client_id") ? client.get("ledes_client_id").asText() : "C-" + client.path("id").asText();
        String clientName = client.path("name").asText();
        String practiceArea = m.at("/practice_area/name").asText(null);
        boolean closed = m.path("status").asText().equalsIgnoreCase("closed");
        String attorney = m.at("/responsible_attorney/name").asText(null);

        // the parties: the client, then the matter's other relationships with their contacts
        JsonNode relationships = api.clio("GET", "/api/v4/relationships.json?matter_id=" + id
                + "&fields=id,description,contact{id,name,type}&limit=200", null).path("data");
        List<String[]> parties = new ArrayList<>();
        parties.add(new String[]{clientName, "CLIENT"});
        for (JsonNode r : relationships) {
            if (r.at("/contact/id").asLong() != client.path("id").asLong()) {
                String role = ROLES.getOrDefault(r.path("description").asText(), "other");
                parties.add(new String[]{r.at("/contact/name").asText(), CONFLICT_ROLES.getOrDefault(role, "OTHER")});
            }
        }
        parties.sort(Comparator.comparing(p -> p[0] + "|" + p[1]));
        ObjectNode search = object().put("reference", number).put("requested_by", "legal-hub");
        ArrayNode partyArray = search.putArray("parties");
        parties.forEach(p -> partyArray.addObject().put("name", p[0]).put("role", p[1]));
        JsonNode result = api.conflicts("POST", "/api/v1/searches", search);

        ObjectNode billing = object().put("number", number).put("name", name).put("client_number", clientNumber)
                .put("client_name", clientName).put("status", closed ? "CLOSED" : "OPEN");
        if (attorney != null) {
            billing.put("billing_attorney", attorney);
        }
        if (practiceArea != null) {
            billing.put("practice_area", practiceArea);
        }
        billing.set("open_date", m.path("open_date"));
        billing.set("close_date", m.path("close_date"));
        billing.put("billable", !m.path("billable").isBoolean() || m.path("billable").asBoolean()).put("external_ref", number);
        api.billing("POST", "/api/v1/matters", billing);

        String workspaceName = (clientName + " - " + number + " - " + name);
        ObjectNode workspace = object().put("libraryId", "LEGAL").put("templateId", "LEGAL!12").put("createChildren", "All Folders")
                .put("name", workspaceName.substring(0, Math.min(254, workspaceName.length())))
                .put("description", name.substring(0, Math.min(254, name.length())))
                .put("custom1", clientNumber).put("custom2", number);
        if (practiceArea != null && !practiceArea.isEmpty()) {
            workspace.put("custom3", practiceArea);
        }
        workspace.put("custom25", closed);
        String dmsId = api.dms("POST", "/automate/work/createWorkspace", workspace).at("/data/id").asText();

        boolean litigation = "Litigation".equals(practiceArea);
        if (litigation) {
            ediscovery(number, name, clientName, clientNumber, practiceArea, attorney, closed, dmsId);
        }

        api.clio("PATCH", "/api/v4/matters/" + id + ".json", conflictUpdate(m, result));
        return litigation;
    }

    /** Relativity: the client found, the matter created under it, its workspace made by a job, then linked to the DMS. */
    private void ediscovery(String number, String name, String clientName, String clientNumber, String practiceArea, String attorney,
                            boolean closed, String dmsId) {
        long clientId = api.relativity("POST", OBJECTS + "/query?start=1&length=1",
                query(5, "'Client Number' == " + quoted(clientNumber))).at("/Objects/0/ArtifactID").asLong();
        String notes = "Client " + clientName + " (" + clientNumber + "); responsible attorney " + (attorney != null ? attorney : "unassigned");
        String keywords = practiceArea != null ? practiceArea : "";
        ObjectNode matter = object();
        ObjectNode request = matter.putObject("MatterRequest").put("Name", name.substring(0, Math.min(255, name.length()))).put("Number", number);
        request.putObject("Client").put("Secured", false).putObject("Value").put("ArtifactID", clientId);
        request.putObject("Status").put("Secured", false).putObject("Value").put("ArtifactID", closed ? MATTER_INACTIVE : MATTER_ACTIVE);
        request.put("Keywords", keywords).put("Notes", notes);
        long matterId = api.relativity("POST", "/Relativity.REST/api/relativity-environment/v1/workspaces/-1/matters", matter).asLong();

        String workspaceName = number + " - " + name;
        ObjectNode workspace = object().put("Name", workspaceName.substring(0, Math.min(50, workspaceName.length())))
                .put("UseCase", "Litigation").put("MatterArtifactId", matterId)
                .put("StatusArtifactId", closed ? WORKSPACE_ARCHIVED : WORKSPACE_ACTIVE).put("TemplateArtifactId", WORKSPACE_TEMPLATE)
                .put("Keywords", keywords.substring(0, Math.min(50, keywords.length()))).put("Notes", notes);
        String job = api.relativity("POST", "/api/workspace-service/v1/workspace-job", workspace).path("JobId").asText();
        JsonNode state;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            state = api.relativity("GET", "/api/workspace-service/v1/workspace-job/" + job, null);
            String s = state.path("JobState").asText();
            if (s.equals("Completed")) {
                break;
            }
            if (s.equals("Failed") || System.nanoTime() > deadline) {
                throw new IllegalStateException("workspace job " + job + " of " + number + ": " + state);
            }
            sleep(250);
        }
        ObjectNode link = object();
        ObjectNode update = link.putObject("request");
        update.putObject("Object").put("ArtifactID", state.path("WorkspaceArtifactId").asLong());
        update.putArray("FieldValues").addObject().put("Value", dmsId).putObject("Field").put("Name", "DMS Workspace");
        api.relativity("POST", OBJECTS + "/update", link);
    }

    /**
     * The conflict result as the matter's custom field values (mappings/matter-management/canonical-to-conflict and
     * conflict-update): a field with a value is changed by that value's id, one without gets a value by its field id.
     */
    static ObjectNode conflictUpdate(JsonNode matter, JsonNode search) {
        String decision = search.path("decision").asText(null);
        String reason = search.path("decision_reason").asText(null);
        StringBuilder note = new StringBuilder();
        JsonNode hits = search.path("hits");
        if (hits.isEmpty()) {
            note.append("No hits.");
        } else {
            List<String> each = new ArrayList<>();
            for (JsonNode h : hits) {
                String other = h.path("other_matter").asText(null);
                each.add(h.path("party").asText() + " ~ " + h.path("matched_name").asText() + " (" + Math.round(h.path("score").asDouble() * 100)
                        + "%" + (other != null ? ", matter " + other : "") + ")");
            }
            note.append(hits.size()).append(" hit(s): ").append(String.join("; ", each)).append('.');
        }
        if (reason != null) {
            note.append(" Decision: ").append(reason);
        }
        ObjectNode body = object();
        ArrayNode values = body.putObject("data").putArray("custom_field_values");
        value(values, matter, CF_STATUS, decision != null ? decision : "pending");
        value(values, matter, CF_SEARCH_ID, search.path("id").asText());
        value(values, matter, CF_NOTE, note.toString());
        return body;
    }

    private static void value(ArrayNode values, JsonNode matter, long field, String value) {
        for (JsonNode current : matter.path("custom_field_values")) {
            if (current.at("/custom_field/id").asLong() == field && current.hasNonNull("id")) {
                values.addObject().put("id", current.get("id").asText()).put("value", value);
                return;
            }
        }
        ObjectNode v = values.addObject();
        v.putObject("custom_field").put("id", field);
        v.put("value", value);
    }

    private static ObjectNode query(int type, String condition) {
        ObjectNode q = object();
        ObjectNode request = q.putObject("request");
        request.putObject("ObjectType").put("ArtifactTypeID", type);
        request.put("Condition", condition);
        request.putArray("Fields").addObject().put("Name", "Name");
        return q;
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "\\'") + "'";
    }

    private static ObjectNode object() {
        return SandboxClient.JSON.createObjectNode();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Counts finished matters for the progress lines. */
    interface Progress {
        void done();
    }
}
