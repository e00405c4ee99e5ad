package io.legalhub.sandbox.systems.relativity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Request;
import io.legalhub.sandbox.http.Response;
import io.legalhub.sandbox.http.Router;
import io.legalhub.sandbox.systems.relativity.Catalog.ObjectType;
import io.legalhub.sandbox.systems.relativity.ObjectFields.FieldDef;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Relativity's Object Manager (relativity-object-manager.openapi.yml) for the admin workspace's Client, Matter and
 * Workspace objects: {@code query}, {@code queryslim}, {@code read} and {@code update}. The spec requires the
 * {@code X-CSRF-Header} header on every operation; without it the Kepler framework answers 404. Internal.
 */
public final class ObjectManagerApi {

    public static final String BASE = "/Relativity.REST/api/Relativity.ObjectManager/v1/workspace/{workspaceID}/object";
    public static final String CSRF_HEADER = "X-CSRF-Header";

    private static final Set<String> QUERY_PROPERTIES = Set.of("ObjectType", "Condition", "Sorts", "RelationalField",
            "RowCondition", "SearchProviderCondition", "SampleParameters", "IncludeIDWindow", "RankSortOrder", "QueryHint",
            "Fields", "IsAdhocQuery", "ConvertNumberFieldValuesToString", "IncludeNameInQueryResult",
            "ExecutingSavedSearchID", "ExecutingViewID", "ActiveArtifactID", "MaxCharactersForLongTextValues",
            "LongTextBehavior");
    /** QueryRequest properties the sandbox does not implement; they must be absent or null. */
    private static final List<String> UNSUPPORTED_QUERY = List.of("RelationalField", "SearchProviderCondition",
            "SampleParameters", "ExecutingSavedSearchID", "ExecutingViewID", "ActiveArtifactID");
    private static final int MAX_LENGTH = 10_000;

    private final AdminArtifacts data;
    private final ObjectFields fields;
    private final RelativityContext ctx;

    public ObjectManagerApi(AdminArtifacts data, ObjectFields fields, RelativityContext ctx) {
        this.data = data;
        this.fields = fields;
        this.ctx = ctx;
    }

    public void register(Router r) {
        r.post(BASE + "/query", req -> query(req, false));
        r.post(BASE + "/queryslim", req -> query(req, true));
        r.post(BASE + "/read", this::read);
        r.post(BASE + "/update", this::update);
    }

    /** Kepler refuses a call without the header with 404, so that scanners cannot tell the endpoint exists. */
    private static void requireCsrfHeader(Request req) {
        String h = req.header(CSRF_HEADER);
        if (h == null || h.isBlank()) {
            throw RelativityException.missing("Not found. Object Manager calls need the " + CSRF_HEADER
                    + " header with any non-empty value (usually '-').");
        }
    }

    private void requireAdminWorkspace(Request req) {
        String ws = req.pathVar("workspaceID");
        if ("-1".equals(ws)) {
            return;
        }
        Long id = WorkspaceServiceApi.parseId(ws);
        if (id == null || data.workspace(id) == null) {
            throw RelativityException.missing("Workspace " + ws + " does not exist.");
        }
        throw RelativityException.badInput("Workspace " + ws + " holds no objects in the sandbox: Client, Matter and"
                + " Workspace objects live in the admin workspace, -1.");
    }

    private static int requiredQueryInt(Request req, String name, int min, int max) {
        if (req.query(name) == null) {
            throw RelativityException.invalid("The query parameter '" + name + "' is required, e.g. ?start=1&length=100.",
                    List.of(new PropertyError(name, "is required")));
        }
        try {
            return req.queryInt(name, 0, min, max);
        } catch (ApiException e) {
            throw RelativityException.invalid(e.getMessage(), List.of(new PropertyError(name, e.getMessage())));
        }
    }

    // ------------------------------------------------------------------------------------------ query

    private record Sort(FieldDef field, boolean descending, int order) {
    }

    private Response query(Request req, boolean slim) {
        requireCsrfHeader(req);
        requireAdminWorkspace(req);
        ObjectNode body = BodyCheck.unwrap(req, "request", Set.of());
        int start = requiredQueryInt(req, "start", 0, Integer.MAX_VALUE);
        int length = requiredQueryInt(req, "length", 1, MAX_LENGTH);
        BodyCheck c = BodyCheck.of(body);
        c.only(QUERY_PROPERTIES, "QueryRequest");
        for (String p : UNSUPPORTED_QUERY) {
            if (c.has(p)) {
                c.error(p, "is not supported by the sandbox; leave it out");
            }
        }
        String rowCondition = c.text("RowCondition", false, 0);
        if (rowCondition != null && !rowCondition.isBlank()) {
            c.error("RowCondition", "is not supported by the sandbox; use Condition");
        }
        ObjectType type = objectType(c);
        String condition = c.text("Condition", false, 0);
        List<FieldDef> wanted = type == null ? List.of() : fieldRefs(c, "Fields", type);
        List<Sort> sorts = type == null ? List.of() : sorts(c, type);
        boolean includeName = Boolean.TRUE.equals(c.bool("IncludeNameInQueryResult"));
        boolean numbersAsText = Boolean.TRUE.equals(c.bool("ConvertNumberFieldValuesToString"));
        boolean idWindow = Boolean.TRUE.equals(c.bool("IncludeIDWindow"));
        c.throwIfInvalid("QueryRequest");

        Predicate<ObjectNode> filter = RelativityQuery.parse(condition, name -> fields.byName(type, name), fields.names(type));
        List<ObjectNode> matching = new ArrayList<>(fields.records(type).stream().filter(filter).toList());
        matching.sort(comparator(sorts));
        // start is 1-based as in Relativity's samples; 0 is read as 1
        int first = Math.max(start, 1);
        List<ObjectNode> page = matching.stream().skip(first - 1L).limit(length).toList();

        ObjectNode out = Json.object();
        out.put("TotalCount", matching.size());
        ArrayNode objects = out.putArray("Objects");
        for (ObjectNode rec : page) {
            objects.add(slim ? slimObject(rec, wanted, numbersAsText) : relativityObject(rec, wanted, includeName, numbersAsText));
        }
        ArrayNode ids = out.putArray("IDWindow");
        if (idWindow) {
            matching.forEach(r -> ids.add(r.path("ArtifactID").asLong()));
        }
        out.put("CurrentStartIndex", first);
        out.put("ResultCount", page.size());
        out.set("ObjectType", type.json());
        out.putNull("SampleDetails");
        out.putArray("RankWindow");
        out.putNull("RelationalField");
        if (slim) {
            ArrayNode fieldList = out.putArray("Fields");
            wanted.forEach(f -> fieldList.add(f.json()));
        }
        return Response.ok(out);
    }

    private ObjectType objectType(BodyCheck c) {
        BodyCheck t = c.object("ObjectType");
        if (t == null) {
            c.error("ObjectType", "is required, e.g. {\"ArtifactTypeID\": 6} for Matter (Client 5, Matter 6, Workspace 8).");
            return null;
        }
        t.only(Set.of("ArtifactID", "ArtifactTypeID", "Name", "Guid"), "ObjectTypeRef");
        Long typeId = t.integer("ArtifactTypeID", false);
        Long artifactId = t.integer("ArtifactID", false);
        String name = t.text("Name", false, 0);
        for (ObjectType ot : ObjectType.values()) {
            if ((typeId != null && typeId != 0 && typeId == ot.artifactTypeId)
                    || (artifactId != null && artifactId != 0 && artifactId == ot.artifactId)
                    || (name != null && name.trim().equalsIgnoreCase(ot.typeName))) {
                return ot;
            }
        }
        c.error("ObjectType", "The sandbox knows the admin object types Client (ArtifactTypeID 5), Matter (6) and"
                + " Workspace (8); got " + c.node().get("ObjectType") + ".");
        return null;
    }

    /** Resolves {@code FieldRef}s in the given order; each names a field by Name or ArtifactID. */
    private List<FieldDef> fieldRefs(BodyCheck c, String property, ObjectType type) {
        JsonNode list = c.node().get(property);
        List<FieldDef> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            c.error(property, "must be an array of {\"Name\": \"…\"}");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            FieldDef f = fieldRef(c, property + "[" + i + "]", list.get(i), type);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private FieldDef fieldRef(BodyCheck c, String where, JsonNode ref, ObjectType type) {
        if (ref == null || !ref.isObject()) {
            c.error(where, "must be an object like {\"Name\": \"Number\"}");
            return null;
        }
        String name = Json.text(ref, "Name");
        long id = ref.path("ArtifactID").asLong(0);
        FieldDef f = name != null && !name.isBlank() ? fields.byName(type, name).orElse(null)
                : id != 0 ? fields.byArtifactId(type, id).orElse(null) : null;
        if (f == null) {
            c.error(where, (name != null ? "'" + name + "'" : id != 0 ? "ArtifactID " + id : "a field without Name or ArtifactID")
                    + " is not a field of " + type.typeName + ". Fields: " + fields.names(type) + ".");
        }
        return f;
    }

    private List<Sort> sorts(BodyCheck c, ObjectType type) {
        JsonNode list = c.node().get("Sorts");
        List<Sort> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            c.error("Sorts", "must be an array");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            FieldDef f = fieldRef(c, "Sorts[" + i + "].FieldIdentifier", s.get("FieldIdentifier"), type);
            String dir = Json.text(s, "Direction");
            if (dir != null && !dir.equals("Ascending") && !dir.equals("Descending")) {
                c.error("Sorts[" + i + "].Direction", "must be Ascending or Descending");
            }
            if (f != null) {
                out.add(new Sort(f, "Descending".equals(dir), s.path("Order").asInt(i)));
            }
        }
        out.sort(Comparator.comparingInt(Sort::order));
        return out;
    }

    private static Comparator<ObjectNode> comparator(List<Sort> sorts) {
        Comparator<ObjectNode> cmp = (a, b) -> 0;
        for (Sort s : sorts) {
            Comparator<ObjectNode> one = (a, b) -> compareValues(s.field().value().apply(a), s.field().value().apply(b));
            cmp = cmp.thenComparing(s.descending() ? one.reversed() : one);
        }
        return cmp.thenComparingLong(r -> r.path("ArtifactID").asLong());
    }

    /** Nulls first, numbers by value, objects and choices by name, text case-insensitively. */
    private static int compareValues(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a.isNumber() && b.isNumber()) {
            return Long.compare(a.asLong(), b.asLong());
        }
        String x = a.isObject() ? a.path("Name").asText() : a.asText();
        String y = b.isObject() ? b.path("Name").asText() : b.asText();
        return x.toLowerCase(Locale.ROOT).compareTo(y.toLowerCase(Locale.ROOT));
    }

    private static JsonNode value(FieldDef f, ObjectNode rec, boolean numbersAsText) {
        JsonNode v = f.value().apply(rec);
        if (v == null) {
            return Json.object().nullNode();
        }
        return numbersAsText && v.isNumber() ? TextNode.valueOf(v.asText()) : v;
    }

    /** {@code RelativityObject}; FieldValues follow the requested Fields order. */
    private ObjectNode relativityObject(ObjectNode rec, List<FieldDef> wanted, boolean includeName, boolean numbersAsText) {
        ObjectNode o = Json.object();
        o.put("ArtifactID", rec.path("ArtifactID").asLong());
        o.putArray("Guids");
        if (includeName) {
            o.put("Name", rec.path("Name").asText());
        } else {
            o.putNull("Name");
        }
        ArrayNode values = o.putArray("FieldValues");
        for (FieldDef f : wanted) {
            ObjectNode pair = values.addObject();
            pair.set("Field", f.json());
            pair.set("Value", value(f, rec, numbersAsText));
        }
        return o;
    }

    private static ObjectNode slimObject(ObjectNode rec, List<FieldDef> wanted, boolean numbersAsText) {
        ObjectNode o = Json.object();
        o.put("ArtifactID", rec.path("ArtifactID").asLong());
        ArrayNode values = o.putArray("Values");
        wanted.forEach(f -> values.add(value(f, rec, numbersAsText)));
        return o;
    }

    // ------------------------------------------------------------------------------------------ read

    private record Target(ObjectType type, ObjectNode record) {
    }

    /** The {@code RelativityObjectRef} under {@code Object}: {@code {"ArtifactID": 123}}. */
    private Target target(BodyCheck c) {
        BodyCheck o = c.object("Object");
        if (o == null) {
            c.error("Object", "is required: {\"ArtifactID\": 123}");
            return null;
        }
        o.only(Set.of("ArtifactID", "Guid"), "RelativityObjectRef");
        Long id = o.integer("ArtifactID", true);
        if (id == null) {
            return null;
        }
        ObjectType type = fields.typeOf(id);
        if (type == null) {
            throw RelativityException.missing("No object with ArtifactID " + id + " exists in workspace -1.");
        }
        return new Target(type, fields.record(type, id));
    }

    private Response read(Request req) {
        requireCsrfHeader(req);
        requireAdminWorkspace(req);
        ObjectNode body = BodyCheck.unwrap(req, "request", Set.of("readOptions"));
        BodyCheck c = BodyCheck.of(body);
        c.only(Set.of("Object", "Fields"), "ReadRequest");
        Target t = target(c);
        List<FieldDef> wanted = t == null ? List.of() : fieldRefs(c, "Fields", t.type());
        c.throwIfInvalid("ReadRequest");
        ObjectNode out = Json.object();
        out.putNull("Message");
        out.putNull("FailingEventHandler");
        out.set("Object", relativityObject(t.record(), wanted, true, false));
        out.set("ObjectType", t.type().json());
        out.put("ObjectVersionToken", versionToken(t.record()));
        return Response.ok(out);
    }

    /** Opaque to clients; changes whenever the object's LastModifiedOn does. */
    private static String versionToken(ObjectNode rec) {
        return Base64.getEncoder().encodeToString((rec.path("ArtifactID").asText() + "@" + rec.path("LastModifiedOn").asText())
                .getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------ update

    private record Assignment(FieldDef field, String value) {
    }

    private Response update(Request req) {
        requireCsrfHeader(req);
        requireAdminWorkspace(req);
        ObjectNode root = req.jsonObject();
        ObjectNode body = BodyCheck.unwrap(req, "request", Set.of("operationOptions"));
        BodyCheck c = BodyCheck.of(body);
        c.only(Set.of("Object", "FieldValues", "ObjectVersionToken"), "UpdateRequest");
        Target t = target(c);
        String token = c.text("ObjectVersionToken", false, 0);
        List<Assignment> assignments = t == null ? List.of() : assignments(c, t.type());
        checkOperationOptions(c, root.get("operationOptions"));
        c.throwIfInvalid("UpdateRequest");
        long id = t.record().path("ArtifactID").asLong();
        return data.store.write(() -> {
            ObjectNode current = fields.record(t.type(), id);
            if (current == null) {
                throw RelativityException.missing("No object with ArtifactID " + id + " exists in workspace -1.");
            }
            if (token != null && !token.equals(versionToken(current))) {
                throw RelativityException.staleWrite("Object " + id + " was modified after the ObjectVersionToken you sent"
                        + " was issued. Read it again and retry.");
            }
            ctx.rejectIfListed(List.of(current.path("MatterNumber").asText()));
            ObjectNode updated = current.deepCopy();
            for (Assignment a : assignments) {
                // DMS Workspace is the only writable field (see ObjectFields)
                updated.put("DmsWorkspace", a.value());
            }
            if (!updated.equals(current)) {
                updated.put("LastModifiedOn", ctx.timestamp());
                data.workspaces.put(id, updated);
            }
            ObjectNode out = Json.object();
            out.putArray("EventHandlerStatuses");
            return Response.ok(out);
        });
    }

    private List<Assignment> assignments(BodyCheck c, ObjectType type) {
        JsonNode list = c.node().get("FieldValues");
        List<Assignment> out = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            c.error("FieldValues", "is required: [{\"Field\": {\"Name\": \"" + ObjectFields.DMS_WORKSPACE + "\"}, \"Value\": \"…\"}]");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String where = "FieldValues[" + i + "]";
            JsonNode pair = list.get(i);
            if (!pair.isObject()) {
                c.error(where, "must be an object {\"Field\": {…}, \"Value\": …}");
                continue;
            }
            FieldDef f = fieldRef(c, where + ".Field", pair.get("Field"), type);
            if (f == null) {
                continue;
            }
            if (!f.writable()) {
                c.error(where + ".Field", f.describe() + " cannot be written through Object Manager in the sandbox"
                        + (type == ObjectType.WORKSPACE ? "; the writable field is '" + ObjectFields.DMS_WORKSPACE + "'." : "."));
                continue;
            }
            JsonNode v = pair.get("Value");
            if (v != null && !v.isNull() && !v.isTextual()) {
                c.error(where + ".Value", "must be text or null for " + f.describe());
            } else if (v != null && v.isTextual() && v.asText().length() > ObjectFields.DMS_WORKSPACE_MAX_LENGTH) {
                c.error(where + ".Value", "must be at most " + ObjectFields.DMS_WORKSPACE_MAX_LENGTH + " characters");
            } else {
                out.add(new Assignment(f, v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText()));
            }
        }
        return out;
    }

    private static void checkOperationOptions(BodyCheck c, JsonNode options) {
        if (options == null || options.isNull()) {
            return;
        }
        if (!options.isObject()) {
            c.error("operationOptions", "must be an object");
            return;
        }
        String behavior = Json.text(options, "UpdateBehavior");
        if (behavior != null && !List.of("Replace", "Merge", "Remove").contains(behavior)) {
            c.error("operationOptions.UpdateBehavior", "must be Replace, Merge or Remove");
        }
    }
}
