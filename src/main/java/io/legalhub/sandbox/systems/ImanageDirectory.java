package io.legalhub.sandbox.systems;

import io.legalhub.sandbox.seed.SeedData;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What an iManage installation has before any integration runs: the library, its users and groups, and the
 * workspace templates. It is fixed reference data rather than stored records, so it is there with
 * {@code --no-seed} and after a reset too: without templates no workspace could be created at all. Users are the
 * seeded attorneys and paralegals (ids such as {@code ARIVERA}) plus {@link #CALLER}. Internal.
 */
final class ImanageDirectory {

    static final String LIBRARY = "LEGAL";
    static final String LIBRARY_DISPLAY_NAME = "Legal";
    /**
     * The user every API call acts as: an integration's service account, which is a system administrator,
     * so it may set a workspace's {@code owner}. It owns what it creates unless an owner is given.
     */
    static final String CALLER = "LEGALHUB";

    record User(String id, String fullName, String email) {
        String sid() {
            return sidOf("user:" + id);
        }
    }

    record Group(String id, String fullName, List<String> memberIds) {
        String sid() {
            return sidOf("group:" + id);
        }
    }

    record Folder(String name, boolean required) {
    }

    record AclEntry(String trusteeId, String type, ImanageAccessLevel level) {
    }

    /** A template's folders, default security and ACL are copied into the workspaces made from it. */
    record Template(long number, String name, String defaultSecurity, List<AclEntry> acl, List<Folder> folders) {
        String id() {
            return ImanageIds.container(LIBRARY, number);
        }
    }

    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<Long, Template> templates = new LinkedHashMap<>();

    private ImanageDirectory() {
    }

    static ImanageDirectory standard() {
        ImanageDirectory d = new ImanageDirectory();
        d.addUser(new User(CALLER, "Legal Hub integration", "legalhub@firm.example"));
        for (SeedData.Timekeeper t : SeedData.standard().timekeepers()) {
            String email = (t.firstName() + "." + t.lastName()).toLowerCase(Locale.ROOT).replace("'", "") + "@firm.example";
            d.addUser(new User(userId(t.firstName(), t.lastName()), t.firstName() + " " + t.lastName(), email));
        }
        d.addGroup("LITIGATION", "Litigation practice group", List.of("ARIVERA", "MOBRIEN", "EPETROVA", "JTHORNTON", "GOKAFOR"));
        d.addGroup("CORPORATE", "Corporate practice group", List.of("PNATARAJAN", "DCHEN", "KMORGAN", "SWHITFIELD", "LORTEGA"));
        d.addGroup("EVERYONE", "All users", d.users.keySet().stream().toList());
        d.addTemplate(new Template(12, "Matter (standard)", "public", List.of(), List.of(
                new Folder("Correspondence", true), new Folder("Documents", true),
                new Folder("Billing", false), new Folder("Notes", false))));
        // litigation work is walled off by default: private, open to the litigation group only
        d.addTemplate(new Template(13, "Litigation matter", "private",
                List.of(new AclEntry("LITIGATION", "group", ImanageAccessLevel.READ_WRITE)), List.of(
                new Folder("Pleadings", true), new Folder("Correspondence", true), new Folder("Discovery", true),
                new Folder("Evidence", false), new Folder("Research", false))));
        return d;
    }

    /** {@code Ana Rivera} → {@code ARIVERA}, {@code Michael O'Brien} → {@code MOBRIEN}. */
    private static String userId(String first, String last) {
        return (first.charAt(0) + last).replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
    }

    private static String sidOf(String key) {
        return UUID.nameUUIDFromBytes(("imanage-sandbox:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void addUser(User u) {
        users.put(u.id(), u);
    }

    private void addGroup(String id, String name, List<String> members) {
        for (String m : members) {
            if (!users.containsKey(m)) {
                throw new IllegalStateException("group " + id + " names unknown user " + m);
            }
        }
        groups.put(id, new Group(id, name, List.copyOf(members)));
    }

    private void addTemplate(Template t) {
        templates.put(t.number(), t);
    }

    /** User ids are case-insensitive, as in iManage; the answer carries the stored spelling. */
    Optional<User> user(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(users.get(id.trim().toUpperCase(Locale.ROOT)));
    }

    Optional<Group> group(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(groups.get(id.trim().toUpperCase(Locale.ROOT)));
    }

    Optional<Template> template(long number) {
        return Optional.ofNullable(templates.get(number));
    }

    List<Template> templates() {
        return new ArrayList<>(templates.values());
    }

    List<User> users() {
        return new ArrayList<>(users.values());
    }

    /** True when the text names the sandbox's one library (case-insensitively). */
    static boolean isLibrary(String library) {
        return library != null && LIBRARY.equalsIgnoreCase(library.trim());
    }
}
