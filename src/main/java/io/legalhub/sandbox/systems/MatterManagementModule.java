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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matter management in the style of Clio Manage API v4, under {@code /matter-management/api/v4}. Internal. */
public final class MatterManagementModule extends SystemModule {

    private static final String API = "/api/v4";
    private static final List<String> MATTER_STATUSES = List.of("Open", "Pending", "Closed");
    private static final List<String> CONTACT_TYPES = List.of("Person", "Company");
    private static final List<String> BILL_STATUSES = List.of("draft", "submitted", "approved", "rejected", "paid", "appealed", "void");
    private static final Set<String> READ_ONLY = Set.of("id", "version", "etag", "created_at", "updated_at");
    private static final Set<String> MATTER_FIELDS = Set.of(
            "display_number", "description", "status", "client", "practice_area", "responsible_attorney",
            "originating_attorney", "open_date", "close_date", "billable", "relationships", "conflict_status",
            "conflict_search_id", "conflict_note", "intake_flag", "client_reference");
    private static final Set<String> BILL_FIELDS = Set.of(
            "number", "matter", "matter_number", "issued_at", "due_at", "currency", "total", "status",
            "rejection_reason", "paid_at", "line_items", "external_id");
    private static final Set<String> DOCUMENT_FIELDS = Set.of(
            "name", "matter", "external_id", "document_type", "author", "document_version", "checksum", "filed_at", "size");
    private static final Pattern NUMBER = Pattern.compile("(\\d{4})-(\\d{4,})");
    private static final Pattern REV = Pattern.compile(" \\(rev \\d+\\)$");

    private final Table contacts;
    private final Table users;
    private final Table practiceAreas;
    private final Table matters;
    private final Table bills;
    private final Table documents;
    private final Table notes;

    public MatterManagementModule(SystemStore store, SandboxSettings settings) {
        super(SandboxSystem.MATTER_MANAGEMENT, store, settings);
        contacts = table("contacts");
        users = table("users");
        practiceAreas = table("practice_areas");
        matters = table("matters");
        bills = table("bills");
        documents = table("documents");
        notes = table("notes");
    }

    @Override
    protected List<BusinessKey> businessKeys() {
        return List.of(new BusinessKey("matters", "display_number", "id"),
                new BusinessKey("bills", "number", "id"),
                new BusinessKey("documents", "external_id", "id"),
                new BusinessKey("notes", "external_id", "id"));
    }

    @Override
    protected void registerApi(Router r) {
        r.get(API + "/matters", this::listMatters);
        r.post(API + "/matters", this::createMatter);
        r.get(API + "/matters/{id}", req -> Response.data(200, require(matters, "matter", req.pathVar("id"))));
        r.patch(API + "/matters/{id}", this::patchMatter);

        r.get(API + "/contacts", this::listContacts);
        r.post(API + "/contacts", this::createContact);
        r.get(API + "/contacts/{id}", req -> Response.data(200, require(contacts, "contact", req.pathVar("id"))));
        r.patch(API + "/contacts/{id}", this::patchContact);

        r.get(API + "/users", req -> Response.ok(Paging.cursor(req, users, x -> true)));
        r.get(API + "/users/{id}", req -> Response.data(200, require(users, "user", req.pathVar("id"))));
        r.get(API + "/practice_areas", req -> Response.ok(Paging.cursor(req, practiceAreas, x -> true)));
        r.get(API + "/practice_areas/{id}", req -> Response.data(200, require(practiceAreas, "practice area", req.pathVar("id"))));

        r.get(API + "/bills", this::listBills);
        r.post(API + "/bills", this::createBill);
        r.get(API + "/bills/{id}", req -> Response.data(200, require(bills, "bill", req.pathVar("id"))));
        r.patch(API + "/bills/{id}", this::patchBill);

        r.get(API + "/documents", this::listDocuments);
        r.post(API + "/documents", this::createDocument);
        r.get(API + "/documents/{id}", req -> Response.data(200, require(documents, "document", req.pathVar("id"))));
        r.patch(API + "/documents/{id}", this::patchDocument);

        r.get(API + "/notes", req -> {
            Long matterId = queryId(req, "matter_id");
            String externalId = req.query("external_id");
            String since = req.queryTimestamp("updated_since");
            return Response.ok(Paging.cursor(req, notes, n -> (matterId == null || matterId == n.path("matter").path("id").asLong())
                    && (externalId == null || externalId.equals(n.path("external_id").asText()))
                    && since(n, since)));
        });
        r.post(API + "/notes", this::createNote);
        r.get(API + "/notes/{id}", req -> Response.data(200, require(notes, "note", req.pathVar("id"))));
        r.patch(API + "/notes/{id}", this::patchNote);
    }

    @Override
    protected void registerControl(Router r) {
        r.post("/_control/matters/generate", this::generate);
        r.post("/_control/matters/{id}/touch", this::touch);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static ObjectNode require(Table table, String what, String id) {
        Long key = IdFormat.parseNumber(id);
        ObjectNode rec = key == null ? null : table.get(key);
        if (rec == null) {
            throw notFound(what, id);
        }
        return rec;
    }

    private static Long queryId(Request req, String name) {
        String v = req.query(name);
        if (v == null) {
            return null;
        }
        Long id = IdFormat.parseNumber(v);
        if (id == null) {
            throw ApiException.badRequest(name + " must be a numeric id, got '" + v + "'");
        }
        return id;
    }

    private static boolean since(ObjectNode rec, String since) {
        return since == null || rec.path("updated_at").asText().compareTo(since) >= 0;
    }

    private void stampNew(ObjectNode rec, long id) {
        String ts = now();
        rec.put("id", id);
        rec.put("version", 1);
        rec.put("etag", "\"1\"");
        rec.put("created_at", ts);
        rec.put("updated_at", ts);
    }

    private void stampUpdate(ObjectNode rec) {
        int v = rec.path("version").asInt() + 1;
        rec.put("version", v);
        rec.put("etag", "\"" + v + "\"");
        rec.put("updated_at", now());
    }

    /** A new record with the canonical key order: id, version, etag, then the given fields, then timestamps. */
    private static ObjectNode skeleton(String... fields) {
        ObjectNode n = Json.object();
        n.putNull("id");
        n.putNull("version");
        n.putNull("etag");
        for (String f : fields) {
            n.putNull(f);
        }
        n.putNull("created_at");
        n.putNull("updated_at");
        return n;
    }

    private static void checkIfMatch(Request req, ObjectNode existing) {
        String ifMatch = req.header("If-Match");
        if (ifMatch == null || ifMatch.trim().equals("*")) {
            return;
        }
        String want = ifMatch.trim().replaceFirst("^W/", "");
        if (!want.equals(existing.path("etag").asText())) {
            throw new ApiException(412, "PreconditionFailed",
                    "If-Match " + ifMatch + " does not match the current etag " + existing.path("etag").asText());
        }
    }

    private static ObjectNode contactRef(ObjectNode contact) {
        ObjectNode n = Json.object();
        n.put("id", contact.get("id").asLong());
        n.put("name", contact.path("name").asText());
        n.put("type", contact.path("type").asText());
        return n;
    }

    private static ObjectNode clientRef(ObjectNode contact) {
        ObjectNode n = contactRef(contact);
        if (contact.hasNonNull("client_number")) {
            n.put("client_number", contact.get("client_number").asText());
        }
        return n;
    }

    private static ObjectNode userRef(ObjectNode user) {
        ObjectNode n = Json.object();
        n.put("id", user.get("id").asLong());
        n.put("name", user.path("name").asText());
        n.put("email", user.path("email").asText());
        return n;
    }

    private static ObjectNode areaRef(ObjectNode area) {
        ObjectNode n = Json.object();
        n.put("id", area.get("id").asLong());
        n.put("name", area.path("name").asText());
        return n;
    }

    private static ObjectNode matterRef(ObjectNode matter) {
        ObjectNode n = Json.object();
        n.put("id", matter.get("id").asLong());
        n.put("display_number", matter.path("display_number").asText());
        n.put("description", matter.path("description").asText());
        return n;
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    // ------------------------------------------------------------------------------------------ matters

    private Response listMatters(Request req) {
        String since = req.queryTimestamp("updated_since");
        String status = req.query("status");
        Set<String> statuses = status == null ? null
                : new java.util.HashSet<>(Arrays.asList(status.toLowerCase(Locale.ROOT).split(",")));
        Long clientId = queryId(req, "client_id");
        Long areaId = queryId(req, "practice_area_id");
        Long attorneyId = queryId(req, "responsible_attorney_id");
        String displayNumber = req.query("display_number");
        String query = req.query("query");
        String q = query == null ? null : query.toLowerCase(Locale.ROOT);
        Predicate<ObjectNode> filter = m -> since(m, since)
                && (statuses == null || statuses.contains(m.path("status").asText().toLowerCase(Locale.ROOT)))
                && (clientId == null || clientId == m.path("client").path("id").asLong())
                && (areaId == null || areaId == m.path("practice_area").path("id").asLong())
                && (attorneyId == null || attorneyId == m.path("responsible_attorney").path("id").asLong())
                && (displayNumber == null || displayNumber.equals(m.path("display_number").asText()))
                && (q == null || m.path("display_number").asText().toLowerCase(Locale.ROOT).contains(q)
                || m.path("description").asText().toLowerCase(Locale.ROOT).contains(q)
                || m.path("client").path("name").asText().toLowerCase(Locale.ROOT).contains(q));
        return Response.ok(Paging.cursor(req, matters, filter));
    }

    private Response createMatter(Request req) {
        ObjectNode data = req.dataObject();
        return store.write(() -> {
            ObjectNode m = newMatterSkeleton();
            applyMatter(m, data, true);
            if (m.get("display_number").isNull()) {
                m.put("display_number", nextDisplayNumber());
            }
            checkRejected(m.get("display_number").asText());
            stampNew(m, store.nextId("matters", 1001));
            matters.put(m.get("id").asLong(), m);
            webhooks.emit("matter", "created", m.get("id").asText(), m.get("updated_at").asText(), m);
            return Response.data(201, m);
        });
    }

    private static ObjectNode newMatterSkeleton() {
        ObjectNode m = skeleton("display_number", "description", "status", "open_date", "close_date", "billable", "client",
                "practice_area", "responsible_attorney", "originating_attorney", "relationships", "conflict_status",
                "conflict_search_id", "conflict_note", "intake_flag", "client_reference");
        m.put("status", "Open");
        m.put("billable", true);
        m.putArray("relationships");
        m.put("conflict_status", "not_checked");
        return m;
    }

    private Response patchMatter(Request req) {
        ObjectNode data = req.dataObject();
        return store.write(() -> {
            ObjectNode existing = require(matters, "matter", req.pathVar("id"));
            checkIfMatch(req, existing);
            ObjectNode m = existing.deepCopy();
            applyMatter(m, data, false);
            checkRejected(existing.path("display_number").asText(), m.path("display_number").asText());
            if (m.equals(existing)) {
                return Response.data(200, existing);
            }
            stampUpdate(m);
            matters.put(m.get("id").asLong(), m);
            webhooks.emit("matter", "updated", m.get("id").asText(), m.get("updated_at").asText(), m);
            return Response.data(200, m);
        });
    }

    /** Validates {@code data} and writes its fields into {@code m}; 422 naming every problem. */
    private void applyMatter(ObjectNode m, ObjectNode data, boolean create) {
        Fields f = new Fields(data);
        f.rejectUnknown(MATTER_FIELDS, READ_ONLY);
        if (create || f.has("description")) {
            String d = f.text("description", true, 2_000);
            if (d != null) {
                m.put("description", d);
            }
        }
        if (f.has("display_number")) {
            String dn = f.text("display_number", !create, 40);
            if (dn != null) {
                m.put("display_number", dn);
            }
        }
        if (create || f.has("client")) {
            Long id = f.refId("client", true);
            if (id != null) {
                ObjectNode c = contacts.get(id);
                if (c == null) {
                    f.invalid("client.id", "does not match any contact (" + id + ")");
                } else {
                    m.set("client", clientRef(c));
                }
            }
        }
        if (f.has("status")) {
            String old = m.path("status").asText();
            String s = f.oneOf("status", true, old, MATTER_STATUSES);
            m.put("status", s);
        }
        refField(f, m, "practice_area", practiceAreas, MatterManagementModule::areaRef, "practice area");
        refField(f, m, "responsible_attorney", users, MatterManagementModule::userRef, "user");
        refField(f, m, "originating_attorney", users, MatterManagementModule::userRef, "user");
        for (String df : List.of("open_date", "close_date")) {
            if (f.has(df)) {
                LocalDate d = f.date(df, false);
                if (d != null) {
                    m.put(df, d.toString());
                } else if (f.isNull(df)) {
                    m.putNull(df);
                }
            }
        }
        if (f.has("billable")) {
            Boolean b = f.bool("billable");
            if (b == null) {
                f.invalid("billable", "must be true or false");
            } else {
                m.put("billable", b);
            }
        }
        for (String sf : List.of("conflict_status", "conflict_search_id", "conflict_note", "intake_flag", "client_reference")) {
            if (f.has(sf)) {
                String v = f.text(sf, false, 4_000);
                if (v == null) {
                    m.putNull(sf);
                } else {
                    m.put(sf, v);
                }
            }
        }
        if (f.has("relationships")) {
            m.set("relationships", relationships(f, data.get("relationships"), (ArrayNode) m.get("relationships")));
        }
        f.check();
        createPendingContacts(m);
        String status = m.path("status").asText();
        if (create && m.get("open_date").isNull() && !status.equals("Pending")) {
            m.put("open_date", today());
        }
        if (status.equals("Closed") && m.get("close_date").isNull()) {
            m.put("close_date", today());
        }
    }

    private void refField(Fields f, ObjectNode m, String field, Table table,
                          java.util.function.Function<ObjectNode, ObjectNode> view, String what) {
        if (!f.has(field)) {
            return;
        }
        if (f.isNull(field)) {
            m.putNull(field);
            return;
        }
        Long id = f.refId(field, false);
        if (id != null) {
            ObjectNode rec = table.get(id);
            if (rec == null) {
                f.invalid(field + ".id", "does not match any " + what + " (" + id + ")");
            } else {
                m.set(field, view.apply(rec));
            }
        }
    }

    private ArrayNode relationships(Fields f, JsonNode input, ArrayNode old) {
        ArrayNode out = Json.array();
        if (input == null || input.isNull()) {
            return out;
        }
        if (!input.isArray()) {
            f.invalid("relationships", "must be an array");
            return old;
        }
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String p = "relationships[" + i + "]";
            if (!item.isObject()) {
                f.invalid(p, "must be an object");
                continue;
            }
            Fields rf = new Fields((ObjectNode) item, p + ".");
            rf.rejectUnknown(Set.of("id", "description", "contact"), Set.of());
            String role = rf.oneOf("description", true, null, SeedData.RELATIONSHIP_ROLES);
            JsonNode contact = item.get("contact");
            ObjectNode contactRec = null;
            if (contact == null || !contact.isObject()) {
                rf.missing("contact");
            } else if (contact.hasNonNull("id")) {
                JsonNode cidNode = contact.get("id");
                Long cid = cidNode.isIntegralNumber() ? Long.valueOf(cidNode.asLong()) : IdFormat.parseNumber(cidNode.asText());
                contactRec = cid == null ? null : contacts.get(cid);
                if (contactRec == null) {
                    rf.invalid("contact.id", "does not match any contact (" + contact.get("id") + ")");
                }
            } else {
                Fields cf = new Fields((ObjectNode) contact, p + ".contact.");
                String name = cf.text("name", true, 300);
                String type = cf.oneOf("type", false, "Company", CONTACT_TYPES);
                if (cf.ok()) {
                    contactRec = findContact(name, type);
                    if (contactRec == null) {
                        // created only once the whole body validated, see createPendingContacts
                        contactRec = Json.object();
                        contactRec.putNull("id");
                        contactRec.put("name", name);
                        contactRec.put("type", type);
                    }
                } else {
                    rf.absorb(cf);
                }
            }
            if (!rf.ok()) {
                f.absorb(rf);
                continue;
            }
            long relId = -1;
            JsonNode givenId = item.get("id");
            for (JsonNode o : old) {
                boolean sameId = givenId != null && givenId.canConvertToLong() && o.path("id").asLong() == givenId.asLong();
                boolean same = o.path("description").asText().equals(role) && !contactRec.get("id").isNull()
                        && o.path("contact").path("id").asLong() == contactRec.get("id").asLong();
                if (sameId || same) {
                    relId = o.path("id").asLong();
                    break;
                }
            }
            if (relId < 0) {
                relId = store.nextId("relationships", 9001);
            }
            ObjectNode rel = out.addObject();
            rel.put("id", relId);
            rel.put("description", role);
            rel.set("contact", contactRec.get("id").isNull() ? contactRec : contactRef(contactRec));
        }
        return out;
    }

    private ObjectNode findContact(String name, String type) {
        for (ObjectNode c : contacts.all()) {
            if (c.path("name").asText().equalsIgnoreCase(name) && c.path("type").asText().equals(type)) {
                return c;
            }
        }
        return null;
    }

    /** Creates the contacts that relationships named without an id. */
    private void createPendingContacts(ObjectNode m) {
        for (JsonNode rel : m.get("relationships")) {
            JsonNode contact = rel.get("contact");
            if (contact.get("id").isNull()) {
                ObjectNode c = findOrCreateContact(contact.get("name").asText(), contact.get("type").asText());
                ((ObjectNode) rel).set("contact", contactRef(c));
            }
        }
    }

    private ObjectNode findOrCreateContact(String name, String type) {
        ObjectNode existing = findContact(name, type);
        if (existing != null) {
            return existing;
        }
        ObjectNode c = newContact(name, type, null, null);
        stampNew(c, store.nextId("contacts", 501));
        contacts.put(c.get("id").asLong(), c);
        return c;
    }

    /** Next {@code YYYY-NNNN} for the current year, after the highest existing number of that year. */
    private String nextDisplayNumber() {
        String year = Integer.toString(LocalDate.now(ZoneOffset.UTC).getYear());
        int max = 0;
        for (ObjectNode m : matters.all()) {
            Matcher mm = NUMBER.matcher(m.path("display_number").asText());
            if (mm.matches() && mm.group(1).equals(year)) {
                max = Math.max(max, Integer.parseInt(mm.group(2)));
            }
        }
        return year + "-" + String.format("%04d", max + 1);
    }

    // ------------------------------------------------------------------------------------------ contacts

    private static ObjectNode newContact(String name, String type, String email, String clientNumber) {
        ObjectNode c = skeleton("name", "type", "email", "client_number");
        c.put("name", name);
        c.put("type", type);
        c.put("email", email);
        c.put("client_number", clientNumber);
        return c;
    }

    private Response listContacts(Request req) {
        String since = req.queryTimestamp("updated_since");
        String q = req.query("query");
        String type = req.query("type");
        String clientNumber = req.query("client_number");
        return Response.ok(Paging.cursor(req, contacts, c -> since(c, since)
                && (q == null || c.path("name").asText().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)))
                && (type == null || type.equalsIgnoreCase(c.path("type").asText()))
                && (clientNumber == null || clientNumber.equals(c.path("client_number").asText()))));
    }

    private Response createContact(Request req) {
        ObjectNode data = req.dataObject();
        Fields f = new Fields(data);
        f.rejectUnknown(Set.of("name", "type", "email", "client_number"), READ_ONLY);
        String name = f.text("name", true, 300);
        String type = f.oneOf("type", true, null, CONTACT_TYPES);
        String email = f.text("email", false, 300);
        String clientNumber = f.text("client_number", false, 20);
        f.check();
        return store.write(() -> {
            ObjectNode c = newContact(name, type, email, clientNumber);
            stampNew(c, store.nextId("contacts", 501));
            contacts.put(c.get("id").asLong(), c);
            return Response.data(201, c);
        });
    }

    private Response patchContact(Request req) {
        ObjectNode data = req.dataObject();
        return store.write(() -> {
            ObjectNode existing = require(contacts, "contact", req.pathVar("id"));
            ObjectNode c = existing.deepCopy();
            Fields f = new Fields(data);
            f.rejectUnknown(Set.of("name", "type", "email", "client_number"), READ_ONLY);
            if (f.has("name")) {
                String v = f.text("name", true, 300);
                if (v != null) {
                    c.put("name", v);
                }
            }
            if (f.has("type")) {
                c.put("type", f.oneOf("type", true, c.path("type").asText(), CONTACT_TYPES));
            }
            for (String sf : List.of("email", "client_number")) {
                if (f.has(sf)) {
                    c.put(sf, f.text(sf, false, 300));
                }
            }
            f.check();
            if (c.equals(existing)) {
                return Response.data(200, existing);
            }
            stampUpdate(c);
            contacts.put(c.get("id").asLong(), c);
            return Response.data(200, c);
        });
    }

    // ------------------------------------------------------------------------------------------ bills

    private Response listBills(Request req) {
        String since = req.queryTimestamp("updated_since");
        String status = req.query("status");
        String number = req.query("number");
        Long matterId = queryId(req, "matter_id");
        return Response.ok(Paging.cursor(req, bills, b -> since(b, since)
                && (status == null || status.equalsIgnoreCase(b.path("status").asText()))
                && (number == null || number.equals(b.path("number").asText()))
                && (matterId == null || matterId == b.path("matter").path("id").asLong())));
    }

    private Response createBill(Request req) {
        ObjectNode data = req.dataObject();
        return store.write(() -> {
            ObjectNode b = skeleton("number", "external_id", "status", "matter", "issued_at", "due_at", "currency",
                    "total", "rejection_reason", "paid_at", "line_items");
            b.put("status", "submitted");
            b.put("currency", "USD");
            b.putArray("line_items");
            applyBill(b, data, true);
            checkRejected(b.path("number").asText(), b.path("matter").path("display_number").asText());
            stampNew(b, store.nextId("bills", 3001));
            bills.put(b.get("id").asLong(), b);
            return Response.data(201, b);
        });
    }

    private Response patchBill(Request req) {
        ObjectNode data = req.dataObject();
        return store.write(() -> {
            ObjectNode existing = require(bills, "bill", req.pathVar("id"));
            checkIfMatch(req, existing);
            ObjectNode b = existing.deepCopy();
            applyBill(b, data, false);
            checkRejected(existing.path("number").asText(), b.path("number").asText(),
                    b.path("matter").path("display_number").asText());
            if (b.equals(existing)) {
                return Response.data(200, existing);
            }
            stampUpdate(b);
            bills.put(b.get("id").asLong(), b);
            webhooks.emit("bill", "updated", b.get("id").asText(), b.get("updated_at").asText(), b);
            return Response.data(200, b);
        });
    }

    private void applyBill(ObjectNode b, ObjectNode data, boolean create) {
        Fields f = new Fields(data);
        f.rejectUnknown(BILL_FIELDS, READ_ONLY);
        if (create || f.has("number")) {
            String n = f.text("number", true, 40);
            if (n != null) {
                b.put("number", n);
            }
        }
        if (f.has("external_id")) {
            b.put("external_id", f.text("external_id", false, 200));
        }
        if (create || f.has("matter") || f.has("matter_number")) {
            ObjectNode matter = null;
            if (f.has("matter") && !f.isNull("matter")) {
                Long id = f.refId("matter", false);
                if (id != null) {
                    matter = matters.get(id);
                    if (matter == null) {
                        f.invalid("matter.id", "does not match any matter (" + id + ")");
                    }
                }
            } else if (f.has("matter_number")) {
                String number = f.text("matter_number", true, 40);
                if (number != null) {
                    matter = matters.all().stream().filter(m -> number.equals(m.path("display_number").asText()))
                            .findFirst().orElse(null);
                    if (matter == null) {
                        f.invalid("matter_number", "does not match any matter (" + number + ")");
                    }
                }
            } else {
                f.missing("matter.id");
            }
            if (matter != null) {
                ObjectNode ref = Json.object();
                ref.put("id", matter.get("id").asLong());
                ref.put("display_number", matter.path("display_number").asText());
                b.set("matter", ref);
            }
        }
        for (String df : List.of("issued_at", "due_at")) {
            if (f.has(df)) {
                LocalDate d = f.date(df, false);
                b.put(df, d == null ? null : d.toString());
            }
        }
        if (f.has("currency")) {
            String c = f.text("currency", true, 3);
            if (c != null && !c.matches("[A-Za-z]{3}")) {
                f.invalid("currency", "must be an ISO 4217 code such as USD");
            } else if (c != null) {
                b.put("currency", c.toUpperCase(Locale.ROOT));
            }
        }
        if (create || f.has("total")) {
            java.math.BigDecimal t = f.decimal("total", true);
            if (t != null) {
                b.put("total", t);
            }
        }
        if (f.has("status")) {
            b.put("status", f.oneOf("status", true, b.path("status").asText(), BILL_STATUSES));
        }
        if (f.has("rejection_reason")) {
            b.put("rejection_reason", f.text("rejection_reason", false, 4_000));
        }
        if (f.has("paid_at")) {
            String p = f.text("paid_at", false, 40);
            if (p != null && Json.parseInstant(p) == null) {
                f.invalid("paid_at", "must be a date or ISO-8601 timestamp, got '" + p + "'");
            }
            b.put("paid_at", p);
        }
        if (f.has("line_items")) {
            JsonNode li = data.get("line_items");
            if (li.isNull()) {
                b.putArray("line_items");
            } else if (!li.isArray()) {
                f.invalid("line_items", "must be an array");
            } else {
                b.set("line_items", li.deepCopy());
            }
        }
        if (f.ok() && "rejected".equals(b.path("status").asText())
                && (b.get("rejection_reason").isNull() || b.get("rejection_reason").asText().isBlank())) {
            f.missing("rejection_reason");
        }
        f.check();
        if ("paid".equals(b.path("status").asText()) && b.get("paid_at").isNull()) {
            b.put("paid_at", today());
        }
    }

    // ------------------------------------------------------------------------------------------ documents & notes

    private Response listDocuments(Request req) {
        Long matterId = queryId(req, "matter_id");
        String externalId = req.query("external_id");
        String since = req.queryTimestamp("updated_since");
        return Response.ok(Paging.cursor(req, documents, d -> since(d, since)
                && (matterId == null || matterId == d.path("matter").path("id").asLong())
                && (externalId == null || externalId.equals(d.path("external_id").asText()))));
    }

    private Response createDocument(Request req) {
        ObjectNode data = req.dataObject();
        return store.write(() -> {
            ObjectNode d = skeleton("name", "external_id", "matter", "document_type", "author", "document_version",
                    "checksum", "size", "filed_at");
            applyDocument(d, data, true);
            checkRejected(d.path("matter").path("display_number").asText());
            stampNew(d, store.nextId("documents", 5001));
            if (d.get("filed_at").isNull()) {
                d.put("filed_at", d.get("created_at").asText());
            }
            documents.put(d.get("id").asLong(), d);
            return Response.data(201, d);
        });
    }

    private Response patchDocument(Request req) {
        ObjectNode data = req.dataObject();
        return store.write(() -> {
            ObjectNode existing = require(documents, "document", req.pathVar("id"));
            ObjectNode d = existing.deepCopy();
            applyDocument(d, data, false);
            checkRejected(d.path("matter").path("display_number").asText());
            if (d.equals(existing)) {
                return Response.data(200, existing);
            }
            stampUpdate(d);
            documents.put(d.get("id").asLong(), d);
            return Response.data(200, d);
        });
    }

    /** {@code version} in a document body is the document's own version (alias of {@code document_version}). */
    private void applyDocument(ObjectNode d, ObjectNode input, boolean create) {
        ObjectNode data = input.deepCopy();
        if (data.has("version") && !data.has("document_version")) {
            data.set("document_version", data.remove("version"));
        } else {
            data.remove("version");
        }
        Fields f = new Fields(data);
        f.rejectUnknown(DOCUMENT_FIELDS, READ_ONLY);
        if (create || f.has("name")) {
            String n = f.text("name", true, 1_000);
            if (n != null) {
                d.put("name", n);
            }
        }
        if (create || f.has("matter")) {
            Long id = f.refId("matter", true);
            if (id != null) {
                ObjectNode matter = matters.get(id);
                if (matter == null) {
                    f.invalid("matter.id", "does not match any matter (" + id + ")");
                } else {
                    ObjectNode ref = Json.object();
                    ref.put("id", id);
                    ref.put("display_number", matter.path("display_number").asText());
                    d.set("matter", ref);
                }
            }
        }
        for (String sf : List.of("external_id", "document_type", "author", "checksum")) {
            if (f.has(sf)) {
                d.put(sf, f.text(sf, false, 1_000));
            }
        }
        if (f.has("document_version")) {
            JsonNode v = data.get("document_version");
            if (v.isNull() || v.isIntegralNumber() || v.isTextual()) {
                d.set("document_version", v.isTextual() && v.asText().matches("\\d{1,9}")
                        ? Json.MAPPER.getNodeFactory().numberNode(Integer.parseInt(v.asText())) : v);
            } else {
                f.invalid("document_version", "must be an integer or string");
            }
        }
        if (f.has("size")) {
            Long size = f.integer("size", false, 0, Long.MAX_VALUE);
            if (size != null) {
                d.put("size", size);
            } else {
                d.putNull("size");
            }
        }
        if (f.has("filed_at")) {
            d.put("filed_at", f.timestamp("filed_at", false));
        }
        f.check();
    }

    private Response createNote(Request req) {
        ObjectNode data = req.dataObject();
        return store.write(() -> {
            ObjectNode n = skeleton("matter", "subject", "detail", "external_id");
            applyNote(n, data, true);
            checkRejected(n.path("matter").path("display_number").asText());
            stampNew(n, store.nextId("notes", 7001));
            notes.put(n.get("id").asLong(), n);
            return Response.data(201, n);
        });
    }

    private Response patchNote(Request req) {
        ObjectNode data = req.dataObject();
        return store.write(() -> {
            ObjectNode existing = require(notes, "note", req.pathVar("id"));
            ObjectNode n = existing.deepCopy();
            applyNote(n, data, false);
            checkRejected(n.path("matter").path("display_number").asText());
            if (n.equals(existing)) {
                return Response.data(200, existing);
            }
            stampUpdate(n);
            notes.put(n.get("id").asLong(), n);
            return Response.data(200, n);
        });
    }

    private void applyNote(ObjectNode n, ObjectNode data, boolean create) {
        Fields f = new Fields(data);
        f.rejectUnknown(Set.of("matter", "subject", "detail", "external_id"), READ_ONLY);
        if (create || f.has("matter")) {
            Long matterId = f.refId("matter", true);
            ObjectNode matter = matterId == null ? null : matters.get(matterId);
            if (matterId != null && matter == null) {
                f.invalid("matter.id", "does not match any matter (" + matterId + ")");
            } else if (matter != null) {
                ObjectNode ref = Json.object();
                ref.put("id", matterId);
                ref.put("display_number", matter.path("display_number").asText());
                n.set("matter", ref);
            }
        }
        if (create || f.has("subject")) {
            String subject = f.text("subject", true, 1_000);
            if (subject != null) {
                n.put("subject", subject);
            }
        }
        if (f.has("detail")) {
            n.put("detail", f.text("detail", false, 100_000));
        }
        if (f.has("external_id")) {
            n.put("external_id", f.text("external_id", false, 1_000));
        }
        f.check();
    }

    // ------------------------------------------------------------------------------------------ control

    private Response generate(Request req) {
        ObjectNode body = req.body().length == 0 ? Json.object() : req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("count", "prefix", "webhooks"), Set.of());
        Long count = f.integer("count", true, 1, 200_000);
        String prefix = f.text("prefix", false, 20);
        Boolean hooks = f.bool("webhooks");
        f.check();
        String pfx = prefix == null ? "LOAD" : prefix;
        boolean emit = Boolean.TRUE.equals(hooks);
        long t0 = System.nanoTime();
        ObjectNode out = store.write(() -> {
            List<ObjectNode> clients = contacts.all().stream().filter(c -> c.hasNonNull("client_number")).toList();
            if (clients.isEmpty()) {
                clients = List.of(findOrCreateContact("Load Test Client Inc.", "Company"));
            }
            List<ObjectNode> areas = new ArrayList<>(practiceAreas.all());
            List<ObjectNode> attorneys = new ArrayList<>(users.all());
            long seqKey = store.metaValue("gen." + pfx) == null ? 1 : store.metaValue("gen." + pfx);
            long firstId = -1;
            long lastId = -1;
            String firstNumber = null;
            String lastNumber = null;
            for (int i = 0; i < count; i++) {
                long n = seqKey + i;
                String number = pfx + "-" + String.format("%06d", n);
                ObjectNode client = clients.get((int) (n % clients.size()));
                ObjectNode m = newMatterSkeleton();
                m.put("display_number", number);
                m.put("description", "Load test matter " + number + " for " + client.path("name").asText());
                m.put("open_date", today());
                m.set("client", clientRef(client));
                if (!areas.isEmpty()) {
                    m.set("practice_area", areaRef(areas.get((int) (n % areas.size()))));
                }
                if (!attorneys.isEmpty()) {
                    m.set("responsible_attorney", userRef(attorneys.get((int) (n % attorneys.size()))));
                }
                ObjectNode rel = ((ArrayNode) m.get("relationships")).addObject();
                rel.put("id", store.nextId("relationships", 9001));
                rel.put("description", "Client");
                rel.set("contact", contactRef(client));
                long id = store.nextId("matters", 1001);
                stampNew(m, id);
                matters.put(id, m);
                if (emit) {
                    webhooks.emit("matter", "created", Long.toString(id), m.get("updated_at").asText(), m);
                }
                if (firstId < 0) {
                    firstId = id;
                    firstNumber = number;
                }
                lastId = id;
                lastNumber = number;
            }
            store.metaValue("gen." + pfx, seqKey + count);
            ObjectNode o = Json.object();
            o.put("count", count);
            o.put("first_id", firstId);
            o.put("last_id", lastId);
            o.put("first_number", firstNumber);
            o.put("last_number", lastNumber);
            o.put("webhooks", emit);
            return o;
        });
        store.commit();
        out.put("elapsed_ms", (System.nanoTime() - t0) / 1_000_000);
        return Response.created(out);
    }

    private Response touch(Request req) {
        ObjectNode body = req.body().length == 0 ? Json.object() : req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("description"), Set.of());
        String description = f.text("description", false, 2_000);
        f.check();
        return store.write(() -> {
            ObjectNode existing = require(matters, "matter", req.pathVar("id"));
            ObjectNode m = existing.deepCopy();
            int next = m.path("version").asInt() + 1;
            String base = REV.matcher(m.path("description").asText()).replaceFirst("");
            m.put("description", description != null ? description : base + " (rev " + next + ")");
            if (m.equals(existing)) {
                m.put("description", description + " (rev " + next + ")");
            }
            stampUpdate(m);
            matters.put(m.get("id").asLong(), m);
            webhooks.emit("matter", "updated", m.get("id").asText(), m.get("updated_at").asText(), m);
            return Response.data(200, m);
        });
    }

    // ------------------------------------------------------------------------------------------ seed

    @Override
    protected void seed(SeedData data) {
        for (SeedData.PracticeArea a : data.practiceAreas()) {
            ObjectNode n = skeleton("name");
            n.put("name", a.name());
            stampNew(n, a.id());
            practiceAreas.put(a.id(), n);
        }
        for (SeedData.Attorney a : data.attorneys()) {
            ObjectNode n = skeleton("name", "first_name", "last_name", "email", "title", "rate", "enabled");
            n.put("name", a.name());
            n.put("first_name", a.firstName());
            n.put("last_name", a.lastName());
            n.put("email", a.email());
            n.put("title", a.title());
            n.put("rate", a.rate());
            n.put("enabled", true);
            stampNew(n, a.id());
            users.put(a.id(), n);
        }
        for (SeedData.Contact c : data.contacts()) {
            ObjectNode n = newContact(c.name(), c.type(), c.email(), c.clientNumber());
            stampNew(n, c.id());
            contacts.put(c.id(), n);
        }
        long maxRel = 9000;
        for (SeedData.Matter sm : data.matters()) {
            ObjectNode m = newMatterSkeleton();
            m.put("display_number", sm.displayNumber());
            m.put("description", sm.description());
            m.put("status", sm.status());
            m.put("open_date", sm.openDate().toString());
            m.put("close_date", sm.closeDate() == null ? null : sm.closeDate().toString());
            m.put("billable", sm.billable());
            m.set("client", clientRef(contacts.get(sm.client().id())));
            m.set("practice_area", areaRef(practiceAreas.get(sm.practiceArea().id())));
            m.set("responsible_attorney", userRef(users.get(sm.responsible().id())));
            m.set("originating_attorney", userRef(users.get(sm.originating().id())));
            ArrayNode rels = (ArrayNode) m.get("relationships");
            for (SeedData.Relationship r : sm.relationships()) {
                ObjectNode rel = rels.addObject();
                rel.put("id", r.id());
                rel.put("description", r.role());
                rel.set("contact", contactRef(contacts.get(r.contact().id())));
                maxRel = Math.max(maxRel, r.id());
            }
            stampNew(m, sm.id());
            matters.put(sm.id(), m);
        }
        store.metaValue("seq.practice_areas", data.practiceAreas().size() + 1L);
        store.metaValue("seq.users", data.attorneys().stream().mapToLong(SeedData.Attorney::id).max().orElse(20) + 1);
        store.metaValue("seq.contacts", data.contacts().stream().mapToLong(SeedData.Contact::id).max().orElse(500) + 1);
        store.metaValue("seq.matters", data.matters().stream().mapToLong(SeedData.Matter::id).max().orElse(1000) + 1);
        store.metaValue("seq.relationships", maxRel + 1);
    }
}
