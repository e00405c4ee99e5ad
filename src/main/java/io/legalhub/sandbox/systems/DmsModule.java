package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Fields;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Request;
import io.legalhub.sandbox.http.Response;
import io.legalhub.sandbox.http.Router;
import io.legalhub.sandbox.seed.SeedData;
import io.legalhub.sandbox.store.SystemStore;
import io.legalhub.sandbox.store.Table;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Document management in the style of iManage Work, under {@code /dms/work/api/v2/customers/1/libraries/{lib}}. Internal. */
public final class DmsModule extends SystemModule {

    public static final String DEFAULT_LIBRARY = "LEGAL";
    private static final String BASE = "/work/api/v2/customers/{customer}/libraries/{library}";
    private static final IdFormat WORKSPACE_ID = new IdFormat("WS-", 4);
    private static final IdFormat DOCUMENT_ID = new IdFormat("DOC-", 6);
    private static final Set<String> READ_ONLY = Set.of("id", "database", "version", "created_at", "updated_at");
    private static final Set<String> WORKSPACE_FIELDS = Set.of("name", "description", "custom1", "custom2", "custom3",
            "owner", "template", "archived", "name_value_pairs");
    private static final Set<String> DOCUMENT_FIELDS = Set.of("workspace_id", "name", "extension", "type", "author",
            "document_version", "checksum", "size");

    private final Table workspaces;
    private final Table documents;

    public DmsModule(SystemStore store, SandboxSettings settings) {
        super(SandboxSystem.DMS, store, settings);
        workspaces = table("workspaces");
        documents = table("documents");
    }

    @Override
    protected List<BusinessKey> businessKeys() {
        return List.of(new BusinessKey("workspaces", "custom2", "id"));
    }

    @Override
    protected void registerApi(Router r) {
        r.get(BASE + "/workspaces", req -> listWorkspaces(req, false));
        r.get(BASE + "/workspaces/search", req -> listWorkspaces(req, true));
        r.post(BASE + "/workspaces", this::createWorkspace);
        r.get(BASE + "/workspaces/{id}", req -> Response.data(200, workspace(req, req.pathVar("id"))));
        r.patch(BASE + "/workspaces/{id}", this::patchWorkspace);
        r.get(BASE + "/documents", this::listDocuments);
        r.post(BASE + "/documents", this::createDocument);
        r.get(BASE + "/documents/{id}", req -> {
            String lib = library(req);
            Long key = DOCUMENT_ID.parse(req.pathVar("id"));
            ObjectNode d = key == null ? null : documents.get(key);
            if (d == null || !lib.equals(d.path("database").asText())) {
                throw notFound("document", req.pathVar("id"));
            }
            return Response.data(200, d);
        });
    }

    @Override
    protected void registerControl(Router r) {
        // a workspace deleted behind the hub's back (to demonstrate and test reconciliation); its documents stay
        r.delete("/_control/workspaces/{id}", req -> store.write(() -> {
            Long key = WORKSPACE_ID.parse(req.pathVar("id"));
            if (key == null || !workspaces.remove(key)) {
                throw notFound("workspace", req.pathVar("id"));
            }
            return Response.noContent();
        }));
    }

    @Override
    protected void seed(SeedData data) {
        // the DMS starts empty: the hub provisions workspaces
    }

    /** Validates the customer and library path segments; returns the library name. */
    private static String library(Request req) {
        if (!"1".equals(req.pathVar("customer"))) {
            throw ApiException.notFound("customer " + req.pathVar("customer") + " not found (the sandbox has customer 1)");
        }
        String lib = req.pathVar("library").toUpperCase(Locale.ROOT);
        if (!lib.equals(DEFAULT_LIBRARY)) {
            throw ApiException.notFound("library " + req.pathVar("library") + " not found (the sandbox has library " + DEFAULT_LIBRARY + ")");
        }
        return lib;
    }

    private ObjectNode workspace(Request req, String id) {
        String lib = library(req);
        Long key = WORKSPACE_ID.parse(id);
        ObjectNode ws = key == null ? null : workspaces.get(key);
        if (ws == null || !lib.equals(ws.path("database").asText())) {
            throw notFound("workspace", id);
        }
        return ws;
    }

    private static ObjectNode listEnvelope(Request req, List<ObjectNode> all) {
        int offset = req.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = req.queryInt("limit", Paging.DEFAULT_LIMIT, 1, 500);
        ObjectNode out = Json.object();
        var data = out.putArray("data");
        all.stream().skip(offset).limit(limit).forEach(data::add);
        out.put("total_count", all.size());
        return out;
    }

    private Response listWorkspaces(Request req, boolean search) {
        String lib = library(req);
        String custom1 = search ? req.query("custom1") : null;
        String custom2 = search ? req.query("custom2") : null;
        String custom3 = search ? req.query("custom3") : null;
        String name = search ? req.query("name") : null;
        Boolean archived = search ? req.queryBool("archived") : null;
        Predicate<ObjectNode> p = ws -> lib.equals(ws.path("database").asText())
                && (custom1 == null || custom1.equalsIgnoreCase(ws.path("custom1").asText()))
                && (custom2 == null || custom2.equalsIgnoreCase(ws.path("custom2").asText()))
                && (custom3 == null || custom3.equalsIgnoreCase(ws.path("custom3").asText()))
                && (name == null || ws.path("name").asText().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                && (archived == null || archived == ws.path("archived").asBoolean());
        return Response.ok(listEnvelope(req, workspaces.all().stream().filter(p).toList()));
    }

    private Response createWorkspace(Request req) {
        String lib = library(req);
        ObjectNode body = req.jsonObject();
        return store.write(() -> {
            ObjectNode ws = Json.object();
            for (String k : List.of("id", "database", "name", "description", "custom1", "custom2", "custom3", "owner", "template")) {
                ws.putNull(k);
            }
            ws.put("database", lib);
            ws.put("owner", "SANDBOX_ADMIN");
            ws.put("archived", false);
            ws.putObject("name_value_pairs");
            ws.putNull("version");
            ws.putNull("created_at");
            ws.putNull("updated_at");
            applyWorkspace(ws, body, true);
            checkRejected(ws.path("custom2").asText());
            long key = store.nextId("workspaces", 1001);
            String ts = now();
            ws.put("id", WORKSPACE_ID.format(key));
            ws.put("version", 1);
            ws.put("created_at", ts);
            ws.put("updated_at", ts);
            workspaces.put(key, ws);
            return Response.data(201, ws);
        });
    }

    private Response patchWorkspace(Request req) {
        ObjectNode body = req.jsonObject();
        return store.write(() -> {
            ObjectNode existing = workspace(req, req.pathVar("id"));
            ObjectNode ws = existing.deepCopy();
            applyWorkspace(ws, body, false);
            checkRejected(existing.path("custom2").asText(), ws.path("custom2").asText());
            if (ws.equals(existing)) {
                return Response.data(200, existing);
            }
            ws.put("version", ws.path("version").asInt() + 1);
            ws.put("updated_at", now());
            workspaces.put(WORKSPACE_ID.parse(ws.get("id").asText()), ws);
            return Response.data(200, ws);
        });
    }

    private void applyWorkspace(ObjectNode ws, ObjectNode body, boolean create) {
        Fields f = new Fields(body);
        f.rejectUnknown(WORKSPACE_FIELDS, READ_ONLY);
        for (String k : List.of("name", "custom2")) {
            if (create || f.has(k)) {
                String v = f.text(k, true, k.equals("name") ? 1_000 : 254);
                if (v != null) {
                    ws.put(k, v);
                }
            }
        }
        for (String k : List.of("description", "custom1", "custom3", "owner", "template")) {
            if (f.has(k)) {
                ws.put(k, f.text(k, false, k.equals("description") ? 4_000 : 254));
            }
        }
        if (f.has("archived")) {
            Boolean a = f.bool("archived");
            if (a == null) {
                f.invalid("archived", "must be true or false");
            } else {
                ws.put("archived", a);
            }
        }
        JsonNode nvp = body.get("name_value_pairs");
        if (nvp != null && !nvp.isNull()) {
            if (!nvp.isObject()) {
                f.invalid("name_value_pairs", "must be an object of string values");
            } else {
                ObjectNode target = (ObjectNode) ws.get("name_value_pairs");
                Iterator<Map.Entry<String, JsonNode>> it = nvp.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isNull()) {
                        target.remove(e.getKey());
                    } else if (e.getValue().isValueNode()) {
                        target.put(e.getKey(), e.getValue().asText());
                    } else {
                        f.invalid("name_value_pairs." + e.getKey(), "must be a string (or null to remove)");
                    }
                }
            }
        }
        f.check();
    }

    private Response listDocuments(Request req) {
        String lib = library(req);
        String workspaceId = req.query("workspace_id");
        String filedSince = req.queryTimestamp("filed_since");
        Predicate<ObjectNode> p = d -> lib.equals(d.path("database").asText())
                && (workspaceId == null || workspaceId.equals(d.path("workspace_id").asText()))
                && (filedSince == null || d.path("filed_date").asText().compareTo(filedSince) >= 0);
        return Response.ok(listEnvelope(req, documents.all().stream().filter(p).toList()));
    }

    /** {@code version} in the body is the document's own version (alias of {@code document_version}). */
    private Response createDocument(Request req) {
        String lib = library(req);
        ObjectNode body = req.jsonObject().deepCopy();
        if (body.has("version") && !body.has("document_version")) {
            body.set("document_version", body.remove("version"));
        } else {
            body.remove("version");
        }
        Fields f = new Fields(body);
        f.rejectUnknown(DOCUMENT_FIELDS, READ_ONLY);
        String wsId = f.text("workspace_id", true, 40);
        String name = f.text("name", true, 1_000);
        String extension = f.text("extension", false, 20);
        String type = f.text("type", false, 40);
        String author = f.text("author", false, 254);
        Long docVersion = f.integer("document_version", false, 1, Integer.MAX_VALUE);
        String checksum = f.text("checksum", false, 200);
        Long size = f.integer("size", false, 0, Long.MAX_VALUE);
        return store.write(() -> {
            Long wsKey = wsId == null ? null : WORKSPACE_ID.parse(wsId);
            ObjectNode ws = wsKey == null ? null : workspaces.get(wsKey);
            if (wsId != null && (ws == null || !lib.equals(ws.path("database").asText()))) {
                f.invalid("workspace_id", "does not match any workspace (" + wsId + ")");
            }
            f.check();
            checkRejected(ws.path("custom2").asText());
            long key = store.nextId("documents", 1);
            String ts = now();
            ObjectNode d = Json.object();
            d.put("id", DOCUMENT_ID.format(key));
            d.put("database", lib);
            d.put("workspace_id", wsId);
            d.put("workspace_name", ws.path("name").asText());
            d.set("custom1", ws.get("custom1"));
            d.set("custom2", ws.get("custom2"));
            d.put("name", name);
            d.put("extension", extension);
            d.put("type", type != null ? type : extension == null ? null : extension.toUpperCase(Locale.ROOT));
            d.put("author", author);
            d.put("document_version", docVersion == null ? 1 : docVersion);
            d.put("checksum", checksum);
            if (size == null) {
                d.putNull("size");
            } else {
                d.put("size", size);
            }
            d.put("filed_date", ts);
            d.put("version", 1);
            d.put("created_at", ts);
            d.put("updated_at", ts);
            documents.put(key, d);
            webhooks.emit("document", "filed", d.get("id").asText(), ts, d);
            return Response.data(201, d);
        });
    }
}
