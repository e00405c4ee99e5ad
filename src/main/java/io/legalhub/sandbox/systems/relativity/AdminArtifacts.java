package io.legalhub.sandbox.systems.relativity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.store.SystemStore;
import io.legalhub.sandbox.store.Table;

import java.util.List;

/**
 * The admin workspace's stored artifacts: clients, matters, workspaces (keyed by ArtifactID) and workspace jobs.
 * Records are the sandbox's own flat shape; the services render Relativity's shapes from them. A workspace keeps
 * a copy of its matter's Number ({@code MatterNumber}) so duplicates and {@code rejectRecords} can key on it.
 * Internal.
 */
public final class AdminArtifacts {

    public static final String CLIENTS = "clients";
    public static final String MATTERS = "matters";
    public static final String WORKSPACES = "workspaces";
    public static final String JOBS = "workspace_jobs";

    final SystemStore store;
    final Table clients;
    final Table matters;
    final Table workspaces;
    final Table jobs;

    public AdminArtifacts(SystemStore store) {
        this.store = store;
        this.clients = store.table(CLIENTS);
        this.matters = store.table(MATTERS);
        this.workspaces = store.table(WORKSPACES);
        this.jobs = store.table(JOBS);
    }

    long nextArtifactId() {
        return store.nextId("artifacts", Catalog.FIRST_ARTIFACT_ID);
    }

    ObjectNode client(long id) {
        return clients.get(id);
    }

    ObjectNode matter(long id) {
        return matters.get(id);
    }

    ObjectNode workspace(long id) {
        return workspaces.get(id);
    }

    List<ObjectNode> workspacesOfMatter(long matterId) {
        return workspaces.all().stream().filter(w -> w.path("MatterArtifactID").asLong() == matterId).toList();
    }

    /** Adds a client; clients cannot be created through Relativity's published APIs, only seeded or by control. */
    public ObjectNode putClient(Long artifactId, String name, String clientNumber, String notes, String ts) {
        long id = artifactId == null ? nextArtifactId() : artifactId;
        ObjectNode c = Json.object();
        c.put("ArtifactID", id);
        c.put("Name", name);
        c.put("ClientNumber", clientNumber);
        c.put("Notes", notes);
        c.put("CreatedOn", ts);
        c.put("LastModifiedOn", ts);
        clients.put(id, c);
        return c;
    }

    /** {@code {"ArtifactID","Guids","Name"}} of a client, or null when the id is unknown. */
    ObjectNode clientRef(long id) {
        ObjectNode c = client(id);
        return c == null ? null : Catalog.displayable(id, c.path("Name").asText());
    }

    ObjectNode matterRef(long id) {
        ObjectNode m = matter(id);
        return m == null ? null : Catalog.displayable(id, m.path("Name").asText());
    }

    /** The client of a workspace, through its matter. */
    ObjectNode clientOfWorkspace(ObjectNode workspace) {
        ObjectNode m = matter(workspace.path("MatterArtifactID").asLong());
        return m == null ? null : client(m.path("ClientArtifactID").asLong());
    }

    static String text(JsonNode rec, String field) {
        return Json.text(rec, field);
    }
}
