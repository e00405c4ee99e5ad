package io.legalhub.sandbox.systems.relativity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.systems.relativity.Catalog.ObjectType;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fields Object Manager knows on the admin object types, with fixed ArtifactIDs, and how each one's value is
 * read from the stored records. "DMS Workspace" is the firm's own custom field on Workspace, the only field the
 * sandbox lets Object Manager write. Internal.
 */
public final class ObjectFields {

    public static final String DMS_WORKSPACE = "DMS Workspace";
    public static final long DMS_WORKSPACE_FIELD_ID = 1_010_350L;
    /** Relativity's fixed-length text default, which the firm kept for its custom field. */
    public static final int DMS_WORKSPACE_MAX_LENGTH = 255;

    /** How a field's values compare in a condition. */
    enum Kind { TEXT, NUMBER, OBJECT, CHOICE, DATE }

    record FieldDef(long artifactId, String name, String fieldType, String category, Kind kind, boolean writable,
                    Function<ObjectNode, JsonNode> value) {

        /** {@code Field}: how Object Manager describes the field next to each value. */
        ObjectNode json() {
            ObjectNode n = Json.object();
            n.put("ArtifactID", artifactId);
            n.put("Name", name);
            n.put("FieldType", fieldType);
            n.put("FieldCategory", category);
            n.put("ViewFieldID", 0);
            n.putArray("Guids");
            return n;
        }

        String describe() {
            return "'" + name + "' (" + fieldType + ")";
        }
    }

    private final AdminArtifacts data;
    private final Map<ObjectType, List<FieldDef>> fields = new EnumMap<>(ObjectType.class);

    public ObjectFields(AdminArtifacts data) {
        this.data = data;
        fields.put(ObjectType.CLIENT, List.of(
                artifactId(1_010_101L),
                text(1_010_102L, "Name", "Identifier", "Name"),
                text(1_010_103L, "Client Number", "Generic", "ClientNumber"),
                longText(1_010_104L, "Notes", "Notes"),
                date(1_010_105L, "System Created On", "CreatedOn"),
                date(1_010_106L, "System Last Modified On", "LastModifiedOn")));
        fields.put(ObjectType.MATTER, List.of(
                artifactId(1_010_201L),
                text(1_010_202L, "Name", "Identifier", "Name"),
                text(1_010_203L, "Number", "Generic", "Number"),
                object(1_010_204L, "Client", m -> data.clientRef(m.path("ClientArtifactID").asLong())),
                choice(1_010_205L, "Status", Catalog.MATTER_STATUSES, "StatusArtifactID"),
                text(1_010_206L, "Keywords", "Generic", "Keywords"),
                longText(1_010_207L, "Notes", "Notes"),
                date(1_010_208L, "System Created On", "CreatedOn"),
                date(1_010_209L, "System Last Modified On", "LastModifiedOn")));
        fields.put(ObjectType.WORKSPACE, List.of(
                artifactId(1_010_301L),
                text(1_010_302L, "Name", "Identifier", "Name"),
                object(1_010_303L, "Matter", w -> data.matterRef(w.path("MatterArtifactID").asLong())),
                object(1_010_304L, "Client", w -> {
                    ObjectNode c = data.clientOfWorkspace(w);
                    return c == null ? null : data.clientRef(c.path("ArtifactID").asLong());
                }),
                choice(1_010_305L, "Status", Catalog.WORKSPACE_STATUSES, "StatusArtifactID"),
                text(1_010_306L, "Keywords", "Generic", "Keywords"),
                longText(1_010_307L, "Notes", "Notes"),
                date(1_010_308L, "System Created On", "CreatedOn"),
                date(1_010_309L, "System Last Modified On", "LastModifiedOn"),
                new FieldDef(DMS_WORKSPACE_FIELD_ID, DMS_WORKSPACE, "FixedLengthText", "Generic", Kind.TEXT, true,
                        w -> textOf(w, "DmsWorkspace"))));
    }

    List<FieldDef> of(ObjectType type) {
        return fields.get(type);
    }

    Optional<FieldDef> byName(ObjectType type, String name) {
        return of(type).stream().filter(f -> f.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    Optional<FieldDef> byArtifactId(ObjectType type, long id) {
        return of(type).stream().filter(f -> f.artifactId() == id).findFirst();
    }

    String names(ObjectType type) {
        return String.join(", ", of(type).stream().map(FieldDef::describe).toList());
    }

    Collection<ObjectNode> records(ObjectType type) {
        return switch (type) {
            case CLIENT -> data.clients.all();
            case MATTER -> data.matters.all();
            case WORKSPACE -> data.workspaces.all();
        };
    }

    /** The type of a stored artifact, or null when no client, matter or workspace has that ArtifactID. */
    ObjectType typeOf(long artifactId) {
        if (data.client(artifactId) != null) {
            return ObjectType.CLIENT;
        }
        if (data.matter(artifactId) != null) {
            return ObjectType.MATTER;
        }
        return data.workspace(artifactId) != null ? ObjectType.WORKSPACE : null;
    }

    ObjectNode record(ObjectType type, long artifactId) {
        return switch (type) {
            case CLIENT -> data.client(artifactId);
            case MATTER -> data.matter(artifactId);
            case WORKSPACE -> data.workspace(artifactId);
        };
    }

    private static FieldDef artifactId(long id) {
        return new FieldDef(id, "Artifact ID", "WholeNumber", "Generic", Kind.NUMBER, false,
                r -> LongNode.valueOf(r.path("ArtifactID").asLong()));
    }

    private static FieldDef text(long id, String name, String category, String property) {
        return new FieldDef(id, name, "FixedLengthText", category, Kind.TEXT, false, r -> textOf(r, property));
    }

    private static FieldDef longText(long id, String name, String property) {
        return new FieldDef(id, name, "LongText", "Generic", Kind.TEXT, false, r -> textOf(r, property));
    }

    private static FieldDef date(long id, String name, String property) {
        return new FieldDef(id, name, "Date", "Generic", Kind.DATE, false, r -> textOf(r, property));
    }

    private static FieldDef object(long id, String name, Function<ObjectNode, JsonNode> ref) {
        return new FieldDef(id, name, "SingleObject", "Generic", Kind.OBJECT, false, ref);
    }

    private static FieldDef choice(long id, String name, List<Catalog.Named> choices, String property) {
        return new FieldDef(id, name, "SingleChoice", "Generic", Kind.CHOICE, false,
                r -> Catalog.find(choices, r.path(property).asLong()).map(Catalog.Named::displayable).orElse(null));
    }

    private static JsonNode textOf(ObjectNode r, String property) {
        JsonNode v = r.get(property);
        return v == null || v.isNull() ? null : TextNode.valueOf(v.asText());
    }
}
