package io.legalhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a test does to and reads from the sandbox systems, over real HTTP. Reads and writes are sent as
 * an observer's, so injected faults and the request log only ever see the hub's own calls.
 */
public final class SandboxClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** One client (one connection pool) for every test, rather than one per test class. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient http = HTTP;
    private final String base;

    public SandboxClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    public Answer send(String method, String path, Object body) {
        return send(method, path, body, java.util.Map.of());
    }

    /** As {@link #send(String, String, Object)}, with more request headers (e.g. Relativity's X-CSRF-Header). */
    public Answer send(String method, String path, Object body, java.util.Map<String, String> headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + escaped(path))).timeout(Duration.ofSeconds(30))
                    .header("X-Sandbox-Observer", "true")
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a text body (e.g. a LEDES file) as text/plain. */
    public Answer sendText(String method, String path, String text) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + escaped(path))).timeout(Duration.ofSeconds(30))
                    .header("X-Sandbox-Observer", "true")
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(text))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Clio's fields selections carry braces, which a URI may not hold literally. */
    private static String escaped(String path) {
        return path.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20");
    }

    public JsonNode ok(String method, String path, Object body) {
        Answer answer = send(method, path, body);
        if (answer.status() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body() == null || answer.body().isBlank() ? JSON.nullNode() : answer.json();
    }

    // ---- matter management (Clio Manage v4)

    private static final String MM = "/matter-management/api/v4";
    /** What a test reads of a matter: what the hub maps, plus the matter's custom field values. */
    private static final String MATTER_FIELDS = "id,etag,display_number,description,status,open_date,close_date,billable,updated_at,"
            + "client{id,name,type,ledes_client_id},practice_area{id,name},responsible_attorney{id,name,email},"
            + "custom_field_values{id,value,field_name,custom_field}";

    public long createClient(String name, String type) {
        ObjectNode data = JSON.createObjectNode().put("name", name).put("type", type);
        return ok("POST", MM + "/contacts.json", JSON.createObjectNode().set("data", data)).at("/data/id").asLong();
    }

    /** Creates a matter in matter management; the sandbox then sends its webhooks. Returns the matter. */
    public JsonNode createMatter(String number, String description, long clientId, ObjectNode extra) {
        ObjectNode data = JSON.createObjectNode()
                .put("display_number", number)
                .put("description", description)
                .put("status", "open");
        data.putObject("client").put("id", clientId);
        if (extra != null) {
            data.setAll(extra);
        }
        return withCustomFields(ok("POST", MM + "/matters.json?fields=" + MATTER_FIELDS, JSON.createObjectNode().set("data", data)).get("data"));
    }

    public JsonNode updateMatter(long id, ObjectNode changes) {
        return withCustomFields(ok("PATCH", MM + "/matters/" + id + ".json?fields=" + MATTER_FIELDS,
                JSON.createObjectNode().set("data", changes)).get("data"));
    }

    /**
     * The matter as a Clio user sees it, with the values of its custom fields also under simple names
     * ({@code conflict_status}, {@code conflict_search_id}, {@code conflict_note}, {@code intake_flag}).
     */
    public JsonNode matter(long id) {
        return withCustomFields(ok("GET", MM + "/matters/" + id + ".json?fields=" + MATTER_FIELDS, null).get("data"));
    }

    /** The matter in matter management with this display number (Clio has no filter by number: a search, then an exact match). */
    public JsonNode matterByNumber(String number) {
        for (JsonNode m : ok("GET", MM + "/matters.json?query=" + number + "&fields=" + MATTER_FIELDS, null).get("data")) {
            if (number.equals(m.path("display_number").asText())) {
                return withCustomFields(m);
            }
        }
        throw new AssertionError("matter management has no matter " + number);
    }

    /** The matter's parties, as Clio lists its relationships. */
    public List<JsonNode> relationships(long matterId) {
        return list(ok("GET", MM + "/relationships.json?matter_id=" + matterId + "&fields=id,description,contact{id,name,type}", null)
                .get("data"));
    }

    private static JsonNode withCustomFields(JsonNode matter) {
        ObjectNode view = matter.deepCopy();
        for (JsonNode value : matter.path("custom_field_values")) {
            String name = switch (value.path("field_name").asText()) {
                case "Conflict status" -> "conflict_status";
                case "Conflict search ID" -> "conflict_search_id";
                case "Conflict note" -> "conflict_note";
                case "Intake flag" -> "intake_flag";
                default -> null;
            };
            if (name != null) {
                view.set(name, value.get("value"));
            }
        }
        return view;
    }

    // ---- billing invoices

    /** Stores raw LEDES text in billing as a submitted invoice, as if a timekeeper had submitted it. */
    public JsonNode submitInvoice(String ledes) {
        Answer answer = sendText("POST", "/billing/_control/invoices", ledes);
        if (answer.status() != 201) {
            throw new AssertionError("billing refused the invoice: " + answer.status() + " " + answer.body());
        }
        return answer.json();
    }

    /** Billing's invoice (JSON view: status, status_reason, paid_at, status_history …). */
    public JsonNode billingInvoice(String number) {
        return ok("GET", "/billing/api/v1/invoices/" + number, null);
    }

    // ---- e-billing (the client's platform)

    /** The client's e-billing platform's invoices with this number. */
    public List<JsonNode> ebillingInvoices(String number) {
        return list(ok("GET", "/ebilling/api/v1/invoices?invoice_number=" + number, null).get("items"));
    }

    /** The LEDES text the platform received for an invoice. */
    public String ebillingLedes(String id) {
        Answer answer = send("GET", "/ebilling/api/v1/invoices/" + id + "/ledes", null);
        if (answer.status() != 200) {
            throw new AssertionError("e-billing has no LEDES for " + id + ": " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    /** A reviewer's decision on an invoice in the platform (approved, rejected with a reason, paid). */
    public JsonNode decideInvoice(String number, ObjectNode decision) {
        String id = ebillingInvoices(number).get(0).get("id").asText();
        return ok("POST", "/ebilling/_control/invoices/" + id + "/decision", decision);
    }

    // ---- targets

    public List<JsonNode> billingMatters(String number) {
        return list(ok("GET", "/billing/api/v1/matters?number=" + number, null).get("items"));
    }

    /** The DMS workspaces of a matter (iManage: a search of the library by custom2). */
    public List<JsonNode> dmsWorkspaces(String number) {
        return list(ok("POST", WORK + "/searchWorkspaces", JSON.createObjectNode().put("libraryId", "LEGAL").put("custom2", number))
                .at("/data/results"));
    }

    private static final String OBJECTS = "/ediscovery/Relativity.REST/api/Relativity.ObjectManager/v1/workspace/-1/object";

    /** An Object Manager query in Relativity's admin workspace: the objects of a type that meet a condition. */
    public List<JsonNode> relativityQuery(int artifactTypeId, String condition, String... fields) {
        ObjectNode request = JSON.createObjectNode();
        ObjectNode query = request.putObject("request");
        query.putObject("ObjectType").put("ArtifactTypeID", artifactTypeId);
        query.put("Condition", condition);
        var names = query.putArray("Fields");
        for (String field : fields) {
            names.addObject().put("Name", field);
        }
        Answer answer = send("POST", OBJECTS + "/query?start=1&length=100", request, java.util.Map.of("X-CSRF-Header", "-"));
        if (answer.status() != 200) {
            throw new AssertionError("Object Manager query answered " + answer.status() + ": " + answer.body());
        }
        return list(answer.json().get("Objects"));
    }

    /** The Relativity matters with this number (Matter Manager reads). */
    public List<JsonNode> ediscoveryMatters(String number) {
        return relativityQuery(6, "'Number' == '" + number + "'", "Number").stream()
                .map(o -> ok("GET", "/ediscovery/Relativity.REST/api/relativity-environment/v1/workspaces/-1/matters/" + o.get("ArtifactID").asLong(), null))
                .toList();
    }

    /**
     * The e-discovery workspaces of a matter, as the Workspace Service reads them, each with the value of its
     * "DMS Workspace" custom field added as {@code dmsWorkspace}.
     */
    public List<JsonNode> ediscoveryWorkspaces(String number) {
        List<JsonNode> workspaces = new ArrayList<>();
        for (JsonNode matter : relativityQuery(6, "'Number' == '" + number + "'", "Number")) {
            for (JsonNode w : relativityQuery(8, "'Matter' == OBJECT " + matter.get("ArtifactID").asLong(), "DMS Workspace")) {
                ObjectNode read = ok("GET", "/ediscovery/api/workspace-service/v1/workspace/" + w.get("ArtifactID").asLong(), null).deepCopy();
                read.set("dmsWorkspace", w.at("/FieldValues/0/Value"));
                workspaces.add(read);
            }
        }
        return workspaces;
    }

    /** Adds a client in Relativity, as its administrator would in the Client Manager. */
    public void createRelativityClient(String name, String number) {
        ok("POST", "/ediscovery/_control/clients", JSON.createObjectNode().put("Name", name).put("ClientNumber", number));
    }

    public long practiceAreaId(String name) {
        for (JsonNode area : ok("GET", MM + "/practice_areas.json?fields=id,name", null).get("data")) {
            if (area.get("name").asText().equals(name)) {
                return area.get("id").asLong();
            }
        }
        throw new AssertionError("no practice area " + name);
    }

    public List<JsonNode> users() {
        return list(ok("GET", MM + "/users.json?fields=id,name,email", null).get("data"));
    }

    // ---- conflicts

    public List<JsonNode> conflictSearches(String reference) {
        return list(ok("GET", "/conflicts/api/v1/searches?reference=" + reference, null).get("data"));
    }

    public void decide(String searchId, String decision, String reason) {
        ok("POST", "/conflicts/api/v1/searches/" + searchId + "/decision", JSON.createObjectNode()
                .put("decision", decision).put("decided_by", "conflicts.analyst").put("reason", reason));
    }

    /** Puts a party into the conflicts database, as if it were one on another matter. */
    public void plantConflictEntity(String name, String role, String reference) {
        ok("POST", "/conflicts/_control/entities", JSON.createObjectNode()
                .put("name", name).put("role", role).put("reference", reference).put("note", "planted by a test"));
    }

    /** Creates a billing matter directly, as someone working in billing would (the hub does not know of it). */
    public JsonNode createBillingMatter(ObjectNode matter) {
        return ok("POST", "/billing/api/v1/matters", matter);
    }

    /** Replaces a billing matter directly (billing's PUT replaces the whole record). */
    public JsonNode replaceBillingMatter(String id, JsonNode matter) {
        ObjectNode body = matter.deepCopy();
        for (String readOnly : List.of("id", "version", "created_at", "updated_at", "client_name")) {
            body.remove(readOnly);
        }
        return ok("PUT", "/billing/api/v1/matters/" + id, body);
    }

    /** The documents matter management indexes for this DMS id (an external property of each). */
    public List<JsonNode> mmDocuments(String dmsId) {
        return list(ok("GET", MM + "/documents.json?external_property_name=dms_id&external_property_value=" + dmsId
                + "&show_uncompleted=true&fields=id,name,received_at,parent{id,type},matter{id,display_number},external_properties{id,name,value}",
                null).get("data"));
    }

    /** The external properties of a document, by name. */
    public static java.util.Map<String, String> externalProperties(JsonNode document) {
        java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
        document.path("external_properties").forEach(p -> properties.put(p.path("name").asText(), p.path("value").asText()));
        return properties;
    }

    public List<JsonNode> mmNotes(long matterId) {
        return list(ok("GET", MM + "/notes.json?matter_id=" + matterId + "&limit=200&fields=id,type,subject,detail,matter{id,display_number}",
                null).get("data"));
    }

    private static final String WORK = "/dms/automate/work";

    /** A DMS workspace's profile. */
    public JsonNode dmsWorkspace(String id) {
        return ok("POST", WORK + "/getWorkspaceProfile", JSON.createObjectNode().put("workspaceId", id)).get("data");
    }

    /** Creates a DMS workspace directly (not through the hub), as a records clerk would. Returns its profile. */
    public JsonNode createWorkspace(String matterNumber, String name) {
        ObjectNode body = JSON.createObjectNode().put("libraryId", "LEGAL").put("templateId", "LEGAL!12").put("name", name)
                .put("createChildren", "Only Required Folders").put("custom1", "HANDMADE").put("custom2", matterNumber);
        return ok("POST", WORK + "/createWorkspace", body).get("data");
    }

    public JsonNode workspace(String id) {
        return dmsWorkspace(id);
    }

    /** A workspace's name-value pairs (iManage has no call that reads them; the sandbox shows them to observers). */
    public JsonNode nameValuePairs(String workspaceId) {
        return ok("GET", "/dms/_control/workspaces/" + workspaceId, null).at("/data/nameValuePairs");
    }

    /** Files a document in a DMS workspace as a user would; the hub's poll then finds it. Returns its profile. */
    public JsonNode fileDocument(String workspaceId, ObjectNode metadata) {
        ObjectNode body = metadata.deepCopy().put("workspaceId", workspaceId);
        if (!body.has("author")) {
            body.put("author", "ARIVERA");
        }
        return ok("POST", "/dms/_control/documents", body).get("data");
    }

    // ---- control

    /** Deletes a billing matter behind the hub's back. */
    public void deleteBillingMatter(String id) {
        ok("DELETE", "/billing/_control/matters/" + id, null);
    }

    /** Deletes a DMS workspace behind the hub's back. */
    public void deleteDmsWorkspace(String id) {
        ok("DELETE", "/dms/_control/workspaces/" + id, null);
    }

    public void faults(String system, String faultsJson) {
        ok("PUT", "/" + system + "/_control/faults", faultsJson);
    }

    public void clearFaults(String system) {
        ok("DELETE", "/" + system + "/_control/faults", null);
    }

    /** The system's request log, oldest first. */
    public List<JsonNode> requests(String system) {
        JsonNode answer = ok("GET", "/" + system + "/_control/requests?limit=5000", null);
        return list(answer.isArray() ? answer : answer.path("requests"));
    }

    public JsonNode stats(String system) {
        return ok("GET", "/" + system + "/_control/stats", null);
    }

    public static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        if (array != null) {
            array.forEach(items::add);
        }
        return items;
    }
}
