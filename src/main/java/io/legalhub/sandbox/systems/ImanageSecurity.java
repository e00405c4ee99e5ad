package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Fields;
import io.legalhub.sandbox.http.Json;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Default security and ACLs of workspaces and documents. A record stores its ACL as
 * {@code [{"id","type","access_level"}]}; answers spell each entry out as the facade's {@code AccessPermissions}
 * (name, sid, display name, number, flags). Internal.
 */
final class ImanageSecurity {

    static final String ACL = "acl";

    /** A user or group named in {@code updatePermissions}, resolved against the directory. */
    record Trustee(String id, String type) {
    }

    private ImanageSecurity() {
    }

    static ArrayNode storedAcl(ObjectNode record) {
        JsonNode acl = record.get(ACL);
        return acl instanceof ArrayNode a ? a : Json.array();
    }

    static ArrayNode storedAcl(List<ImanageDirectory.AclEntry> entries) {
        ArrayNode acl = Json.array();
        for (ImanageDirectory.AclEntry e : entries) {
            acl.add(entry(new Trustee(e.trusteeId(), e.type()), e.level()));
        }
        return acl;
    }

    private static ObjectNode entry(Trustee t, ImanageAccessLevel level) {
        ObjectNode n = Json.object();
        n.put("id", t.id());
        n.put("type", t.type());
        n.put("access_level", level.code);
        return n;
    }

    /**
     * {@code {"default_security","acl"}}, with {@code all_user_ids}/{@code all_group_ids} when asked, and the
     * inherited default when one is given and the record inherits.
     */
    static ObjectNode permissions(ObjectNode record, String inheritedDefault, ImanageDirectory directory, boolean withTrusteeIds) {
        ObjectNode data = Json.object();
        String defaultSecurity = record.path("default_security").asText();
        data.put("default_security", defaultSecurity);
        if ("inherit".equals(defaultSecurity) && inheritedDefault != null) {
            data.put("inherited_default_security", inheritedDefault);
        }
        ArrayNode stored = storedAcl(record);
        data.set("acl", render(stored, directory));
        if (withTrusteeIds) {
            data.put("all_user_ids", ids(stored, "user"));
            data.put("all_group_ids", ids(stored, "group"));
        }
        return data;
    }

    private static String ids(ArrayNode stored, String type) {
        StringJoiner j = new StringJoiner(";");
        stored.forEach(e -> {
            if (type.equals(e.path("type").asText())) {
                j.add(e.path("id").asText());
            }
        });
        return j.toString();
    }

    private static ArrayNode render(ArrayNode stored, ImanageDirectory directory) {
        ArrayNode out = Json.array();
        for (JsonNode e : stored) {
            String id = e.path("id").asText();
            boolean user = "user".equals(e.path("type").asText());
            ImanageAccessLevel level = ImanageAccessLevel.byCode(e.path("access_level").asText()).orElseThrow();
            ObjectNode n = Json.object();
            n.put("id", id);
            n.put("type", user ? "user" : "group");
            if (user) {
                directory.user(id).ifPresent(u -> {
                    n.put("name", u.fullName());
                    n.put("sid", u.sid());
                });
            } else {
                directory.group(id).ifPresent(g -> {
                    n.put("name", g.fullName());
                    n.put("sid", g.sid());
                });
            }
            n.put("access_level", level.code);
            n.put("access_level_display_name", level.displayName);
            n.put("access", level.number);
            n.put("is_external", false);
            n.put(user ? "allow_logon" : "enabled", true);
            out.add(n);
        }
        return out;
    }

    /**
     * Resolves the {@code ;}-separated {@code users} and {@code groups} of {@code updatePermissions}; unknown ones
     * are reported by name.
     */
    static List<Trustee> trustees(ObjectNode body, Fields f, ImanageDirectory directory) {
        List<Trustee> out = new ArrayList<>();
        for (String type : List.of("user", "group")) {
            String field = type + "s";
            JsonNode v = body.get(field);
            if (v == null) {
                continue;
            }
            if (!v.isTextual()) {
                f.invalid(field, "must be a string of " + field + " separated by semicolons, got " + v);
                continue;
            }
            Set<String> unknown = new LinkedHashSet<>();
            for (String part : v.asText().split(";")) {
                String name = part.trim();
                if (name.isEmpty()) {
                    continue;
                }
                Optional<String> id = type.equals("user")
                        ? directory.user(name).map(ImanageDirectory.User::id)
                        : directory.group(name).map(ImanageDirectory.Group::id);
                id.ifPresentOrElse(i -> {
                    Trustee t = new Trustee(i, type);
                    if (!out.contains(t)) {
                        out.add(t);
                    }
                }, () -> unknown.add(name));
            }
            if (!unknown.isEmpty()) {
                f.invalid(field, "names unknown " + field + " of library " + ImanageDirectory.LIBRARY + ": " + String.join(", ", unknown));
            }
        }
        if (f.ok() && out.isEmpty()) {
            f.invalid("users", "or groups must name at least one user or group");
        }
        return out;
    }

    /** The ACL with each trustee set to {@code level}, or taken off it when {@code level} is empty (Remove). */
    static ArrayNode update(ArrayNode stored, List<Trustee> trustees, Optional<ImanageAccessLevel> level) {
        ArrayNode out = Json.array();
        List<Trustee> pending = new ArrayList<>(trustees);
        for (JsonNode e : stored) {
            Trustee t = new Trustee(e.path("id").asText(), e.path("type").asText());
            if (!pending.remove(t)) {
                out.add(e);
            } else {
                level.ifPresent(l -> out.add(entry(t, l)));
            }
        }
        level.ifPresent(l -> pending.forEach(t -> out.add(entry(t, l))));
        return out;
    }
}
