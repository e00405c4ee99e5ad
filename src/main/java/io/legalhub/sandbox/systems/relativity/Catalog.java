package io.legalhub.sandbox.systems.relativity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;

import java.util.List;
import java.util.Optional;

/**
 * The fixed configuration of the simulated Relativity instance: choices, templates, resource pool, groups, full-text
 * languages, the API user and the object types. Unlike clients, matters and workspaces these are not data the hub
 * writes, so they exist whether or not the system was seeded, with ArtifactIDs that never change. Internal.
 */
public final class Catalog {

    /** An artifact identified by id and name: a choice, template, resource, group or user. */
    public record Named(long artifactId, String name) {

        /** {@code DisplayableObjectIdentifier}: {@code {"ArtifactID", "Guids", "Name"}}. */
        public ObjectNode displayable() {
            return Catalog.displayable(artifactId, name);
        }
    }

    /** An admin object type and its ArtifactTypeID (Client 5, Matter 6, Workspace 8 in every Relativity instance). */
    public enum ObjectType {
        CLIENT(5, 1_010_005L, "Client"),
        MATTER(6, 1_010_006L, "Matter"),
        WORKSPACE(8, 1_010_008L, "Workspace");

        public final int artifactTypeId;
        public final long artifactId;
        public final String typeName;

        ObjectType(int artifactTypeId, long artifactId, String typeName) {
            this.artifactTypeId = artifactTypeId;
            this.artifactId = artifactId;
            this.typeName = typeName;
        }

        public ObjectNode json() {
            ObjectNode n = Json.object();
            n.put("ArtifactID", artifactId);
            n.put("Name", typeName);
            n.putArray("Guids");
            n.put("ArtifactTypeID", artifactTypeId);
            return n;
        }
    }

    /** The admin workspace, where clients, matters and workspaces live. */
    public static final long ADMIN_WORKSPACE = -1;

    public static final List<Named> MATTER_STATUSES = List.of(new Named(671, "Active"), new Named(672, "Inactive"));
    public static final List<Named> WORKSPACE_STATUSES = List.of(
            new Named(675, "Active"), new Named(676, "Inactive"), new Named(677, "Archived"));
    public static final Named DEFAULT_WORKSPACE_STATUS = WORKSPACE_STATUSES.get(0);

    public static final List<Named> TEMPLATES = List.of(
            new Named(1_015_101, "New Case Template"), new Named(1_015_102, "Litigation Template"));
    public static final Named DEFAULT_TEMPLATE = TEMPLATES.get(0);

    public static final Named RESOURCE_POOL = new Named(1_014_001, "Default");
    public static final Named FILE_REPOSITORY = new Named(1_014_002, "\\\\files01\\EDDS");
    public static final Named CACHE_LOCATION = new Named(1_014_003, "\\\\cache01\\Cache");
    public static final Named SQL_SERVER = new Named(1_014_004, "SQL01\\EDDSINSTANCE01");
    public static final List<Named> GROUPS = List.of(new Named(1_014_010, "Workspace Admins"));

    /** SQL full-text languages by LCID. */
    public static final List<Named> LANGUAGES = List.of(new Named(1033, "English"), new Named(1031, "German"),
            new Named(1036, "French"), new Named(3082, "Spanish"), new Named(1043, "Dutch"));
    public static final Named DEFAULT_LANGUAGE = LANGUAGES.get(0);

    /** Every write is made by the API's user; Relativity's built-in administrator. */
    public static final Named API_USER = new Named(9, "Admin, Relativity");

    /** ArtifactIDs of seeded clients: 1015001 + the seed's position (Acme Corporation, the first, is 1015001). */
    public static final long FIRST_SEEDED_CLIENT = 1_015_001L;
    /** Clients added through the control endpoint, matters and workspaces share one sequence from here. */
    public static final long FIRST_ARTIFACT_ID = 1_016_001L;

    private Catalog() {
    }

    public static Optional<Named> find(List<Named> list, long artifactId) {
        return list.stream().filter(n -> n.artifactId() == artifactId).findFirst();
    }

    public static ObjectNode displayable(long artifactId, String name) {
        ObjectNode n = Json.object();
        n.put("ArtifactID", artifactId);
        n.putArray("Guids");
        n.put("Name", name);
        return n;
    }

    public static ArrayNode displayables(List<Named> list) {
        ArrayNode a = Json.array();
        list.forEach(n -> a.add(n.displayable()));
        return a;
    }

    /** {@code Securable<T>}: the sandbox's API user may see everything, so {@code Secured} is always false. */
    public static ObjectNode securable(JsonNode value) {
        ObjectNode n = Json.object();
        n.put("Secured", false);
        // the Workspace Service's schemas do not let Value be null: an unset reference has none
        if (value != null) {
            n.set("Value", value);
        }
        return n;
    }

    public static String ids(List<Named> list) {
        return String.join(", ", list.stream().map(n -> n.artifactId() + " (" + n.name() + ")").toList());
    }
}
