package io.legalhub.sandbox.systems.relativity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Request;
import io.legalhub.sandbox.http.Response;
import io.legalhub.sandbox.http.Router;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Relativity's Workspace Service (relativity-workspace-service.openapi.yml), served at {@code /api/workspace-service}:
 * asynchronous create through {@code /v1/workspace-job}, read, update with {@code LastModifiedOn} as the
 * optimistic lock, and delete. Its schemas declare {@code additionalProperties: false}, so unknown properties are
 * refused. Internal.
 */
public final class WorkspaceServiceApi {

    public static final String BASE = "/api/workspace-service/v1";

    private static final Set<String> CREATE_PROPERTIES = Set.of("Name", "MatterArtifactId", "StatusArtifactId",
            "TemplateArtifactId", "SqlFullTextLanguage", "Keywords", "Notes", "DownloadHandlerUrl", "UseCase",
            "WorkspaceAdminGroupArtifactId");
    private static final Set<String> UPDATE_PROPERTIES = Set.of("DownloadHandlerUrl", "EnableDataGrid", "Matter", "Name",
            "ProductionRestrictions", "ResourcePool", "DefaultFileRepository", "DataGridFileRepository",
            "DefaultCacheLocation", "SqlServer", "AzureCredentials", "AzureFileSystemCredentials", "SqlFullTextLanguage",
            "Status", "Template", "WorkspaceAdminGroup", "UseCase", "Keywords", "Notes", "UserId");
    /** A resource the sandbox has exactly one of: an update may name it, never another. */
    private record SingleResource(String property, Catalog.Named only) {
    }

    private static final List<SingleResource> SINGLE_RESOURCES = List.of(
            new SingleResource("ResourcePool", Catalog.RESOURCE_POOL),
            new SingleResource("DefaultFileRepository", Catalog.FILE_REPOSITORY),
            new SingleResource("DefaultCacheLocation", Catalog.CACHE_LOCATION),
            new SingleResource("SqlServer", Catalog.SQL_SERVER));
    /** Resources the sandbox has none of. */
    private static final List<String> ABSENT_RESOURCES = List.of(
            "DataGridFileRepository", "AzureCredentials", "AzureFileSystemCredentials", "ProductionRestrictions");

    private final AdminArtifacts data;
    private final WorkspaceJobs jobs;
    private final RelativityContext ctx;

    public WorkspaceServiceApi(AdminArtifacts data, WorkspaceJobs jobs, RelativityContext ctx) {
        this.data = data;
        this.jobs = jobs;
        this.ctx = ctx;
        jobs.materializer(this::materialize);
    }

    public void register(Router r) {
        r.post(BASE + "/workspace-job", this::enqueue);
        r.get(BASE + "/workspace-job/{jobId}", this::jobStatus);
        r.get(BASE + "/workspace/{workspaceId}", req -> Response.ok(render(require(req.pathVar("workspaceId")))));
        r.put(BASE + "/workspace/{workspaceId}", this::update);
        r.delete(BASE + "/workspace/{workspaceId}", req -> data.store.write(() -> {
            ObjectNode w = require(req.pathVar("workspaceId"));
            data.workspaces.remove(w.path("ArtifactID").asLong());
            return Response.noContent();
        }));
    }

    static Long parseId(String id) {
        if (id == null || !id.matches("\\d{1,10}")) {
            return null;
        }
        long v = Long.parseLong(id);
        return v > Integer.MAX_VALUE ? null : v;
    }

    /** ASP.NET refuses a body it cannot read as JSON with 415 before it looks at it. */
    private static void requireJson(Request req) {
        String ct = req.header("Content-Type");
        String type = ct == null ? "" : ct.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!(type.equals("application/json") || type.equals("text/json")
                || (type.startsWith("application/") && type.endsWith("+json")))) {
            throw RelativityException.unsupportedMediaType("Content-Type must be application/json"
                    + (ct == null ? "; the request has none." : ", got '" + ct + "'."));
        }
    }

    // ------------------------------------------------------------------------------------------ create

    private Response enqueue(Request req) {
        requireJson(req);
        BodyCheck c = BodyCheck.of(req.jsonObject());
        c.only(CREATE_PROPERTIES, "WorkspaceCreateRequestDto");
        String name = c.text("Name", true, 50);
        String useCase = c.text("UseCase", true, 0);
        Long matterId = c.integer("MatterArtifactId", true);
        Long statusId = c.integer("StatusArtifactId", false);
        Long templateId = c.integer("TemplateArtifactId", false);
        Long language = c.integer("SqlFullTextLanguage", false);
        String keywords = c.text("Keywords", false, 50);
        String notes = c.text("Notes", false, 0);
        String downloadUrl = c.text("DownloadHandlerUrl", false, 0);
        Long groupId = c.integer("WorkspaceAdminGroupArtifactId", false);
        ObjectNode matter = matterId == null ? null : data.matter(matterId);
        if (matterId != null && matter == null) {
            c.error("MatterArtifactId", "Matter " + matterId + " does not exist.");
        }
        checkChoice(c, "StatusArtifactId", statusId, Catalog.WORKSPACE_STATUSES, "workspace status");
        checkChoice(c, "TemplateArtifactId", templateId, Catalog.TEMPLATES, "workspace template");
        checkChoice(c, "SqlFullTextLanguage", language, Catalog.LANGUAGES, "SQL full-text language");
        checkChoice(c, "WorkspaceAdminGroupArtifactId", groupId, Catalog.GROUPS, "group");
        c.throwIfInvalid("WorkspaceCreateRequestDto");
        return data.store.write(() -> {
            ObjectNode current = data.matter(matterId);
            if (current == null) {
                throw RelativityException.invalid("Matter " + matterId + " does not exist.",
                        List.of(new PropertyError("MatterArtifactId", "Matter " + matterId + " does not exist.")));
            }
            ctx.rejectIfListed(List.of(current.path("Number").asText()));
            ObjectNode spec = Json.object();
            spec.put("Name", name);
            spec.put("UseCase", useCase);
            spec.put("MatterArtifactID", matterId);
            spec.put("StatusArtifactID", statusId == null ? Catalog.DEFAULT_WORKSPACE_STATUS.artifactId() : statusId);
            spec.put("TemplateArtifactID", templateId == null ? Catalog.DEFAULT_TEMPLATE.artifactId() : templateId);
            spec.put("SqlFullTextLanguage", language == null ? Catalog.DEFAULT_LANGUAGE.artifactId() : language);
            spec.put("Keywords", keywords);
            spec.put("Notes", notes);
            spec.put("DownloadHandlerUrl", downloadUrl);
            if (groupId == null) {
                spec.putNull("WorkspaceAdminGroupArtifactID");
            } else {
                spec.put("WorkspaceAdminGroupArtifactID", groupId);
            }
            ObjectNode job = jobs.enqueue(spec);
            ObjectNode answer = Json.object();
            answer.put("JobId", job.path("JobId").asText());
            return Response.ok(answer);
        });
    }

    private static void checkChoice(BodyCheck c, String property, Long id, List<Catalog.Named> eligible, String what) {
        if (id != null && Catalog.find(eligible, id).isEmpty()) {
            c.error(property, id + " is not an eligible " + what + "; eligible: " + Catalog.ids(eligible) + ".");
        }
    }

    private Response jobStatus(Request req) {
        String jobId = req.pathVar("jobId");
        try {
            UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw RelativityException.invalid("The value '" + jobId + "' is not valid.",
                    List.of(new PropertyError("jobId", "The value '" + jobId + "' is not a valid GUID.")));
        }
        ObjectNode status = jobs.status(jobId);
        if (status == null) {
            throw RelativityException.missing("Workspace creation job " + jobId + " does not exist.");
        }
        return Response.ok(status);
    }

    /** Creates the workspace of a finished job (inside the write lock); null makes the job fail. */
    private Long materialize(ObjectNode spec, String jobId) {
        long matterId = spec.path("MatterArtifactID").asLong();
        ObjectNode matter = data.matter(matterId);
        if (matter == null) {
            return null; // the matter was deleted while the job ran
        }
        long id = data.nextArtifactId();
        String ts = ctx.timestamp();
        ObjectNode w = spec.deepCopy();
        w.put("ArtifactID", id);
        w.put("MatterNumber", matter.path("Number").asText());
        w.put("EnableDataGrid", false);
        w.putNull("DmsWorkspace");
        w.put("JobID", jobId);
        w.put("CreatedOn", ts);
        w.put("LastModifiedOn", ts);
        data.workspaces.put(id, w);
        return id;
    }

    // ------------------------------------------------------------------------------------------ update

    private Response update(Request req) {
        requireJson(req);
        BodyCheck env = BodyCheck.of(req.jsonObject());
        env.only(Set.of("WorkspaceRequest", "LastModifiedOn"), "WorkspaceRequestEnvelope");
        Instant lastModified = env.dateTime("LastModifiedOn");
        BodyCheck w = env.object("WorkspaceRequest");
        if (w == null) {
            if (!env.has("WorkspaceRequest")) {
                env.error("WorkspaceRequest", "The WorkspaceRequest field is required.");
            }
            env.throwIfInvalid("WorkspaceRequestEnvelope");
        }
        w.only(UPDATE_PROPERTIES, "WorkspaceUpdateRequest");
        ObjectNode changes = Json.object();
        if (w.has("Name")) {
            String name = w.text("Name", true, 0);
            if (name != null) {
                changes.put("Name", name);
            }
        }
        if (w.has("Matter")) {
            Long matterId = w.securable("Matter", true);
            if (matterId != null && data.matter(matterId) == null) {
                w.error("Matter", "Matter " + matterId + " does not exist.");
            } else if (matterId != null) {
                changes.put("MatterArtifactID", matterId);
            }
        }
        if (w.has("Status")) {
            Long status = w.objectIdentifier("Status", true);
            checkChoice(w, "Status", status, Catalog.WORKSPACE_STATUSES, "workspace status");
            if (status != null) {
                changes.put("StatusArtifactID", status);
            }
        }
        if (w.has("Template")) {
            Long template = w.securable("Template", true);
            checkChoice(w, "Template", template, Catalog.TEMPLATES, "workspace template");
            if (template != null) {
                changes.put("TemplateArtifactID", template);
            }
        }
        if (w.has("WorkspaceAdminGroup")) {
            if (w.securableIsEmpty("WorkspaceAdminGroup")) {
                changes.putNull("WorkspaceAdminGroupArtifactID");
            } else {
                Long group = w.securable("WorkspaceAdminGroup", true);
                checkChoice(w, "WorkspaceAdminGroup", group, Catalog.GROUPS, "group");
                if (group != null) {
                    changes.put("WorkspaceAdminGroupArtifactID", group);
                }
            }
        }
        for (SingleResource res : SINGLE_RESOURCES) {
            if (w.has(res.property())) {
                Long id = w.securable(res.property(), true);
                if (id != null && id != res.only().artifactId()) {
                    w.error(res.property(), id + " is not eligible; the sandbox has only " + res.only().artifactId()
                            + " (" + res.only().name() + ").");
                }
            }
        }
        for (String prop : ABSENT_RESOURCES) {
            if (w.has(prop) && !w.securableIsEmpty(prop)) {
                w.error(prop, "none is configured in the sandbox; send {\"Secured\": false, \"Value\": null} or leave it out.");
            }
        }
        Long language = w.integer("SqlFullTextLanguage", false);
        checkChoice(w, "SqlFullTextLanguage", language, Catalog.LANGUAGES, "SQL full-text language");
        if (language != null) {
            changes.put("SqlFullTextLanguage", language);
        }
        Boolean grid = w.bool("EnableDataGrid");
        if (grid != null) {
            changes.put("EnableDataGrid", grid);
        }
        for (String prop : List.of("UseCase", "Keywords", "Notes", "DownloadHandlerUrl")) {
            String v = w.text(prop, false, 0);
            if (v != null) {
                changes.put(prop, v);
            }
        }
        w.integer("UserId", false);
        env.throwIfInvalid("WorkspaceRequestEnvelope");
        return data.store.write(() -> {
            ObjectNode existing = require(req.pathVar("workspaceId"));
            long id = existing.path("ArtifactID").asLong();
            Instant current = Json.parseInstant(existing.path("LastModifiedOn").asText());
            if (lastModified != null && !lastModified.equals(current)) {
                throw RelativityException.staleWrite("Workspace " + id + " was modified at " + existing.path("LastModifiedOn").asText()
                        + ", after the LastModifiedOn you sent (" + Json.ts(lastModified) + "). Read it again and retry.");
            }
            ObjectNode updated = existing.deepCopy();
            updated.setAll(changes);
            List<String> numbers = new ArrayList<>(List.of(existing.path("MatterNumber").asText()));
            if (changes.has("MatterArtifactID")) {
                ObjectNode matter = data.matter(changes.path("MatterArtifactID").asLong());
                if (matter == null) {
                    throw RelativityException.invalid("Matter " + changes.path("MatterArtifactID").asLong() + " does not exist.",
                            List.of(new PropertyError("WorkspaceRequest.Matter", "the matter does not exist")));
                }
                updated.put("MatterNumber", matter.path("Number").asText());
                numbers.add(matter.path("Number").asText());
            }
            ctx.rejectIfListed(numbers);
            if (!updated.equals(existing)) {
                updated.put("LastModifiedOn", ctx.timestamp());
                data.workspaces.put(id, updated);
            }
            return Response.ok(render(updated));
        });
    }

    // ------------------------------------------------------------------------------------------ read

    ObjectNode require(String workspaceId) {
        Long id = parseId(workspaceId);
        ObjectNode w = id == null ? null : data.workspace(id);
        if (w == null) {
            throw RelativityException.missing("Workspace " + workspaceId + " does not exist.");
        }
        return w;
    }

    /** {@code WorkspaceReadResponseV1}, every property the schema has (it allows no others). */
    ObjectNode render(ObjectNode w) {
        ObjectNode matter = data.matter(w.path("MatterArtifactID").asLong());
        ObjectNode client = data.clientOfWorkspace(w);
        ObjectNode n = Json.object();
        n.put("ArtifactID", w.path("ArtifactID").asLong());
        n.putArray("Guids");
        n.put("Name", w.path("Name").asText());
        n.set("Client", Catalog.securable(client == null ? null
                : Catalog.displayable(client.path("ArtifactID").asLong(), client.path("Name").asText())));
        n.set("ClientNumber", stringSecurable(client == null ? null : AdminArtifacts.text(client, "ClientNumber")));
        n.put("DownloadHandlerUrl", AdminArtifacts.text(w, "DownloadHandlerUrl"));
        n.put("EnableDataGrid", w.path("EnableDataGrid").asBoolean());
        n.set("Matter", Catalog.securable(matter == null ? null
                : Catalog.displayable(matter.path("ArtifactID").asLong(), matter.path("Name").asText())));
        n.set("MatterNumber", stringSecurable(matter == null ? null : matter.path("Number").asText()));
        n.set("ProductionRestrictions", Catalog.securable(null));
        n.set("ResourcePool", Catalog.securable(Catalog.RESOURCE_POOL.displayable()));
        n.set("DefaultFileRepository", Catalog.securable(Catalog.FILE_REPOSITORY.displayable()));
        n.set("DataGridFileRepository", Catalog.securable(null));
        n.set("DefaultCacheLocation", Catalog.securable(Catalog.CACHE_LOCATION.displayable()));
        n.set("SqlServer", Catalog.securable(Catalog.SQL_SERVER.displayable()));
        n.set("AzureCredentials", Catalog.securable(null));
        n.set("AzureFileSystemCredentials", Catalog.securable(null));
        Catalog.Named language = Catalog.find(Catalog.LANGUAGES, w.path("SqlFullTextLanguage").asLong()).orElse(Catalog.DEFAULT_LANGUAGE);
        n.putObject("SqlFullTextLanguage").put("ID", language.artifactId()).put("Name", language.name());
        n.set("Status", Catalog.find(Catalog.WORKSPACE_STATUSES, w.path("StatusArtifactID").asLong())
                .map(Catalog.Named::displayable).orElse(null));
        n.put("Keywords", AdminArtifacts.text(w, "Keywords"));
        n.put("Notes", AdminArtifacts.text(w, "Notes"));
        n.put("CreatedOn", w.path("CreatedOn").asText());
        n.set("CreatedBy", Catalog.API_USER.displayable());
        n.set("LastModifiedBy", Catalog.API_USER.displayable());
        n.put("LastModifiedOn", w.path("LastModifiedOn").asText());
        // Meta and Actions are objects the schema does not let be null: the sandbox has none to give, so leaves them out
        Long group = w.hasNonNull("WorkspaceAdminGroupArtifactID") ? w.get("WorkspaceAdminGroupArtifactID").asLong() : null;
        n.set("WorkspaceAdminGroup", Catalog.securable(group == null ? null
                : Catalog.find(Catalog.GROUPS, group).map(Catalog.Named::displayable).orElse(null)));
        n.put("UseCase", AdminArtifacts.text(w, "UseCase"));
        n.put("JobID", AdminArtifacts.text(w, "JobID"));
        return n;
    }

    private static ObjectNode stringSecurable(String value) {
        ObjectNode n = Json.object();
        n.put("Value", value);
        n.put("Secured", false);
        return n;
    }
}
