package io.legalhub.sandbox.systems.relativity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Request;
import io.legalhub.sandbox.http.Response;
import io.legalhub.sandbox.http.Router;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Relativity's Matter Manager and the environment's eligible-value lists (relativity-environment.openapi.yml),
 * under {@code /Relativity.REST/api/relativity-environment/v1}. Internal.
 */
public final class MatterManagerApi {

    public static final String BASE = "/Relativity.REST/api/relativity-environment/v1";
    static final String MATTERS = BASE + "/workspaces/-1/matters";
    private static final Set<String> MATTER_PROPERTIES = Set.of("Name", "Number", "Client", "Status", "Keywords", "Notes");

    private final AdminArtifacts data;
    private final RelativityContext ctx;

    public MatterManagerApi(AdminArtifacts data, RelativityContext ctx) {
        this.data = data;
        this.ctx = ctx;
    }

    public void register(Router r) {
        r.post(MATTERS, this::create);
        r.get(MATTERS + "/eligible-statuses", req -> Response.ok(Catalog.displayables(Catalog.MATTER_STATUSES)));
        r.get(MATTERS + "/{matterID}", req -> Response.ok(render(require(req.pathVar("matterID")))));
        r.put(MATTERS + "/{matterID}", this::update);
        r.delete(MATTERS + "/{matterID}", this::delete);
        r.get(BASE + "/workspaces/-1/eligible-clients", req -> {
            ArrayNode a = Json.array();
            data.clients.all().forEach(c -> a.add(Catalog.displayable(c.path("ArtifactID").asLong(), c.path("Name").asText())));
            return Response.ok(a);
        });
        r.get(BASE + "/workspace/eligible-statuses", req -> Response.ok(Catalog.displayables(Catalog.WORKSPACE_STATUSES)));
        r.get(BASE + "/workspace/eligible-sql-full-text-languages", req -> {
            ObjectNode n = Json.object();
            n.put("DefaultLanguageLcid", Catalog.DEFAULT_LANGUAGE.artifactId());
            ArrayNode langs = n.putArray("Languages");
            Catalog.LANGUAGES.forEach(l -> langs.addObject().put("ID", l.artifactId()).put("Name", l.name()));
            return Response.ok(n);
        });
    }

    /** A validated {@code MatterRequest}. */
    private record MatterInput(String name, String number, long clientId, long statusId, String keywords, String notes) {
    }

    private MatterInput read(Request req) {
        BodyCheck c = BodyCheck.of(BodyCheck.unwrap(req, "MatterRequest", Set.of()));
        c.only(MATTER_PROPERTIES, "MatterRequest");
        String name = c.text("Name", true, 255);
        String number = c.text("Number", true, 255);
        Long client = c.securable("Client", true);
        Long status = c.securable("Status", true);
        String keywords = c.text("Keywords", false, 0);
        String notes = c.text("Notes", false, 0);
        if (client != null && data.client(client) == null) {
            c.error("Client", "ArtifactID " + client + " is not an eligible client; see GET " + BASE + "/workspaces/-1/eligible-clients.");
        }
        if (status != null && Catalog.find(Catalog.MATTER_STATUSES, status).isEmpty()) {
            c.error("Status", "ArtifactID " + status + " is not an eligible matter status; eligible: "
                    + Catalog.ids(Catalog.MATTER_STATUSES) + ".");
        }
        c.throwIfInvalid("MatterRequest");
        return new MatterInput(name, number, client, status, keywords, notes);
    }

    private Response create(Request req) {
        MatterInput in = read(req);
        return data.store.write(() -> {
            ctx.rejectIfListed(List.of(in.number()));
            long id = data.nextArtifactId();
            String ts = ctx.timestamp();
            ObjectNode m = record(id, in, ts, ts);
            data.matters.put(id, m);
            // Matter Manager's CreateAsync returns only the new ArtifactID
            return Response.ok(LongNode.valueOf(id));
        });
    }

    private Response update(Request req) {
        MatterInput in = read(req);
        return data.store.write(() -> {
            ObjectNode existing = require(req.pathVar("matterID"));
            long id = existing.path("ArtifactID").asLong();
            ctx.rejectIfListed(List.of(in.number(), existing.path("Number").asText()));
            ObjectNode m = record(id, in, existing.path("CreatedOn").asText(), existing.path("LastModifiedOn").asText());
            if (!m.equals(existing)) {
                m.put("LastModifiedOn", ctx.timestamp());
                data.matters.put(id, m);
                if (!in.number().equals(existing.path("Number").asText())) {
                    for (ObjectNode w : data.workspacesOfMatter(id)) {
                        ObjectNode copy = w.deepCopy();
                        copy.put("MatterNumber", in.number());
                        data.workspaces.put(w.path("ArtifactID").asLong(), copy);
                    }
                }
            }
            // UpdateAsync returns nothing
            return Response.empty(200);
        });
    }

    private Response delete(Request req) {
        return data.store.write(() -> {
            ObjectNode existing = require(req.pathVar("matterID"));
            long id = existing.path("ArtifactID").asLong();
            List<Long> used = new ArrayList<>();
            data.workspacesOfMatter(id).forEach(w -> used.add(w.path("ArtifactID").asLong()));
            if (!used.isEmpty()) {
                throw RelativityException.badInput("Matter " + id + " cannot be deleted: workspace(s) " + used + " belong to it.");
            }
            data.matters.remove(id);
            return Response.empty(200);
        });
    }

    private static ObjectNode record(long id, MatterInput in, String createdOn, String lastModifiedOn) {
        ObjectNode m = Json.object();
        m.put("ArtifactID", id);
        m.put("Name", in.name());
        m.put("Number", in.number());
        m.put("ClientArtifactID", in.clientId());
        m.put("StatusArtifactID", in.statusId());
        m.put("Keywords", in.keywords());
        m.put("Notes", in.notes());
        m.put("CreatedOn", createdOn);
        m.put("LastModifiedOn", lastModifiedOn);
        return m;
    }

    ObjectNode require(String matterId) {
        Long id = WorkspaceServiceApi.parseId(matterId);
        ObjectNode m = id == null ? null : data.matter(id);
        if (m == null) {
            throw RelativityException.missing("Matter " + matterId + " does not exist.");
        }
        return m;
    }

    /**
     * A matter as Matter Manager's ReadAsync answers it. The spec gives no schema for it; the shape follows the
     * MatterRequest's names (Client and Status as securable displayable identifiers) plus the audit fields.
     */
    ObjectNode render(ObjectNode m) {
        ObjectNode n = Json.object();
        n.put("ArtifactID", m.path("ArtifactID").asLong());
        n.putArray("Guids");
        n.put("Name", m.path("Name").asText());
        n.put("Number", m.path("Number").asText());
        n.set("Client", Catalog.securable(data.clientRef(m.path("ClientArtifactID").asLong())));
        n.set("Status", Catalog.securable(Catalog.find(Catalog.MATTER_STATUSES, m.path("StatusArtifactID").asLong())
                .map(Catalog.Named::displayable).orElse(null)));
        n.put("Keywords", AdminArtifacts.text(m, "Keywords"));
        n.put("Notes", AdminArtifacts.text(m, "Notes"));
        n.put("CreatedOn", m.path("CreatedOn").asText());
        n.set("CreatedBy", Catalog.API_USER.displayable());
        n.put("LastModifiedOn", m.path("LastModifiedOn").asText());
        n.set("LastModifiedBy", Catalog.API_USER.displayable());
        return n;
    }
}
