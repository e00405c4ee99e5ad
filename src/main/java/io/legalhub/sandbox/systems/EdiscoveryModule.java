package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.sandbox.http.Fields;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Request;
import io.legalhub.sandbox.http.Response;
import io.legalhub.sandbox.http.Router;
import io.legalhub.sandbox.seed.SeedData;
import io.legalhub.sandbox.store.SystemStore;
import io.legalhub.sandbox.store.Table;

import java.util.List;
import java.util.Set;

/**
 * E-discovery in the style of Relativity (Matter Manager REST), under
 * {@code /ediscovery/Relativity.Rest/API/relativity-environment/v1}. PascalCase fields; artifact ids are shared by
 * matters and workspaces. Internal.
 */
public final class EdiscoveryModule extends SystemModule {

    private static final String BASE = "/Relativity.Rest/API/relativity-environment/v1/workspaces";
    private static final long FIRST_ARTIFACT_ID = 1_016_001L;
    private static final Set<String> READ_ONLY = Set.of("ArtifactID", "Version", "CreatedOn", "UpdatedOn");
    private static final List<String> MATTER_STATUSES = List.of("Active", "Inactive");
    private static final List<String> WORKSPACE_STATUSES = List.of("Active", "Archived");

    private final Table matters;
    private final Table workspaces;

    public EdiscoveryModule(SystemStore store, SandboxSettings settings) {
        super(SandboxSystem.EDISCOVERY, store, settings);
        matters = table("matters");
        workspaces = table("workspaces");
    }

    @Override
    protected List<BusinessKey> businessKeys() {
        return List.of(new BusinessKey("matters", "Number", "ArtifactID"),
                new BusinessKey("workspaces", "MatterNumber", "ArtifactID"));
    }

    @Override
    protected void seed(SeedData data) {
        // e-discovery starts empty: the hub creates matters and workspaces
    }

    @Override
    protected void registerApi(Router r) {
        r.get(BASE + "/-1/matters", req -> {
            String number = req.query("number");
            return Response.ok(results(req, matters.all().stream()
                    .filter(m -> number == null || number.equals(m.path("Number").asText())).toList()));
        });
        r.post(BASE + "/-1/matters", req -> writeMatter(req, null));
        r.get(BASE + "/-1/matters/{artifactId}", req -> Response.ok(require(matters, "matter", req.pathVar("artifactId"))));
        r.put(BASE + "/-1/matters/{artifactId}", req -> writeMatter(req, req.pathVar("artifactId")));

        r.get(BASE, req -> {
            String number = req.query("matter_number");
            return Response.ok(results(req, workspaces.all().stream()
                    .filter(w -> number == null || number.equals(w.path("MatterNumber").asText())).toList()));
        });
        r.post(BASE, req -> writeWorkspace(req, null));
        r.get(BASE + "/{artifactId}", req -> Response.ok(require(workspaces, "workspace", req.pathVar("artifactId"))));
        r.put(BASE + "/{artifactId}", req -> writeWorkspace(req, req.pathVar("artifactId")));
    }

    private static ObjectNode results(Request req, List<ObjectNode> all) {
        int start = req.queryInt("start", 0, 0, Integer.MAX_VALUE);
        int length = req.queryInt("length", 100, 1, 1_000);
        ObjectNode out = Json.object();
        out.put("TotalCount", all.size());
        ArrayNode results = out.putArray("Results");
        all.stream().skip(start).limit(length).forEach(results::add);
        return out;
    }

    private static ObjectNode require(Table table, String what, String id) {
        Long key = IdFormat.parseNumber(id);
        ObjectNode rec = key == null ? null : table.get(key);
        if (rec == null) {
            throw notFound(what, id);
        }
        return rec;
    }

    private void stamp(ObjectNode rec, long artifactId, ObjectNode existing) {
        String ts = now();
        rec.put("ArtifactID", artifactId);
        rec.put("Version", existing == null ? 1 : existing.path("Version").asInt() + 1);
        rec.put("CreatedOn", existing == null ? ts : existing.path("CreatedOn").asText());
        rec.put("UpdatedOn", ts);
    }

    private static void meta(ObjectNode rec, ObjectNode existing) {
        for (String k : List.of("ArtifactID", "Version", "CreatedOn", "UpdatedOn")) {
            rec.set(k, existing == null ? Json.object().nullNode() : existing.get(k));
        }
    }

    private Response writeMatter(Request req, String id) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("Name", "Number", "ClientName", "Status", "Keywords", "Notes"), READ_ONLY);
        ObjectNode m = Json.object();
        m.putNull("ArtifactID");
        m.put("Name", f.text("Name", true, 255));
        m.put("Number", f.text("Number", true, 255));
        m.put("ClientName", f.text("ClientName", false, 255));
        m.put("Status", f.oneOf("Status", false, "Active", MATTER_STATUSES));
        m.put("Keywords", f.text("Keywords", false, 4_000));
        m.put("Notes", f.text("Notes", false, 100_000));
        f.check();
        return store.write(() -> {
            ObjectNode existing = id == null ? null : require(matters, "matter", id);
            checkRejected(m.path("Number").asText(), existing == null ? null : existing.path("Number").asText());
            meta(m, existing);
            if (existing != null && m.equals(existing)) {
                return Response.ok(existing);
            }
            long key = existing == null ? store.nextId("artifacts", FIRST_ARTIFACT_ID) : existing.get("ArtifactID").asLong();
            stamp(m, key, existing);
            matters.put(key, m);
            return existing == null ? Response.created(m) : Response.ok(m);
        });
    }

    private Response writeWorkspace(Request req, String id) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("Name", "MatterArtifactID", "MatterNumber", "DmsWorkspaceId", "Status", "Keywords", "Notes"), READ_ONLY);
        String name = f.text("Name", true, 255);
        Long matterId = f.integer("MatterArtifactID", false, 1, Long.MAX_VALUE);
        String matterNumber = f.text("MatterNumber", false, 255);
        String dms = f.text("DmsWorkspaceId", false, 255);
        String status = f.oneOf("Status", false, "Active", WORKSPACE_STATUSES);
        String keywords = f.text("Keywords", false, 4_000);
        String notes = f.text("Notes", false, 100_000);
        return store.write(() -> {
            ObjectNode existing = id == null ? null : require(workspaces, "workspace", id);
            Long mid = matterId;
            String number = matterNumber;
            if (mid != null) {
                ObjectNode matter = matters.get(mid);
                if (matter == null) {
                    f.invalid("MatterArtifactID", "does not match any matter (" + mid + ")");
                } else if (number == null) {
                    number = matter.path("Number").asText();
                } else if (!number.equals(matter.path("Number").asText())) {
                    f.invalid("MatterNumber", "'" + number + "' differs from the Number of matter " + mid);
                }
            } else if (number != null) {
                String n = number;
                List<ObjectNode> found = matters.all().stream().filter(m -> n.equals(m.path("Number").asText())).toList();
                if (found.size() == 1) {
                    mid = found.get(0).get("ArtifactID").asLong();
                }
            } else if (name != null) {
                f.missing("MatterNumber");
            }
            f.check();
            checkRejected(number, existing == null ? null : existing.path("MatterNumber").asText());
            ObjectNode w = Json.object();
            w.putNull("ArtifactID");
            w.put("Name", name);
            if (mid == null) {
                w.putNull("MatterArtifactID");
            } else {
                w.put("MatterArtifactID", mid);
            }
            w.put("MatterNumber", number);
            w.put("DmsWorkspaceId", dms);
            w.put("Status", status);
            w.put("Keywords", keywords);
            w.put("Notes", notes);
            meta(w, existing);
            if (existing != null && w.equals(existing)) {
                return Response.ok(existing);
            }
            long key = existing == null ? store.nextId("artifacts", FIRST_ARTIFACT_ID) : existing.get("ArtifactID").asLong();
            stamp(w, key, existing);
            workspaces.put(key, w);
            return existing == null ? Response.created(w) : Response.ok(w);
        });
    }

}
