package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;

import java.util.List;
import java.util.Set;

/**
 * Turns a stored workspace into the facade's {@code WorkspaceProfile} (or the slimmer {@code SearchWorkspaceResult}).
 * The stored record holds the profile values plus the sandbox's bookkeeping (ACL, folders, name-value pairs,
 * template), which never appears in a profile; links and descriptions are derived when answering. Unset values are
 * left out rather than sent as null, since the facade's types are not nullable. Internal.
 */
final class WorkspaceProfiles {

    static final String NAME_VALUE_PAIRS = "name_value_pairs";
    static final String FOLDERS = "folders";
    static final String TEMPLATE_ID = "template_id";

    /** Profile properties a search result leaves out. */
    private static final Set<String> NOT_IN_SEARCH_RESULTS = Set.of("version", "effective_security", "last_user", "last_user_description");

    private static final List<String> LEADING = List.of("id", "database", "document_number", "version", "name", "description",
            "owner", "owner_description", "default_security", "effective_security", "is_external", "is_external_as_normal",
            "is_hipaa", "has_subfolders", "wstype", "subclass", "project_custom1", "project_custom2", "project_custom3");
    private static final List<String> TRAILING = List.of("create_date", "edit_date", "last_user", "last_user_description",
            "iwl", "workspace_url", "basic_properties");

    private WorkspaceProfiles() {
    }

    /**
     * @param linkBase where the sandbox's DMS is reached, e.g. {@code http://127.0.0.1:8089/dms}, for the links
     */
    static ObjectNode profile(ObjectNode ws, ImanageDirectory directory, String linkBase) {
        ObjectNode derived = ws.deepCopy();
        String id = ws.path("id").asText();
        String owner = ws.path("owner").asText();
        directory.user(owner).ifPresent(u -> derived.put("owner_description", u.fullName()));
        // every call acts as the integration's administrator account, which has full access to everything
        derived.put("effective_security", ImanageAccessLevel.FULL_ACCESS.code);
        boolean asNormal = ws.path("is_external_as_normal").asBoolean(false);
        derived.put("is_external_as_normal", asNormal);
        derived.put("is_external", asNormal && !"private".equals(ws.path("default_security").asText()));
        derived.put("is_hipaa", false);
        derived.put("has_subfolders", ws.path(FOLDERS).size() > 0);
        derived.put("wstype", "workspace");
        derived.put("last_user", ImanageDirectory.CALLER);
        directory.user(ImanageDirectory.CALLER).ifPresent(u -> derived.put("last_user_description", u.fullName()));
        derived.put("iwl", "iwl:dms=" + host(linkBase) + "&&lib=" + ws.path("database").asText() + "&&prj=" + ws.path("document_number").asText());
        derived.put("workspace_url", linkBase + "/work/link/w/" + id);
        derived.put("basic_properties", "<span class=\"basic_properties\">" + html(ws.path("name").asText()) + " (" + html(id) + ")</span>");

        ObjectNode out = Json.object();
        LEADING.forEach(k -> copy(derived, out, k));
        for (int i = 1; i <= 30; i++) {
            copy(derived, out, "custom" + i);
        }
        TRAILING.forEach(k -> copy(derived, out, k));
        return out;
    }

    static ObjectNode searchResult(ObjectNode ws, ImanageDirectory directory, String linkBase) {
        ObjectNode p = profile(ws, directory, linkBase);
        p.remove(NOT_IN_SEARCH_RESULTS);
        return p;
    }

    private static void copy(ObjectNode from, ObjectNode to, String field) {
        JsonNode v = from.get(field);
        if (v != null && !v.isNull()) {
            to.set(field, v);
        }
    }

    static String host(String linkBase) {
        String s = linkBase.replaceFirst("^https?://", "");
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
