package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Document management as iManage Work: workspaces, name-value pairs and security through the Power Platform
 * facade's actions under {@code /dms/automate/work}, filed documents read through the Work API v2 REST layout
 * under {@code /dms/work/api/v2/customers/1/libraries/LEGAL}. It sends no webhooks: iManage has none for filings,
 * so the hub polls. Internal.
 */
public final class DmsModule extends SystemModule {

    private static final String FACADE = "/automate/work";
    private static final String REST = "/work/api/v2/customers/{customer}/libraries/{library}";
    private static final String CUSTOMER = "1";
    private static final List<String> CREATE_CHILDREN = List.of("All Folders", "Only Required Folders");
    private static final List<String> OBJECT_TYPES = List.of("document", "folder", "workspace");
    private static final List<String> DOCUMENT_DEFAULT_SECURITY = List.of("inherit", "private", "view", "public");
    private static final int MAX_FEED_LIMIT = 500;

    private final ImanageDirectory directory = ImanageDirectory.standard();
    private final Table workspaces;
    private final Table documents;

    /** A workspace or document named by {@code objectType} and {@code objectId}. */
    private record Target(String type, Table table, long key, ObjectNode record) {
        boolean isWorkspace() {
            return type.equals("workspace");
        }
    }

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
    protected void seed(SeedData data) {
        // no workspaces or documents: the hub provisions workspaces and users file documents. The library, its users,
        // groups and templates are ImanageDirectory's fixed reference data, present with or without seeding.
    }

    @Override
    protected void registerApi(Router r) {
        r.post(FACADE + "/createWorkspace", this::createWorkspace);
        r.post(FACADE + "/updateWorkspace", this::updateWorkspace);
        r.post(FACADE + "/getWorkspaceProfile", this::getWorkspaceProfile);
        r.post(FACADE + "/searchWorkspaces", this::searchWorkspaces);
        r.post(FACADE + "/editNVP", this::editNameValuePairs);
        r.get(FACADE + "/getWorkspaceTemplates", this::getWorkspaceTemplates);
        r.get(FACADE + "/getLibraries", this::getLibraries);
        r.get(FACADE + "/getGroupMembers", this::getGroupMembers);
        r.post(FACADE + "/updateDefaultSecurity", this::updateDefaultSecurity);
        r.post(FACADE + "/updatePermissions", this::updatePermissions);
        r.post(FACADE + "/getPermissions", this::getPermissions);
        r.get(REST + "/documents", this::documentFeed);
        r.get(REST + "/documents/{id}", this::getDocument);
    }

    @Override
    protected void registerControl(Router r) {
        // a workspace deleted behind the hub's back (to demonstrate and test reconciliation); its documents stay
        r.delete("/_control/workspaces/{id}", req -> store.write(() -> {
            Long key = workspaceKey(req.pathVar("id"));
            if (key == null || !workspaces.remove(key)) {
                throw notFound("workspace", req.pathVar("id"));
            }
            return Response.noContent();
        }));
        // what the facade cannot read back (name-value pairs, folders), for tests and demos
        r.get("/_control/workspaces/{id}", req -> {
            ObjectNode ws = existingWorkspace(req.pathVar("id"));
            ObjectNode view = Json.object();
            view.set("profile", WorkspaceProfiles.profile(ws, directory, linkBase(req)));
            view.set("nameValuePairs", ws.path(WorkspaceProfiles.NAME_VALUE_PAIRS));
            view.set("security", ImanageSecurity.permissions(ws, null, directory, true));
            view.set("folders", ws.path(WorkspaceProfiles.FOLDERS));
            view.put("templateId", ws.path(WorkspaceProfiles.TEMPLATE_ID).asText());
            return Response.data(200, view);
        });
        r.post("/_control/documents", this::fileDocument);
        r.get("/_control/documents/{id}", req -> {
            Target doc = document(req.pathVar("id"));
            ObjectNode view = Json.object();
            view.set("profile", DocumentProfiles.profile(doc.record(), directory, linkBase(req)));
            view.set("nameValuePairs", doc.record().path(WorkspaceProfiles.NAME_VALUE_PAIRS));
            view.set("security", ImanageSecurity.permissions(doc.record(), inheritedDefault(doc), directory, true));
            return Response.data(200, view);
        });
    }

    // ------------------------------------------------------------------------------------------ workspaces

    private Response createWorkspace(Request req) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        String libraryId = f.text("libraryId", true, 254);
        String templateId = f.text("templateId", true, 300);
        ImanageIds.Parsed template = templateId == null ? null : ImanageIds.parseContainer(templateId);
        if (templateId != null && template == null) {
            f.invalid("templateId", "must be a template id such as LEGAL!12, got '" + templateId + "'");
        }
        String createChildren = exactlyOneOf(body, "createChildren", CREATE_CHILDREN, f);
        if (!body.has("name")) {
            f.missing("name");
        }
        ObjectNode ws = Json.object();
        WorkspaceProfileRules.apply(body, ws, true, f, directory);
        f.check(400);
        String library = requireLibrary(libraryId);
        requireLibrary(template.library());
        ImanageDirectory.Template t = directory.template(template.number()).orElseThrow(() -> ApiException.notFound(
                "template " + templateId + " not found; the templates of library " + library + " are "
                        + directory.templates().stream().map(x -> x.id() + " (" + x.name() + ")").collect(Collectors.joining(", "))));
        return store.write(() -> {
            checkRejected(ws.path("custom2").asText(null));
            long number = store.nextId("workspaces", 1001);
            String now = now();
            ws.put("id", ImanageIds.container(library, number));
            ws.put("database", library);
            ws.put("document_number", number);
            if (!ws.has("owner")) {
                ws.put("owner", ImanageDirectory.CALLER);
            }
            if (!ws.has("default_security")) {
                ws.put("default_security", t.defaultSecurity());
            }
            ArrayNode folders = ws.putArray(WorkspaceProfiles.FOLDERS);
            t.folders().stream().filter(x -> x.required() || createChildren.equals("All Folders"))
                    .forEach(x -> folders.add(x.name()));
            ws.set(ImanageSecurity.ACL, ImanageSecurity.storedAcl(t.acl()));
            ws.putObject(WorkspaceProfiles.NAME_VALUE_PAIRS);
            ws.put(WorkspaceProfiles.TEMPLATE_ID, t.id());
            ws.put("version", 1);
            ws.put("create_date", now);
            ws.put("edit_date", now);
            workspaces.put(number, ws);
            return Response.data(200, WorkspaceProfiles.profile(ws, directory, linkBase(req)));
        });
    }

    private Response updateWorkspace(Request req) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        String id = containerId(f, "id", "a workspace id such as LEGAL!1001");
        WorkspaceProfileRules.apply(body, Json.object(), false, f, directory);
        f.check(400);
        return store.write(() -> {
            ObjectNode existing = existingWorkspace(id);
            ObjectNode ws = existing.deepCopy();
            Fields again = new Fields(body);
            WorkspaceProfileRules.apply(body, ws, false, again, directory);
            again.check(400);
            checkRejected(existing.path("custom2").asText(null), ws.path("custom2").asText(null));
            if (!ws.equals(existing)) {
                ws.put("version", ws.path("version").asInt() + 1);
                ws.put("edit_date", now());
                workspaces.put(workspaceKey(id), ws);
            }
            return Response.data(200, WorkspaceProfiles.profile(ws, directory, linkBase(req)));
        });
    }

    private Response getWorkspaceProfile(Request req) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("workspaceId"), Set.of());
        String id = containerId(f, "workspaceId", "a workspace id such as LEGAL!1001");
        f.check(400);
        return Response.data(200, WorkspaceProfiles.profile(existingWorkspace(id), directory, linkBase(req)));
    }

    /** All matches, no paging, in id order: with only {@code libraryId} it lists the library's every workspace. */
    private Response searchWorkspaces(Request req) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        String libraryId = f.text("libraryId", true, 254);
        Predicate<ObjectNode> filter = WorkspaceSearch.parse(body, f);
        f.check(400);
        String library = requireLibrary(libraryId);
        List<ObjectNode> matches = workspaces.all().stream()
                .filter(ws -> library.equals(ws.path("database").asText()) && filter.test(ws)).toList();
        ObjectNode data = Json.object();
        if (!matches.isEmpty()) {
            data.put("topMatchingId", matches.get(0).path("id").asText());
            data.put("topMatchingName", matches.get(0).path("name").asText());
        }
        ArrayNode results = data.putArray("results");
        String base = linkBase(req);
        matches.forEach(ws -> results.add(WorkspaceProfiles.searchResult(ws, directory, base)));
        return Response.data(200, data);
    }

    private Response getWorkspaceTemplates(Request req) {
        Set<String> allowed = new HashSet<>(Set.of("libraryId"));
        for (int i = 1; i <= 30; i++) {
            if (i < 13 || i > 16) {
                allowed.add("custom" + i);
            }
            if (i >= 21 && i <= 24) {
                allowed.addAll(List.of("custom" + i + "_from", "custom" + i + "_to", "custom" + i + "_relative"));
            }
        }
        allowOnly(req, allowed);
        String library = requireLibrary(requiredQuery(req, "libraryId"));
        // the seeded templates carry no custom values, so any custom filter leaves none
        boolean customFilter = req.queryPairs().stream().anyMatch(e -> e.getKey().startsWith("custom"));
        ObjectNode data = Json.object();
        List<ImanageDirectory.Template> found = customFilter ? List.of() : directory.templates();
        if (!found.isEmpty()) {
            data.put("topMatchingId", found.get(0).id());
            data.put("topMatchingName", found.get(0).name());
        }
        ArrayNode results = data.putArray("results");
        for (ImanageDirectory.Template t : found) {
            ObjectNode n = results.addObject();
            n.put("id", ImanageIds.container(library, t.number()));
            n.put("name", t.name());
        }
        return Response.data(200, data);
    }

    private Response getLibraries(Request req) {
        allowOnly(req, Set.of("showAllLibraries", "hidePreferredLibrary"));
        req.queryBool("showAllLibraries");
        req.queryBool("hidePreferredLibrary");
        ArrayNode data = Json.array();
        ObjectNode lib = data.addObject();
        lib.put("id", ImanageDirectory.LIBRARY);
        lib.put("display_name", ImanageDirectory.LIBRARY_DISPLAY_NAME);
        lib.put("type", "worksite");
        lib.put("is_hidden", false);
        return Response.data(200, data);
    }

    private Response getGroupMembers(Request req) {
        allowOnly(req, Set.of("libraryId", "groupId", "logon_status", "limit", "preferred_library", "location"));
        requireLibrary(requiredQuery(req, "libraryId"));
        String groupId = requiredQuery(req, "groupId");
        String logon = req.query("logon_status");
        if (logon != null && !List.of("Any", "Disabled", "Enabled").contains(logon)) {
            throw ApiException.badRequest("logon_status must be one of Any, Disabled, Enabled, got '" + logon + "'");
        }
        int limit = req.queryInt("limit", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        String preferred = req.query("preferred_library");
        String location = req.query("location");
        ImanageDirectory.Group group = directory.group(groupId)
                .orElseThrow(() -> ApiException.notFound("group " + groupId + " not found"));
        ArrayNode data = Json.array();
        // every sandbox user may log on, prefers library LEGAL and has no location
        boolean none = "Disabled".equals(logon) || location != null || (preferred != null && !ImanageDirectory.isLibrary(preferred));
        if (!none) {
            group.memberIds().stream().limit(limit).forEach(id -> directory.user(id).ifPresent(u -> {
                ObjectNode n = data.addObject();
                n.put("id", u.id());
                n.put("full_name", u.fullName());
                n.put("email", u.email());
                n.put("allow_logon", true);
                n.put("is_external", false);
                n.put("preferred_library", ImanageDirectory.LIBRARY);
            }));
        }
        return Response.data(200, data);
    }

    // ------------------------------------------------------------------------------------------ name-value pairs, security

    /** Merges the pairs; an empty string deletes a key. Name-value pairs are not part of any profile. */
    private Response editNameValuePairs(Request req) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("objectType", "objectId", "nameValuePairs"), Set.of());
        String type = exactlyOneOf(body, "objectType", OBJECT_TYPES, f);
        String objectId = objectId(f);
        JsonNode pairs = body.get("nameValuePairs");
        if (pairs != null) {
            if (!pairs.isObject()) {
                f.invalid("nameValuePairs", "must be an object of string values, got " + pairs);
            } else {
                pairs.fields().forEachRemaining(e -> {
                    if (e.getKey().isBlank()) {
                        f.invalid("nameValuePairs", "has an empty name");
                    } else if (!e.getValue().isTextual()) {
                        f.invalid("nameValuePairs." + e.getKey(), "must be a string (\"\" deletes the pair), got " + e.getValue());
                    }
                });
            }
        }
        f.check(400);
        return store.write(() -> {
            Target target = target(type, objectId);
            checkRejected(target.record().path("custom2").asText(null));
            ObjectNode updated = target.record().deepCopy();
            JsonNode existing = updated.get(WorkspaceProfiles.NAME_VALUE_PAIRS);
            ObjectNode merged = existing instanceof ObjectNode o ? o : updated.putObject(WorkspaceProfiles.NAME_VALUE_PAIRS);
            if (pairs != null) {
                Iterator<Map.Entry<String, JsonNode>> it = pairs.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().asText().isEmpty()) {
                        merged.remove(e.getKey());
                    } else {
                        merged.put(e.getKey(), e.getValue().asText());
                    }
                }
            }
            if (!updated.equals(target.record())) {
                target.table().put(target.key(), updated);
            }
            // the facade declares no answer body for editNVP
            return Response.ok(Json.object());
        });
    }

    private Response updateDefaultSecurity(Request req) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("objectType", "objectId", "default_security"), Set.of());
        String type = exactlyOneOf(body, "objectType", OBJECT_TYPES, f);
        String objectId = objectId(f);
        String value = f.text("default_security", true, 20);
        f.check(400);
        return store.write(() -> {
            Target target = target(type, objectId);
            List<String> allowed = target.isWorkspace() ? WorkspaceProfileRules.DEFAULT_SECURITY : DOCUMENT_DEFAULT_SECURITY;
            if (!allowed.contains(value)) {
                throw new ApiException(400, "ValidationFailed", "default_security of a " + type + " must be one of "
                        + String.join(", ", allowed) + ", got '" + value + "'", List.of("default_security"));
            }
            checkRejected(target.record().path("custom2").asText(null));
            ObjectNode updated = target.record();
            if (!value.equals(updated.path("default_security").asText())) {
                updated = updated.deepCopy();
                updated.put("default_security", value);
                // default security is part of the profile, so it counts as a profile change
                if (target.isWorkspace()) {
                    updated.put("version", updated.path("version").asInt() + 1);
                    updated.put("edit_date", now());
                } else {
                    updated.put("edit_profile_date", now());
                }
                target.table().put(target.key(), updated);
            }
            return Response.data(200, ImanageSecurity.permissions(updated, null, directory, false));
        });
    }

    private Response updatePermissions(Request req) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("objectType", "objectId", "access_level", "users", "groups"), Set.of());
        String type = exactlyOneOf(body, "objectType", OBJECT_TYPES, f);
        String objectId = objectId(f);
        List<String> levels = new ArrayList<>();
        for (ImanageAccessLevel l : ImanageAccessLevel.values()) {
            levels.add(l.displayName);
        }
        levels.add(ImanageAccessLevel.REMOVE);
        String level = exactlyOneOf(body, "access_level", levels, f);
        List<ImanageSecurity.Trustee> trustees = ImanageSecurity.trustees(body, f, directory);
        f.check(400);
        return store.write(() -> {
            Target target = target(type, objectId);
            checkRejected(target.record().path("custom2").asText(null));
            ArrayNode acl = ImanageSecurity.update(ImanageSecurity.storedAcl(target.record()), trustees,
                    ImanageAccessLevel.byDisplayName(level));
            ObjectNode updated = target.record();
            if (!acl.equals(ImanageSecurity.storedAcl(updated))) {
                updated = updated.deepCopy();
                updated.set(ImanageSecurity.ACL, acl);
                target.table().put(target.key(), updated);
            }
            return Response.data(200, ImanageSecurity.permissions(updated, null, directory, true));
        });
    }

    private Response getPermissions(Request req) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("objectType", "objectId"), Set.of());
        String type = exactlyOneOf(body, "objectType", OBJECT_TYPES, f);
        String objectId = objectId(f);
        f.check(400);
        Target target = target(type, objectId);
        return Response.data(200, ImanageSecurity.permissions(target.record(), inheritedDefault(target), directory, true));
    }

    /** A document inherits its workspace's default security. */
    private String inheritedDefault(Target target) {
        if (target.isWorkspace()) {
            return null;
        }
        Long ws = workspaceKey(target.record().path("workspace_id").asText());
        ObjectNode workspace = ws == null ? null : workspaces.get(ws);
        return workspace == null ? null : workspace.path("default_security").asText();
    }

    // ------------------------------------------------------------------------------------------ documents

    /**
     * Documents changed since {@code edit_date_from} (inclusive), oldest first, by edit date then id, with
     * offset paging; {@code total=true} adds {@code total_count}.
     */
    private Response documentFeed(Request req) {
        String library = restLibrary(req);
        allowOnly(req, Set.of("edit_date_from", "edit_date_to", "offset", "limit", "total"));
        String from = req.queryTimestamp("edit_date_from");
        String to = req.queryTimestamp("edit_date_to");
        int offset = req.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = req.queryInt("limit", Paging.DEFAULT_LIMIT, 1, MAX_FEED_LIMIT);
        boolean total = Boolean.TRUE.equals(req.queryBool("total"));
        List<ObjectNode> matching = documents.all().stream()
                .filter(d -> library.equals(d.path("database").asText()))
                .filter(d -> from == null || d.path("edit_date").asText().compareTo(from) >= 0)
                .filter(d -> to == null || d.path("edit_date").asText().compareTo(to) <= 0)
                .sorted(Comparator.comparing((ObjectNode d) -> d.path("edit_date").asText())
                        .thenComparingLong(d -> d.path("document_number").asLong())
                        .thenComparingInt(d -> d.path("version").asInt()))
                .toList();
        ObjectNode out = Json.object();
        ArrayNode data = out.putArray("data");
        String base = linkBase(req);
        matching.stream().skip(offset).limit(limit).forEach(d -> data.add(DocumentProfiles.profile(d, directory, base)));
        if (total) {
            out.put("total_count", matching.size());
        }
        return Response.ok(out);
    }

    private Response getDocument(Request req) {
        String library = restLibrary(req);
        ImanageIds.Parsed id = ImanageIds.parseDocument(req.pathVar("id"));
        if (id == null || !id.library().equals(library)) {
            throw notFound("document", req.pathVar("id"));
        }
        return Response.data(200, DocumentProfiles.profile(document(req.pathVar("id")).record(), directory, linkBase(req)));
    }

    /** A user files a document into a workspace (what the facade's multipart upload would do, minus the content). */
    private Response fileDocument(Request req) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        DocumentProfiles.Filing filing = DocumentProfiles.filing(body, f, directory);
        f.check(400);
        return store.write(() -> {
            Long key = workspaceKey(filing.workspaceId());
            ObjectNode ws = key == null ? null : workspaces.get(key);
            if (ws == null) {
                throw new ApiException(400, "ValidationFailed", "workspaceId " + filing.workspaceId()
                        + " does not match any workspace", List.of("workspaceId"));
            }
            long number = store.nextId("documents", 1);
            ObjectNode d = DocumentProfiles.file(filing, ws, number, now());
            documents.put(number, d);
            return Response.data(201, DocumentProfiles.profile(d, directory, linkBase(req)));
        });
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Target target(String type, String objectId) {
        return switch (type) {
            case "workspace" -> {
                ObjectNode ws = existingWorkspace(objectId);
                yield new Target(type, workspaces, workspaceKey(objectId), ws);
            }
            case "document" -> document(objectId);
            default -> {
                requireLibrary(objectId.substring(0, objectId.indexOf('!')));
                throw ApiException.notFound("folder " + objectId + " not found (the sandbox keeps no folder objects)");
            }
        };
    }

    private Target document(String id) {
        ImanageIds.Parsed p = ImanageIds.parseDocument(id);
        if (p == null) {
            throw notFound("document", id);
        }
        requireLibrary(p.library());
        ObjectNode d = documents.get(p.number());
        if (d == null || (p.version() != null && p.version() != d.path("version").asInt())) {
            throw notFound("document", id);
        }
        return new Target("document", documents, p.number(), d);
    }

    private ObjectNode existingWorkspace(String id) {
        ImanageIds.Parsed p = ImanageIds.parseContainer(id);
        if (p == null) {
            throw notFound("workspace", id);
        }
        requireLibrary(p.library());
        ObjectNode ws = workspaces.get(p.number());
        if (ws == null) {
            throw notFound("workspace", id);
        }
        return ws;
    }

    /** The table key of a workspace id in this library, or null. */
    private static Long workspaceKey(String id) {
        ImanageIds.Parsed p = ImanageIds.parseContainer(id);
        return p == null || !p.library().equals(ImanageDirectory.LIBRARY) ? null : p.number();
    }

    private static String containerId(Fields f, String field, String example) {
        String id = f.text(field, true, 300);
        if (id != null && ImanageIds.parseContainer(id) == null) {
            f.invalid(field, "must be " + example + ", got '" + id + "'");
            return null;
        }
        return id;
    }

    private static String objectId(Fields f) {
        String id = f.text("objectId", true, 300);
        if (id != null && !ImanageIds.OBJECT.matcher(id).matches()) {
            f.invalid("objectId", "must be an id such as LEGAL!1001 (workspace) or LEGAL!1.1 (document), got '" + id + "'");
            return null;
        }
        return id;
    }

    /** The value of an enum field, matched exactly as the facade spells it. */
    private static String exactlyOneOf(ObjectNode body, String field, List<String> allowed, Fields f) {
        JsonNode v = body.get(field);
        if (v == null || (v.isTextual() && v.asText().isBlank())) {
            f.missing(field);
            return null;
        }
        if (!v.isTextual() || !allowed.contains(v.asText())) {
            f.invalid(field, "must be one of " + allowed.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ")) + ", got " + v);
            return null;
        }
        return v.asText();
    }

    /** 404 for any library but the sandbox's one; returns its canonical name. */
    private static String requireLibrary(String library) {
        if (!ImanageDirectory.isLibrary(library)) {
            throw ApiException.notFound("library " + library + " not found (the sandbox has library " + ImanageDirectory.LIBRARY + ")");
        }
        return ImanageDirectory.LIBRARY;
    }

    private static String restLibrary(Request req) {
        if (!CUSTOMER.equals(req.pathVar("customer"))) {
            throw ApiException.notFound("customer " + req.pathVar("customer") + " not found (the sandbox has customer " + CUSTOMER + ")");
        }
        return requireLibrary(req.pathVar("library"));
    }

    private static String requiredQuery(Request req, String name) {
        String v = req.query(name);
        if (v == null) {
            throw new ApiException(400, "ValidationFailed", "missing required query parameter " + name, List.of(name));
        }
        return v;
    }

    /** Unknown query parameters are an error, so a misspelt filter cannot silently return everything. */
    private static void allowOnly(Request req, Set<String> allowed) {
        List<String> unknown = req.queryPairs().stream().map(Map.Entry::getKey)
                .filter(k -> !allowed.contains(k)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(400, "BadRequest", "unknown query parameter(s): " + String.join(", ", unknown)
                    + "; allowed: " + allowed.stream().sorted().collect(Collectors.joining(", ")), unknown);
        }
    }

    /** Where clients reach this DMS, for the links in profiles. */
    private String linkBase(Request req) {
        return "http://" + Optional.ofNullable(req.header("Host")).orElse("127.0.0.1") + system.path();
    }
}
