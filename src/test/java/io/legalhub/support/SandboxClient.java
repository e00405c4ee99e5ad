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
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("X-Sandbox-Observer", "true")
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
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
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
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

    public JsonNode ok(String method, String path, Object body) {
        Answer answer = send(method, path, body);
        if (answer.status() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body() == null || answer.body().isBlank() ? JSON.nullNode() : answer.json();
    }

    // ---- matter management

    public long createClient(String name, String type) {
        ObjectNode data = JSON.createObjectNode().put("name", name).put("type", type);
        return ok("POST", "/matter-management/api/v4/contacts", JSON.createObjectNode().set("data", data)).at("/data/id").asLong();
    }

    /** Creates a matter in matter management; the sandbox then fires its webhook. Returns the matter. */
    public JsonNode createMatter(String number, String description, long clientId, ObjectNode extra) {
        ObjectNode data = JSON.createObjectNode()
                .put("display_number", number)
                .put("description", description)
                .put("status", "Open");
        data.putObject("client").put("id", clientId);
        if (extra != null) {
            data.setAll(extra);
        }
        return ok("POST", "/matter-management/api/v4/matters", JSON.createObjectNode().set("data", data)).get("data");
    }

    public JsonNode updateMatter(long id, ObjectNode changes) {
        return ok("PATCH", "/matter-management/api/v4/matters/" + id, JSON.createObjectNode().set("data", changes)).get("data");
    }

    public JsonNode matter(long id) {
        return ok("GET", "/matter-management/api/v4/matters/" + id, null).get("data");
    }

    /** The bills with this number in matter management. */
    public List<JsonNode> bills(String number) {
        return list(ok("GET", "/matter-management/api/v4/bills?number=" + number, null).get("data"));
    }

    /** Changes a bill in matter management as a user would (the sandbox then fires its bill webhook). */
    public JsonNode updateBill(long id, ObjectNode changes) {
        return ok("PATCH", "/matter-management/api/v4/bills/" + id, JSON.createObjectNode().set("data", changes)).get("data");
    }

    /** The matter in matter management with this display number. */
    public JsonNode matterByNumber(String number) {
        return ok("GET", "/matter-management/api/v4/matters?display_number=" + number, null).get("data").get(0);
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

    // ---- targets

    public List<JsonNode> billingMatters(String number) {
        return list(ok("GET", "/billing/api/v1/matters?number=" + number, null).get("items"));
    }

    public List<JsonNode> dmsWorkspaces(String number) {
        return list(ok("GET", "/dms/work/api/v2/customers/1/libraries/LEGAL/workspaces/search?custom2=" + number, null).get("data"));
    }

    public List<JsonNode> ediscoveryWorkspaces(String number) {
        return list(ok("GET", "/ediscovery/Relativity.Rest/API/relativity-environment/v1/workspaces?matter_number=" + number, null)
                .get("Results"));
    }

    public long practiceAreaId(String name) {
        for (JsonNode area : ok("GET", "/matter-management/api/v4/practice_areas", null).get("data")) {
            if (area.get("name").asText().equals(name)) {
                return area.get("id").asLong();
            }
        }
        throw new AssertionError("no practice area " + name);
    }

    public List<JsonNode> users() {
        return list(ok("GET", "/matter-management/api/v4/users", null).get("data"));
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

    public JsonNode dmsWorkspace(String id) {
        return ok("GET", "/dms/work/api/v2/customers/1/libraries/LEGAL/workspaces/" + id, null).get("data");
    }

    public List<JsonNode> mmDocuments(String externalId) {
        return list(ok("GET", "/matter-management/api/v4/documents?external_id=" + externalId, null).get("data"));
    }

    public List<JsonNode> mmNotes(long matterId) {
        return list(ok("GET", "/matter-management/api/v4/notes?matter_id=" + matterId + "&limit=200", null).get("data"));
    }

    private static final String DMS = "/dms/work/api/v2/customers/1/libraries/LEGAL";

    /** Creates a DMS workspace directly (not through the hub). Returns the workspace. */
    public JsonNode createWorkspace(String matterNumber, String name) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("custom2", matterNumber);
        return ok("POST", DMS + "/workspaces", body).get("data");
    }

    public JsonNode workspace(String id) {
        return ok("GET", DMS + "/workspaces/" + id, null).get("data");
    }

    /** Files a document in a DMS workspace; the DMS then fires its document/filed webhook. Returns the document. */
    public JsonNode fileDocument(String workspaceId, ObjectNode metadata) {
        ObjectNode body = metadata.deepCopy().put("workspace_id", workspaceId);
        return ok("POST", DMS + "/documents", body).get("data");
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
