package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Fields;
import io.legalhub.sandbox.http.Handler;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Request;
import io.legalhub.sandbox.http.Response;
import io.legalhub.sandbox.http.Router;
import io.legalhub.sandbox.seed.SeedData;
import io.legalhub.sandbox.store.SystemStore;
import io.legalhub.sandbox.store.Table;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matter management as Clio Manage API v4 defines it (../shared/specs/clio-manage-v4.openapi.json), under
 * {@code /matter-management/api/v4}: {@code .json} paths, {@code {"data": …}} envelopes, cursor paging (default and
 * maximum 200), {@code fields} selections, lower-case statuses in requests and capitalised ones in answers, nested
 * attributes ({@code id} to update, {@code _destroy} to remove) for relationships, custom field values and external
 * properties, the hub's own matter fields as custom fields, documents on a {@code parent}, typed notes, bills without
 * a create, and webhook subscriptions with their handshake and expiry. Internal.
 */
public final class MatterManagementModule extends SystemModule {

    private static final String API = "/api/v4";
    private static final List<String> API_VERSIONS = List.of("4.0.4", "4.0.5", "4.0.6", "4.0.7", "4.0.8", "4.0.9", "4.0.10");
    private static final String DEFAULT_API_VERSION = "4.0.9";
    private static final List<String> REQUEST_STATUSES = List.of("open", "pending", "closed");
    private static final List<String> CONTACT_TYPES = List.of("Person", "Company");
    private static final List<String> BILL_STATES = List.of("draft", "awaiting_approval", "awaiting_payment", "paid", "void", "deleted");
    private static final List<String> NOTE_TYPES = List.of("Matter", "Contact");
    private static final List<String> WEBHOOK_MODELS = List.of("activity", "bill", "calendar_entry", "clio_payments_payment",
            "communication", "contact", "document", "folder", "matter", "task");
    private static final List<String> WEBHOOK_EVENTS = List.of("created", "updated", "deleted", "matter_opened", "matter_pended", "matter_closed");
    private static final Set<String> READ_ONLY = Set.of("id", "etag", "created_at", "updated_at");
    private static final Set<String> MATTER_FIELDS = Set.of("billable", "client", "client_reference", "close_date", "custom_field_values",
            "description", "display_number", "location", "open_date", "originating_attorney", "pending_date", "practice_area",
            "relationships", "responsible_attorney", "status");
    /** Matter fields Clio has that the sandbox does not simulate: asked for, they answer null. */
    private static final Set<String> MATTER_KNOWN = Set.of("custom_number", "currency", "maildrop_address", "shared", "has_tasks",
            "last_activity_date", "matter_stage_updated_at", "contingency_fee", "custom_rate", "evergreen_retainer", "folder", "group",
            "matter_budget", "matter_stage", "statute_of_limitations", "user", "legal_aid_uk_matter", "account_balances",
            "custom_field_set_associations", "matter_bill_recipients", "task_template_list_instances", "split_invoice_payers");
    private static final Set<String> CONTACT_FIELDS = Set.of("name", "first_name", "last_name", "type", "ledes_client_id", "title",
            "prefix", "primary_email_address", "is_client");
    private static final Set<String> DOCUMENT_FIELDS = Set.of("name", "parent", "received_at", "external_properties", "content_type",
            "filename");
    private static final int MAX_EXTERNAL_PROPERTIES = 5;
    private static final Duration DEFAULT_WEBHOOK_LIFETIME = Duration.ofDays(3);
    private static final Duration MAX_WEBHOOK_LIFETIME = Duration.ofDays(31);
    private static final Pattern NUMBER = Pattern.compile("(\\d{4})-(\\d{4,})");
    private static final Pattern REV = Pattern.compile(" \\(rev \\d+\\)$");

    /** The firm's matter custom fields: the hub keeps its conflict results and intake flag in them (seeded ids). */
    public static final long CF_CONFLICT_STATUS = 3001;
    public static final long CF_CONFLICT_SEARCH_ID = 3002;
    public static final long CF_CONFLICT_NOTE = 3003;
    public static final long CF_INTAKE_FLAG = 3004;

    private final Table contacts;
    private final Table users;
    private final Table practiceAreas;
    private final Table matters;
    private final Table relationships;
    private final Table customFields;
    private final Table bills;
    private final Table documents;
    private final Table notes;
    private final Table webhookTable;
    private final ClioWebhooks hooks;
    private final SecureRandom random = new SecureRandom();

    public MatterManagementModule(SystemStore store, SandboxSettings settings) {
        super(SandboxSystem.MATTER_MANAGEMENT, store, settings);
        contacts = table("contacts");
        users = table("users");
        practiceAreas = table("practice_areas");
        matters = table("matters");
        relationships = table("relationships");
        customFields = table("custom_fields");
        bills = table("bills");
        documents = table("documents");
        notes = table("notes");
        webhookTable = table("webhooks");
        hooks = new ClioWebhooks(store, webhookTable, settings.webhookAttempts(), settings.webhookBackoff());
    }

    @Override
    public boolean usesStaticWebhooks() {
        return false;
    }

    @Override
    protected List<BusinessKey> businessKeys() {
        return List.of(new BusinessKey("matters", "display_number", "id"),
                new BusinessKey("documents", "/external_properties/0/value", "id"),
                new BusinessKey("notes", "subject", "id"));
    }

    // ------------------------------------------------------------------------------------------ routes

    @Override
    protected void registerApi(Router r) {
        route(r, "GET", "/matters.json", this::listMatters);
        route(r, "POST", "/matters.json", this::createMatter);
        route(r, "GET", "/matters/{id}.json", req -> show(req, "Matter", matterView(require(matters, "Matter", req.pathVar("id")))));
        route(r, "PATCH", "/matters/{id}.json", this::patchMatter);
        route(r, "DELETE", "/matters/{id}.json", this::deleteMatter);

        route(r, "GET", "/contacts.json", this::listContacts);
        route(r, "POST", "/contacts.json", this::createContact);
        route(r, "GET", "/contacts/{id}.json", req -> show(req, "Contact", require(contacts, "Contact", req.pathVar("id"))));
        route(r, "PATCH", "/contacts/{id}.json", this::patchContact);

        route(r, "GET", "/users.json", req -> page(req, users, x -> true, Function.identity(), "User"));
        route(r, "GET", "/users/who_am_i.json", req -> show(req, "User", users.all().iterator().next()));
        route(r, "GET", "/users/{id}.json", req -> show(req, "User", require(users, "User", req.pathVar("id"))));
        route(r, "GET", "/practice_areas.json", req -> page(req, practiceAreas, x -> true, Function.identity(), "PracticeArea"));
        route(r, "GET", "/practice_areas/{id}.json", req -> show(req, "PracticeArea", require(practiceAreas, "PracticeArea", req.pathVar("id"))));
        route(r, "GET", "/custom_fields.json", req -> {
            String parentType = req.query("parent_type");
            return page(req, customFields, f -> parentType == null || parentType.equalsIgnoreCase(f.path("parent_type").asText()),
                    Function.identity(), "CustomField");
        });
        route(r, "GET", "/custom_fields/{id}.json", req -> show(req, "CustomField", require(customFields, "CustomField", req.pathVar("id"))));

        route(r, "GET", "/relationships.json", this::listRelationships);
        route(r, "POST", "/relationships.json", this::createRelationship);
        route(r, "GET", "/relationships/{id}.json", req -> show(req, "Relationship", require(relationships, "Relationship", req.pathVar("id"))));
        route(r, "DELETE", "/relationships/{id}.json", this::deleteRelationship);

        route(r, "GET", "/bills.json", this::listBills);
        route(r, "GET", "/bills/{id}.json", req -> show(req, "Bill", require(bills, "Bill", req.pathVar("id"))));
        route(r, "PATCH", "/bills/{id}.json", this::patchBill);

        route(r, "GET", "/documents.json", this::listDocuments);
        route(r, "POST", "/documents.json", this::createDocument);
        route(r, "GET", "/documents/{id}.json", req -> show(req, "Document", require(documents, "Document", req.pathVar("id"))));
        route(r, "PATCH", "/documents/{id}.json", this::patchDocument);

        route(r, "GET", "/notes.json", this::listNotes);
        route(r, "POST", "/notes.json", this::createNote);
        route(r, "GET", "/notes/{id}.json", req -> show(req, "Note", require(notes, "Note", req.pathVar("id"))));
        route(r, "PATCH", "/notes/{id}.json", this::patchNote);

        route(r, "GET", "/webhooks.json", req -> page(req, webhookTable, x -> true, Function.identity(), "Webhook"));
        route(r, "POST", "/webhooks.json", this::createWebhook);
        route(r, "GET", "/webhooks/{id}.json", req -> show(req, "Webhook", require(webhookTable, "Webhook", req.pathVar("id"))));
        route(r, "PATCH", "/webhooks/{id}.json", this::patchWebhook);
        route(r, "DELETE", "/webhooks/{id}.json", req -> store.write(() -> {
            require(webhookTable, "Webhook", req.pathVar("id"));
            webhookTable.remove(Long.parseLong(req.pathVar("id")));
            return Response.noContent();
        }));
        // documented in #/tags/70 ("Option 2: Delayed"), though not a path of the spec
        route(r, "PUT", "/webhooks/{id}/activate", this::activateWebhook);
    }

    @Override
    protected void registerControl(Router r) {
        r.post("/_control/matters/generate", this::generate);
        r.post("/_control/matters/{id}/touch", this::touch);
        r.get("/_control/webhooks/deliveries", req -> {
            ObjectNode n = Json.object();
            n.set("deliveries", hooks.deliveriesJson(req.queryInt("limit", 200, 1, 1_000_000)));
            return Response.ok(n);
        });
        r.delete("/_control/webhooks/deliveries", req -> {
            hooks.clearDeliveries();
            return Response.noContent();
        });
        // time passing, or an administrator acting, for tests of a receiver's subscription upkeep
        r.post("/_control/webhooks/{id}/expire", req -> controlWebhook(req, hook -> hook.put("expires_at", now())));
        r.post("/_control/webhooks/{id}/suspend", req -> controlWebhook(req, hook -> hook.put("status", "suspended")));
        r.post("/_control/bills", this::controlCreateBill);
    }

    /** Registers an API route that honours {@code X-API-VERSION} as Clio does and names the version it answered with. */
    private static void route(Router r, String method, String path, Handler handler) {
        r.add(method, API + path, req -> {
            String asked = req.header("X-API-VERSION");
            if (asked != null && !API_VERSIONS.contains(asked.trim())) {
                throw new ApiException(410, "Gone", "X-API-VERSION " + asked + " is not a supported API version ("
                        + String.join(", ", API_VERSIONS) + ")");
            }
            return handler.handle(req).header("X-API-VERSION", asked == null ? DEFAULT_API_VERSION : asked.trim());
        });
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static ObjectNode require(Table table, String what, String id) {
        Long key = IdFormat.parseNumber(id);
        ObjectNode rec = key == null ? null : table.get(key);
        if (rec == null) {
            throw ApiException.notFound(what + " " + id + " not found");
        }
        return rec;
    }

    private Response show(Request req, String resource, ObjectNode record) {
        ClioFieldSelection fields = selection(req, resource);
        String ifNoneMatch = req.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.trim().equals(record.path("etag").asText())) {
            return Response.notModified();
        }
        return answer(fields, 200, record, resource).header("ETag", record.path("etag").asText());
    }

    private static Response page(Request req, Table table, Predicate<ObjectNode> filter, Function<ObjectNode, ObjectNode> view,
                                 String resource) {
        return page(req, table.entries(), filter, view, resource);
    }

    /** As above, over records already narrowed by an index. */
    private static Response page(Request req, NavigableMap<Long, ObjectNode> entries, Predicate<ObjectNode> filter,
                                 Function<ObjectNode, ObjectNode> view, String resource) {
        ClioFieldSelection fields = selection(req, resource);
        return Response.ok(Paging.clio(req, entries, filter, rec -> ClioFieldSelection.project(view.apply(rec), fields, resource, known(resource))));
    }

    /** {@code {"data": record}} as the request's {@code fields} selection (or the resource's default view) shows it. */
    private static Response answer(ClioFieldSelection fields, int status, ObjectNode record, String resource) {
        return Response.data(status, ClioFieldSelection.project(record, fields, resource, known(resource)));
    }

    /** Fields Clio's resource has that the sandbox does not keep; selected, they answer null. */
    private static Set<String> known(String resource) {
        return resource.equals("Matter") ? MATTER_KNOWN : null;
    }

    /**
     * The request's {@code fields}, checked against {@link #prototype} of the resource before anything is read or written:
     * an unknown name is refused (400) whatever the records hold (a null client used to let {@code client{bogus}} through),
     * and a write never stores its record and then answers 400 for the selection (a client retrying would duplicate it).
     */
    private static ClioFieldSelection selection(Request req, String resource) {
        ClioFieldSelection fields = ClioFieldSelection.parse(req.query("fields"));
        if (fields == null) {
            ObjectNode prototype = prototype(resource);
            return prototype == null ? null : ClioFieldSelection.defaultView(prototype);
        }
        checkAgainstPrototype(fields, resource);
        return fields;
    }

    private static void checkAgainstPrototype(ClioFieldSelection fields, String resource) {
        ObjectNode prototype = fields == null ? null : prototype(resource);
        if (prototype != null) {
            ClioFieldSelection.project(prototype, fields, resource, known(resource));
        }
    }

    /**
     * A record of {@code resource} with every field the sandbox gives it, each nested record present and each list holding
     * one item, so that a selection naming anything else fails on it. Null for a resource the sandbox does not simulate.
     */
    private static ObjectNode prototype(String resource) {
        ObjectNode contact = newContact("", "Company", null, null);
        ObjectNode matterRef = matterRef(newMatterSkeleton());
        switch (resource) {
            case "Matter" -> {
                ObjectNode m = newMatterSkeleton();
                m.set("client", contactRef(contact));
                m.set("practice_area", areaRef(newPracticeArea()));
                m.set("responsible_attorney", userRef(newUser()));
                m.set("originating_attorney", userRef(newUser()));
                m.putArray("relationships").add(relationshipBase(newRelationship()));
                ((ArrayNode) m.get("custom_field_values")).add(customFieldValue("", newCustomField(), null, null));
                return m;
            }
            case "Contact" -> {
                return contact;
            }
            case "User" -> {
                return newUser();
            }
            case "PracticeArea" -> {
                return newPracticeArea();
            }
            case "CustomField" -> {
                return newCustomField();
            }
            case "Relationship" -> {
                ObjectNode rel = newRelationship();
                rel.set("matter", matterRef);
                rel.set("contact", contactRef(contact));
                return rel;
            }
            case "Bill" -> {
                ObjectNode b = newBill();
                b.set("client", contactRef(contact));
                b.putArray("matters").add(matterRef);
                return b;
            }
            case "Document" -> {
                ObjectNode d = newDocument();
                d.putObject("parent").put("id", 0).put("type", "Matter");
                d.set("matter", matterRef);
                ((ArrayNode) d.get("external_properties")).add(skeleton("name", "value"));
                d.putObject("latest_document_version").put("uuid", "").put("fully_uploaded", false);
                return d;
            }
            case "Note" -> {
                ObjectNode n = newNote();
                n.set("matter", matterRef);
                return n;
            }
            case "Webhook" -> {
                ObjectNode hook = newWebhook();
                hook.putArray("events").add("created");
                return hook;
            }
            default -> {
                return null;
            }
        }
    }

    /** The sandbox resource a webhook model's payloads are records of; null for models the sandbox never sends. */
    private static String webhookResource(String model) {
        return switch (model) {
            case "matter" -> "Matter";
            case "contact" -> "Contact";
            case "bill" -> "Bill";
            case "document" -> "Document";
            default -> null;
        };
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

    private static boolean matches(String text, String query) {
        return query == null || text.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT).replace("*", ""));
    }

    private void stampNew(ObjectNode rec, long id) {
        String ts = now();
        rec.put("id", id);
        rec.put("created_at", ts);
        rec.put("updated_at", ts);
        rec.put("etag", etag(id, ts));
    }

    private void stampUpdate(ObjectNode rec) {
        String ts = now();
        rec.put("updated_at", ts);
        rec.put("etag", etag(rec.get("id").asLong(), ts));
    }

    /** Clio's etags are opaque quoted hashes that change with every change of the record. */
    private static String etag(long id, String updatedAt) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest((id + "@" + updatedAt).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new record whose fields come in the order Clio's schema lists them. */
    private static ObjectNode skeleton(String... fields) {
        ObjectNode n = Json.object();
        n.putNull("id");
        n.putNull("etag");
        for (String f : fields) {
            n.putNull(f);
        }
        n.putNull("created_at");
        n.putNull("updated_at");
        return n;
    }

    private static ObjectNode newUser() {
        return skeleton("name", "first_name", "last_name", "email", "initials", "enabled", "rate");
    }

    private static ObjectNode newPracticeArea() {
        return skeleton("name", "category", "code");
    }

    private static ObjectNode newCustomField() {
        return skeleton("name", "parent_type", "field_type", "displayed", "deleted", "required", "display_order");
    }

    private static ObjectNode newRelationship() {
        return skeleton("description", "matter", "contact");
    }

    private static ObjectNode newBill() {
        return skeleton("number", "issued_at", "due_at", "subject", "memo", "purchase_order", "state", "kind", "total",
                "balance", "paid", "paid_at");
    }

    private static ObjectNode newDocument() {
        ObjectNode d = skeleton("type", "locked", "name", "received_at", "filename", "size", "content_type", "deleted_at",
                "parent", "matter");
        d.put("type", "Document");
        d.put("locked", false);
        d.putArray("external_properties");
        return d;
    }

    private static ObjectNode newNote() {
        return skeleton("type", "subject", "detail", "detail_text_type", "date", "matter");
    }

    private static ObjectNode newWebhook() {
        return skeleton("url", "fields", "shared_secret", "model", "status", "events", "expires_at");
    }

    private static void checkIfMatch(Request req, ObjectNode existing) {
        String ifMatch = req.header("If-Match");
        if (ifMatch == null || ifMatch.trim().equals("*")) {
            return;
        }
        if (!ifMatch.trim().replaceFirst("^W/", "").equals(existing.path("etag").asText())) {
            throw new ApiException(412, "PreconditionFailed",
                    "If-Match " + ifMatch + " does not match the current etag " + existing.path("etag").asText());
        }
    }

    private static ObjectNode contactRef(ObjectNode contact) {
        ObjectNode n = Json.object();
        for (String f : List.of("id", "etag", "name", "first_name", "last_name", "type", "ledes_client_id", "is_client")) {
            n.set(f, contact.get(f));
        }
        return n;
    }

    private static ObjectNode userRef(ObjectNode user) {
        ObjectNode n = Json.object();
        for (String f : List.of("id", "etag", "name", "first_name", "last_name", "email", "enabled")) {
            n.set(f, user.get(f));
        }
        return n;
    }

    private static ObjectNode areaRef(ObjectNode area) {
        ObjectNode n = Json.object();
        for (String f : List.of("id", "etag", "name", "category", "code")) {
            n.set(f, area.get(f));
        }
        return n;
    }

    private static ObjectNode matterRef(ObjectNode matter) {
        ObjectNode n = Json.object();
        for (String f : List.of("id", "etag", "number", "display_number", "description", "status")) {
            n.set(f, matter.get(f));
        }
        return n;
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    /** A nested-attributes list (relationships, custom field values, external properties) or a 422. */
    private static List<ObjectNode> nestedList(Fields f, ObjectNode data, String field) {
        JsonNode list = data.get(field);
        List<ObjectNode> items = new ArrayList<>();
        if (list == null || list.isNull()) {
            return items;
        }
        if (!list.isArray()) {
            f.invalid(field, "must be an array");
            return items;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isObject()) {
                f.invalid(field + "[" + i + "]", "must be an object");
            } else {
                items.add((ObjectNode) list.get(i));
            }
        }
        return items;
    }

    private static boolean destroy(ObjectNode item) {
        return item.path("_destroy").asBoolean(false);
    }

    // ------------------------------------------------------------------------------------------ matters

    /** A matter as answers and webhooks show it: its relationships (Relationship_base, no contact) and custom field values. */
    private ObjectNode matterView(ObjectNode m) {
        ObjectNode view = m.deepCopy();
        ArrayNode rels = view.putArray("relationships");
        long matterId = m.get("id").asLong();
        // by index: a page of 200 matters must not read every relationship of the firm 200 times
        for (ObjectNode rel : relationships.entriesWhere("/matter/id", String.valueOf(matterId)).values()) {
            rels.add(relationshipBase(rel));
        }
        ArrayNode values = view.putArray("custom_field_values");
        for (ObjectNode field : customFields.all()) {
            if (!"Matter".equals(field.path("parent_type").asText())) {
                continue;
            }
            JsonNode stored = null;
            for (JsonNode value : m.path("custom_field_values")) {
                if (value.path("custom_field").path("id").asLong() == field.get("id").asLong()) {
                    stored = value;
                }
            }
            if (stored != null) {
                values.add(stored);
            } else if (field.path("displayed").asBoolean()) {
                // a displayed field without a value shows with a null id (#/tags/41, "Read")
                values.add(customFieldValue(null, field, null, null));
            }
        }
        return view;
    }

    /** A relationship as a matter shows it: Clio's Relationship_base, without the contact. */
    private static ObjectNode relationshipBase(ObjectNode rel) {
        ObjectNode base = Json.object();
        for (String f : List.of("id", "etag", "description", "created_at", "updated_at")) {
            base.set(f, rel.get(f));
        }
        return base;
    }

    private static ObjectNode customFieldValue(String id, ObjectNode field, String value, String at) {
        ObjectNode v = Json.object();
        v.put("id", id);
        v.put("etag", id == null ? null : "\"" + Integer.toHexString((id + value + at).hashCode()) + "\"");
        v.put("field_name", field.path("name").asText());
        v.put("field_type", field.path("field_type").asText());
        v.put("field_required", field.path("required").asBoolean());
        v.put("field_displayed", field.path("displayed").asBoolean());
        v.put("value", value);
        v.put("created_at", at);
        v.put("updated_at", at);
        ObjectNode ref = v.putObject("custom_field");
        ref.put("id", field.get("id").asLong());
        ref.put("etag", field.path("etag").asText());
        return v;
    }

    private Response listMatters(Request req) {
        String since = req.queryTimestamp("updated_since");
        String status = req.query("status");
        Set<String> statuses = status == null ? null : new HashSet<>(Arrays.asList(status.toLowerCase(Locale.ROOT).split(",")));
        if (statuses != null && !REQUEST_STATUSES.containsAll(statuses)) {
            throw ApiException.badRequest("status must be open, pending or closed (comma-separated), got '" + status + "'");
        }
        Long clientId = queryId(req, "client_id");
        Long areaId = queryId(req, "practice_area_id");
        Long attorneyId = queryId(req, "responsible_attorney_id");
        String query = req.query("query");
        Predicate<ObjectNode> filter = m -> since(m, since)
                && (statuses == null || statuses.contains(m.path("status").asText().toLowerCase(Locale.ROOT)))
                && (clientId == null || clientId == m.path("client").path("id").asLong())
                && (areaId == null || areaId == m.path("practice_area").path("id").asLong())
                && (attorneyId == null || attorneyId == m.path("responsible_attorney").path("id").asLong())
                && (query == null || matches(m.path("display_number").asText(), query) || matches(m.path("number").asText(), query)
                || matches(m.path("description").asText(), query) || matches(m.path("client").path("name").asText(), query));
        return page(req, matters, filter, this::matterView, "Matter");
    }

    private static ObjectNode newMatterSkeleton() {
        ObjectNode m = skeleton("number", "display_number", "description", "status", "location", "client_reference", "client_id",
                "billable", "billing_method", "open_date", "close_date", "pending_date", "client", "practice_area",
                "responsible_attorney", "originating_attorney");
        m.put("status", "Open");
        m.put("billable", true);
        m.put("billing_method", "hourly");
        m.putArray("custom_field_values");
        return m;
    }

    private Response createMatter(Request req) {
        ObjectNode data = req.dataObject();
        ClioFieldSelection fields = selection(req, "Matter");
        return store.write(() -> {
            ObjectNode m = newMatterSkeleton();
            List<ObjectNode> newRelationships = new ArrayList<>();
            applyMatter(m, data, true, newRelationships);
            long id = store.nextId("matters", 1001);
            if (m.get("display_number").isNull()) {
                m.put("display_number", nextDisplayNumber());
            }
            checkRejected(m.get("display_number").asText());
            m.put("number", id - 1000);
            stampNew(m, id);
            matters.put(id, m);
            saveRelationships(m, newRelationships);
            ObjectNode view = matterView(m);
            hooks.emit("matter", "created", null, view, store.now());
            return answer(fields, 201, view, "Matter");
        });
    }

    private Response patchMatter(Request req) {
        ObjectNode data = req.dataObject();
        ClioFieldSelection fields = selection(req, "Matter");
        return store.write(() -> {
            ObjectNode existing = require(matters, "Matter", req.pathVar("id"));
            checkIfMatch(req, existing);
            ObjectNode before = matterView(existing);
            ObjectNode m = existing.deepCopy();
            List<ObjectNode> relationshipChanges = new ArrayList<>();
            applyMatter(m, data, false, relationshipChanges);
            checkRejected(existing.path("display_number").asText(), m.path("display_number").asText());
            boolean relationshipsChanged = !relationshipChanges.isEmpty();
            if (m.equals(existing) && !relationshipsChanged) {
                return answer(fields, 200, before, "Matter");
            }
            stampUpdate(m);
            matters.put(m.get("id").asLong(), m);
            saveRelationships(m, relationshipChanges);
            ObjectNode view = matterView(m);
            hooks.emit("matter", "updated", before, view, store.now());
            String oldStatus = existing.path("status").asText();
            String newStatus = m.path("status").asText();
            if (!oldStatus.equals(newStatus)) {
                hooks.emit("matter", switch (newStatus) {
                    case "Open" -> "matter_opened";
                    case "Pending" -> "matter_pended";
                    default -> "matter_closed";
                }, before, view, store.now());
            }
            return answer(fields, 200, view, "Matter");
        });
    }

    private Response deleteMatter(Request req) {
        return store.write(() -> {
            ObjectNode existing = require(matters, "Matter", req.pathVar("id"));
            ObjectNode view = matterView(existing);
            matters.remove(existing.get("id").asLong());
            for (ObjectNode rel : relationships.all()) {
                if (rel.path("matter").path("id").asLong() == existing.get("id").asLong()) {
                    relationships.remove(rel.get("id").asLong());
                }
            }
            hooks.emit("matter", "deleted", null, view, store.now());
            return Response.noContent();
        });
    }

    /**
     * Validates {@code data} and writes its fields into {@code m}; 422 naming every problem. Relationship changes are
     * collected (new ones without an id; {@code _destroy} entries) and saved once the matter is.
     */
    private void applyMatter(ObjectNode m, ObjectNode data, boolean create, List<ObjectNode> relationshipChanges) {
        Fields f = new Fields(data);
        f.rejectUnknown(MATTER_FIELDS, READ_ONLY);
        if (create || f.has("description")) {
            String d = f.text("description", true, 2_000);
            if (d != null) {
                m.put("description", d);
            }
        }
        if (f.has("display_number")) {
            // editable because the firm numbers its matters by hand (Clio's manual matter numbering)
            String dn = f.text("display_number", true, 40);
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
                    m.set("client", contactRef(c));
                    m.put("client_id", id);
                }
            }
        }
        if (f.has("status")) {
            JsonNode s = data.get("status");
            if (s.isTextual() && REQUEST_STATUSES.contains(s.asText())) {
                m.put("status", s.asText().substring(0, 1).toUpperCase(Locale.ROOT) + s.asText().substring(1));
            } else {
                f.invalid("status", "must be one of open, pending, closed (lower case), got " + s);
            }
        }
        refField(f, m, "practice_area", practiceAreas, MatterManagementModule::areaRef, "practice area");
        refField(f, m, "responsible_attorney", users, MatterManagementModule::userRef, "user");
        refField(f, m, "originating_attorney", users, MatterManagementModule::userRef, "user");
        for (String df : List.of("open_date", "close_date", "pending_date")) {
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
        for (String sf : List.of("client_reference", "location")) {
            if (f.has(sf)) {
                m.put(sf, f.text(sf, false, 255));
            }
        }
        if (f.has("relationships")) {
            relationshipChanges.addAll(relationshipChanges(f, data, create ? null : m.get("id").asLong()));
        }
        if (f.has("custom_field_values")) {
            m.set("custom_field_values", customFieldValues(f, data, (ArrayNode) m.get("custom_field_values"), "Matter"));
        }
        f.check();
        String status = m.path("status").asText();
        if (create && m.get("open_date").isNull() && status.equals("Open")) {
            m.put("open_date", today());
        }
        if (status.equals("Pending") && m.get("pending_date").isNull()) {
            m.put("pending_date", today());
        }
        if (status.equals("Closed") && m.get("close_date").isNull()) {
            m.put("close_date", today());
        }
    }

    private static void refField(Fields f, ObjectNode m, String field, Table table, Function<ObjectNode, ObjectNode> view, String what) {
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

    /** Relationships as nested attributes: {description, contact{id}} creates, {id, _destroy: true} removes. */
    private List<ObjectNode> relationshipChanges(Fields f, ObjectNode data, Long matterId) {
        List<ObjectNode> changes = new ArrayList<>();
        List<ObjectNode> items = nestedList(f, data, "relationships");
        for (int i = 0; i < items.size(); i++) {
            ObjectNode item = items.get(i);
            String p = "relationships[" + i + "]";
            Fields rf = new Fields(item, p + ".");
            rf.rejectUnknown(Set.of("id", "description", "contact", "_destroy"), Set.of());
            if (item.has("id")) {
                Long id = rf.integer("id", true, 1, Long.MAX_VALUE);
                ObjectNode existing = id == null ? null : relationships.get(id);
                if (id != null && (existing == null || matterId == null || existing.path("matter").path("id").asLong() != matterId)) {
                    rf.invalid("id", "is not a relationship of this matter (" + id + ")");
                } else if (id != null && destroy(item)) {
                    ObjectNode change = Json.object();
                    change.put("_destroy", id);
                    changes.add(change);
                } else if (id != null && (item.has("description") || item.has("contact"))) {
                    // the spec's example updates with {id, contact{id}, description}: both may change
                    ObjectNode change = existing.deepCopy();
                    if (item.has("description")) {
                        change.put("description", rf.oneOf("description", true, null, SeedData.RELATIONSHIP_ROLES));
                    }
                    if (item.has("contact")) {
                        Long contactId = rf.refId("contact", true);
                        ObjectNode contact = contactId == null ? null : contacts.get(contactId);
                        if (contactId != null && contact == null) {
                            rf.invalid("contact.id", "does not match any contact (" + contactId + ")");
                        } else if (contact != null) {
                            change.set("contact", contactRef(contact));
                        }
                    }
                    if (rf.ok() && !change.equals(existing)) {
                        changes.add(change);
                    }
                }
            } else {
                String role = rf.oneOf("description", true, null, SeedData.RELATIONSHIP_ROLES);
                Long contactId = rf.refId("contact", true);
                ObjectNode contact = contactId == null ? null : contacts.get(contactId);
                if (contactId != null && contact == null) {
                    rf.invalid("contact.id", "does not match any contact (" + contactId + ")");
                }
                if (rf.ok()) {
                    ObjectNode rel = newRelationship();
                    rel.put("description", role);
                    rel.set("contact", contactRef(contact));
                    changes.add(rel);
                }
            }
            f.absorb(rf);
        }
        return changes;
    }

    private void saveRelationships(ObjectNode matter, List<ObjectNode> changes) {
        for (ObjectNode change : changes) {
            if (change.has("_destroy")) {
                relationships.remove(change.get("_destroy").asLong());
                continue;
            }
            change.set("matter", matterRef(matter));
            if (change.get("id").isNull()) {
                stampNew(change, store.nextId("relationships", 9001));
            } else {
                stampUpdate(change);
            }
            relationships.put(change.get("id").asLong(), change);
        }
    }

    /**
     * Custom field values as nested attributes (#/tags/41): {custom_field{id}, value} gives a field its first value,
     * {id, value} changes it, {id, _destroy: true} removes it. A second value for a field that has one is refused: it
     * must be changed through its id (an assumption; Clio documents the id as the way to update, not what a second
     * create does).
     */
    private ArrayNode customFieldValues(Fields f, ObjectNode data, ArrayNode current, String parentType) {
        ArrayNode out = current.deepCopy();
        List<ObjectNode> items = nestedList(f, data, "custom_field_values");
        for (int i = 0; i < items.size(); i++) {
            ObjectNode item = items.get(i);
            String p = "custom_field_values[" + i + "]";
            Fields vf = new Fields(item, p + ".");
            vf.rejectUnknown(Set.of("id", "value", "custom_field", "_destroy"), Set.of());
            if (item.hasNonNull("id")) {
                String id = item.get("id").asText();
                int at = -1;
                for (int j = 0; j < out.size(); j++) {
                    if (id.equals(out.get(j).path("id").asText())) {
                        at = j;
                    }
                }
                if (at < 0) {
                    vf.invalid("id", "is not a custom field value of this record (" + id + ")");
                } else if (destroy(item)) {
                    out.remove(at);
                } else {
                    ObjectNode field = customFields.get(out.get(at).path("custom_field").path("id").asLong());
                    String value = fieldValue(vf, item, field);
                    JsonNode old = out.get(at);
                    if (value != null && !value.equals(old.path("value").asText(null))) {
                        // a change keeps the value's creation time; the same value again is no change (no new etag, no webhook)
                        ObjectNode changed = customFieldValue(id, field, value, now());
                        changed.set("created_at", old.get("created_at"));
                        out.set(at, changed);
                    }
                }
            } else {
                Long fieldId = vf.refId("custom_field", true);
                ObjectNode field = fieldId == null ? null : customFields.get(fieldId);
                if (fieldId != null && (field == null || !parentType.equals(field.path("parent_type").asText()))) {
                    vf.invalid("custom_field.id", "is not a " + parentType + " custom field (" + fieldId + ")");
                } else if (field != null) {
                    for (JsonNode existing : out) {
                        if (existing.path("custom_field").path("id").asLong() == fieldId) {
                            vf.invalid("custom_field.id", "custom field " + fieldId + " already has a value on this record ("
                                    + existing.path("id").asText() + "); change it by that id");
                        }
                    }
                    String value = fieldValue(vf, item, field);
                    if (vf.ok()) {
                        String id = field.path("field_type").asText() + "-" + store.nextId("custom_field_values", 1);
                        out.add(customFieldValue(id, field, value, now()));
                    }
                }
            }
            f.absorb(vf);
        }
        return out;
    }

    private static String fieldValue(Fields vf, ObjectNode item, ObjectNode field) {
        JsonNode v = item.get("value");
        if (v == null || v.isNull()) {
            vf.missing("value");
            return null;
        }
        if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
            vf.invalid("value", "must be a string");
            return null;
        }
        int max = "text_area".equals(field.path("field_type").asText()) ? 100_000 : 255;
        if (v.asText().length() > max) {
            vf.invalid("value", "must be at most " + max + " characters for a " + field.path("field_type").asText() + " field");
        }
        return v.asText();
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

    // ------------------------------------------------------------------------------------------ relationships

    private Response listRelationships(Request req) {
        Long matterId = queryId(req, "matter_id");
        Long contactId = queryId(req, "contact_id");
        String since = req.queryTimestamp("updated_since");
        Predicate<ObjectNode> filter = rel -> since(rel, since)
                && (matterId == null || matterId == rel.path("matter").path("id").asLong())
                && (contactId == null || contactId == rel.path("contact").path("id").asLong());
        // a matter's relationships by index, as Clio answers them, not by reading every relationship of the firm
        return page(req, matterId == null ? relationships.entries() : relationships.entriesWhere("/matter/id", String.valueOf(matterId)),
                filter, Function.identity(), "Relationship");
    }

    private Response createRelationship(Request req) {
        ObjectNode data = req.dataObject();
        ClioFieldSelection fields = selection(req, "Relationship");
        return store.write(() -> {
            Fields f = new Fields(data);
            f.rejectUnknown(Set.of("description", "matter", "contact"), READ_ONLY);
            String role = f.oneOf("description", true, null, SeedData.RELATIONSHIP_ROLES);
            Long matterId = f.refId("matter", true);
            Long contactId = f.refId("contact", true);
            ObjectNode matter = matterId == null ? null : matters.get(matterId);
            ObjectNode contact = contactId == null ? null : contacts.get(contactId);
            if (matterId != null && matter == null) {
                f.invalid("matter.id", "does not match any matter (" + matterId + ")");
            }
            if (contactId != null && contact == null) {
                f.invalid("contact.id", "does not match any contact (" + contactId + ")");
            }
            f.check();
            ObjectNode before = matterView(matter);
            ObjectNode rel = newRelationship();
            rel.put("description", role);
            rel.set("contact", contactRef(contact));
            rel.set("matter", matterRef(matter));
            stampNew(rel, store.nextId("relationships", 9001));
            relationships.put(rel.get("id").asLong(), rel);
            touchMatter(matter, before);
            return answer(fields, 201, rel, "Relationship");
        });
    }

    private Response deleteRelationship(Request req) {
        return store.write(() -> {
            ObjectNode rel = require(relationships, "Relationship", req.pathVar("id"));
            ObjectNode matter = matters.get(rel.path("matter").path("id").asLong());
            ObjectNode before = matter == null ? null : matterView(matter);
            relationships.remove(rel.get("id").asLong());
            if (matter != null) {
                touchMatter(matter, before);
            }
            return Response.noContent();
        });
    }

    /** A matter's parties changed: the matter counts as updated (an assumption; Clio does not say). */
    private void touchMatter(ObjectNode matter, ObjectNode before) {
        ObjectNode m = matter.deepCopy();
        stampUpdate(m);
        matters.put(m.get("id").asLong(), m);
        hooks.emit("matter", "updated", before, matterView(m), store.now());
    }

    // ------------------------------------------------------------------------------------------ contacts

    private static ObjectNode newContact(String name, String type, String email, String ledesClientId) {
        ObjectNode c = skeleton("name", "first_name", "last_name", "type", "prefix", "title", "primary_email_address",
                "ledes_client_id", "is_client");
        c.put("name", name);
        c.put("type", type);
        if ("Person".equals(type)) {
            int space = name.lastIndexOf(' ');
            c.put("first_name", space < 0 ? name : name.substring(0, space));
            c.put("last_name", space < 0 ? null : name.substring(space + 1));
        }
        c.put("primary_email_address", email);
        c.put("ledes_client_id", ledesClientId);
        c.put("is_client", ledesClientId != null);
        return c;
    }

    private Response listContacts(Request req) {
        String since = req.queryTimestamp("updated_since");
        String q = req.query("query");
        String type = req.query("type");
        return page(req, contacts, c -> since(c, since) && matches(c.path("name").asText(), q)
                && (type == null || type.equalsIgnoreCase(c.path("type").asText())), Function.identity(), "Contact");
    }

    private Response createContact(Request req) {
        ObjectNode data = req.dataObject();
        Fields f = new Fields(data);
        f.rejectUnknown(CONTACT_FIELDS, READ_ONLY);
        String type = f.oneOf("type", true, null, CONTACT_TYPES);
        String first = f.text("first_name", false, 255);
        String last = f.text("last_name", false, 255);
        String name = f.text("name", !"Person".equals(type) || (first == null && last == null), 300);
        if (name == null && "Person".equals(type)) {
            name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        }
        String email = f.text("primary_email_address", false, 300);
        String ledes = f.text("ledes_client_id", false, 20);
        f.check();
        String contactName = name;
        ClioFieldSelection fields = selection(req, "Contact");
        return store.write(() -> {
            ObjectNode c = newContact(contactName, type, email, ledes);
            if (first != null) {
                c.put("first_name", first);
            }
            if (last != null) {
                c.put("last_name", last);
            }
            stampNew(c, store.nextId("contacts", 501));
            contacts.put(c.get("id").asLong(), c);
            hooks.emit("contact", "created", null, c, store.now());
            return answer(fields, 201, c, "Contact");
        });
    }

    private Response patchContact(Request req) {
        ObjectNode data = req.dataObject();
        ClioFieldSelection fields = selection(req, "Contact");
        return store.write(() -> {
            ObjectNode existing = require(contacts, "Contact", req.pathVar("id"));
            ObjectNode c = existing.deepCopy();
            Fields f = new Fields(data);
            f.rejectUnknown(CONTACT_FIELDS, READ_ONLY);
            for (String sf : List.of("name", "first_name", "last_name", "title", "prefix", "primary_email_address", "ledes_client_id")) {
                if (f.has(sf)) {
                    c.put(sf, f.text(sf, sf.equals("name"), 300));
                }
            }
            if (f.has("type")) {
                c.put("type", f.oneOf("type", true, c.path("type").asText(), CONTACT_TYPES));
            }
            f.check();
            if (c.equals(existing)) {
                return answer(fields, 200, existing, "Contact");
            }
            stampUpdate(c);
            contacts.put(c.get("id").asLong(), c);
            hooks.emit("contact", "updated", existing, c, store.now());
            return answer(fields, 200, c, "Contact");
        });
    }

    // ------------------------------------------------------------------------------------------ bills (no create)

    private Response listBills(Request req) {
        String since = req.queryTimestamp("updated_since");
        String state = req.query("state");
        Long matterId = queryId(req, "matter_id");
        Long clientId = queryId(req, "client_id");
        String query = req.query("query");
        return page(req, bills, b -> since(b, since)
                && (state == null || state.equals(b.path("state").asText()))
                && (clientId == null || clientId == b.path("client").path("id").asLong())
                && (query == null || matches(b.path("number").asText(), query) || matches(b.path("subject").asText(), query))
                && (matterId == null || containsMatter(b, matterId)), Function.identity(), "Bill");
    }

    private static boolean containsMatter(ObjectNode bill, long matterId) {
        for (JsonNode m : bill.path("matters")) {
            if (m.path("id").asLong() == matterId) {
                return true;
            }
        }
        return false;
    }

    private Response patchBill(Request req) {
        ObjectNode data = req.dataObject();
        ClioFieldSelection fields = selection(req, "Bill");
        return store.write(() -> {
            ObjectNode existing = require(bills, "Bill", req.pathVar("id"));
            checkIfMatch(req, existing);
            ObjectNode b = existing.deepCopy();
            Fields f = new Fields(data);
            f.rejectUnknown(Set.of("state", "memo", "subject", "purchase_order", "number", "issued_at", "due_at"), READ_ONLY);
            if (f.has("state")) {
                b.put("state", f.oneOf("state", true, b.path("state").asText(), BILL_STATES));
            }
            for (String sf : List.of("memo", "subject", "purchase_order", "number")) {
                if (f.has(sf)) {
                    b.put(sf, f.text(sf, false, 1_000));
                }
            }
            for (String df : List.of("issued_at", "due_at")) {
                if (f.has(df)) {
                    LocalDate d = f.date(df, false);
                    b.put(df, d == null ? null : d.toString());
                }
            }
            f.check();
            if (b.equals(existing)) {
                return answer(fields, 200, existing, "Bill");
            }
            if ("paid".equals(b.path("state").asText()) && b.get("paid_at").isNull()) {
                b.put("paid_at", now());
            }
            stampUpdate(b);
            bills.put(b.get("id").asLong(), b);
            hooks.emit("bill", "updated", existing, b, store.now());
            return answer(fields, 200, b, "Bill");
        });
    }

    /** Bills are made in Clio from its own time entries; for demos a control endpoint stands in for that. */
    private Response controlCreateBill(Request req) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("number", "matter_id", "total", "state"), Set.of());
        String number = f.text("number", true, 40);
        Long matterId = f.integer("matter_id", true, 1, Long.MAX_VALUE);
        java.math.BigDecimal total = f.decimal("total", true);
        String state = f.oneOf("state", false, "draft", BILL_STATES);
        f.check();
        return store.write(() -> {
            ObjectNode matter = require(matters, "Matter", Long.toString(matterId));
            ObjectNode b = newBill();
            b.put("number", number);
            b.put("issued_at", today());
            b.put("state", state);
            b.put("kind", "revenue_kind");
            b.put("total", total);
            b.put("balance", total);
            b.put("paid", 0);
            b.set("client", matter.get("client"));
            b.putArray("matters").add(matterRef(matter));
            stampNew(b, store.nextId("bills", 3001));
            bills.put(b.get("id").asLong(), b);
            return Response.created(b);
        });
    }

    // ------------------------------------------------------------------------------------------ documents

    /** Documents created through the API without their upload steps stay "uncompleted" and are listed only on request. */
    private Response listDocuments(Request req) {
        Long matterId = queryId(req, "matter_id");
        String propertyName = req.query("external_property_name");
        String propertyValue = req.query("external_property_value");
        if (propertyValue != null && propertyName == null) {
            throw ApiException.badRequest("external_property_value requires external_property_name");
        }
        boolean uncompleted = Boolean.TRUE.equals(req.queryBool("show_uncompleted"));
        String since = req.queryTimestamp("updated_since");
        String query = req.query("query");
        return page(req, documents, d -> since(d, since)
                && (uncompleted || d.path("latest_document_version").path("fully_uploaded").asBoolean())
                && (matterId == null || matterId == d.path("matter").path("id").asLong())
                && matches(d.path("name").asText(), query)
                && (propertyName == null || hasProperty(d, propertyName, propertyValue)), Function.identity(), "Document");
    }

    private static boolean hasProperty(ObjectNode document, String name, String value) {
        for (JsonNode p : document.path("external_properties")) {
            if (name.equals(p.path("name").asText()) && (value == null || value.equals(p.path("value").asText()))) {
                return true;
            }
        }
        return false;
    }

    private Response createDocument(Request req) {
        ObjectNode data = req.dataObject();
        ClioFieldSelection fields = selection(req, "Document");
        return store.write(() -> {
            ObjectNode d = newDocument();
            applyDocument(d, data, true);
            checkRejected(d.path("matter").path("display_number").asText());
            stampNew(d, store.nextId("documents", 5001));
            ObjectNode version = d.putObject("latest_document_version");
            version.put("uuid", UUID.randomUUID().toString());
            version.put("fully_uploaded", false);
            documents.put(d.get("id").asLong(), d);
            hooks.emit("document", "created", null, d, store.now());
            return answer(fields, 201, d, "Document");
        });
    }

    private Response patchDocument(Request req) {
        ObjectNode data = req.dataObject();
        ClioFieldSelection fields = selection(req, "Document");
        return store.write(() -> {
            ObjectNode existing = require(documents, "Document", req.pathVar("id"));
            ObjectNode d = existing.deepCopy();
            applyDocument(d, data, false);
            checkRejected(d.path("matter").path("display_number").asText());
            if (d.equals(existing)) {
                return answer(fields, 200, existing, "Document");
            }
            stampUpdate(d);
            documents.put(d.get("id").asLong(), d);
            hooks.emit("document", "updated", existing, d, store.now());
            return answer(fields, 200, d, "Document");
        });
    }

    private void applyDocument(ObjectNode d, ObjectNode data, boolean create) {
        Fields f = new Fields(data);
        f.rejectUnknown(DOCUMENT_FIELDS, READ_ONLY);
        if (create || f.has("name")) {
            String n = f.text("name", true, 255);
            if (n != null) {
                d.put("name", n);
                d.put("filename", n);
            }
        }
        if (create || f.has("parent")) {
            JsonNode parent = data.get("parent");
            if (parent == null || !parent.isObject()) {
                f.missing("parent");
            } else {
                Fields pf = new Fields((ObjectNode) parent, "parent.");
                pf.rejectUnknown(Set.of("id", "type"), Set.of());
                Long id = pf.integer("id", true, 1, Long.MAX_VALUE);
                String type = pf.oneOf("type", true, null, List.of("Document", "Folder", "Contact", "Matter"));
                if (type != null && !type.equals("Matter")) {
                    pf.invalid("type", "the sandbox files documents on matters only (Document, Folder and Contact parents are not simulated)");
                }
                ObjectNode matter = id == null ? null : matters.get(id);
                if (id != null && "Matter".equals(type) && matter == null) {
                    pf.invalid("id", "does not match any matter (" + id + ")");
                }
                if (pf.ok() && matter != null) {
                    ObjectNode ref = Json.object();
                    ref.put("id", id);
                    ref.put("type", "Matter");
                    d.set("parent", ref);
                    d.set("matter", matterRef(matter));
                }
                f.absorb(pf);
            }
        }
        if (f.has("received_at")) {
            d.put("received_at", f.timestamp("received_at", false));
        }
        if (f.has("content_type")) {
            d.put("content_type", f.text("content_type", false, 255));
        }
        if (f.has("filename")) {
            d.put("filename", f.text("filename", false, 255));
        }
        if (f.has("external_properties")) {
            d.set("external_properties", externalProperties(f, data, (ArrayNode) d.get("external_properties")));
        }
        f.check();
    }

    /** External properties as nested attributes ({name, value} adds, {id, value} changes, {id, _destroy} removes); at most 5. */
    private ArrayNode externalProperties(Fields f, ObjectNode data, ArrayNode current) {
        ArrayNode out = current.deepCopy();
        List<ObjectNode> items = nestedList(f, data, "external_properties");
        for (int i = 0; i < items.size(); i++) {
            ObjectNode item = items.get(i);
            Fields pf = new Fields(item, "external_properties[" + i + "].");
            pf.rejectUnknown(Set.of("id", "name", "value", "_destroy"), Set.of());
            if (item.hasNonNull("id")) {
                long id = item.get("id").asLong();
                int at = -1;
                for (int j = 0; j < out.size(); j++) {
                    if (out.get(j).path("id").asLong() == id) {
                        at = j;
                    }
                }
                if (at < 0) {
                    pf.invalid("id", "is not an external property of this document (" + id + ")");
                } else if (destroy(item)) {
                    out.remove(at);
                } else {
                    ObjectNode changed = ((ObjectNode) out.get(at)).deepCopy();
                    if (item.has("name")) {
                        changed.put("name", pf.text("name", true, 255));
                    }
                    changed.put("value", pf.text("value", false, 1_000));
                    changed.put("updated_at", now());
                    out.set(at, changed);
                }
            } else {
                String name = pf.text("name", true, 255);
                String value = pf.text("value", false, 1_000);
                for (JsonNode existing : out) {
                    if (existing.path("name").asText().equals(name)) {
                        pf.invalid("name", "the document already has an external property '" + name + "' ("
                                + existing.path("id").asText() + "); change it by that id");
                    }
                }
                if (pf.ok()) {
                    ObjectNode p = Json.object();
                    long id = store.nextId("external_properties", 1);
                    p.put("id", id);
                    p.put("etag", "\"" + Long.toHexString(id * 2654435761L) + "\"");
                    p.put("name", name);
                    p.put("value", value);
                    p.put("created_at", now());
                    p.put("updated_at", now());
                    out.add(p);
                }
            }
            f.absorb(pf);
        }
        if (out.size() > MAX_EXTERNAL_PROPERTIES) {
            f.invalid("external_properties", "a document has at most " + MAX_EXTERNAL_PROPERTIES + " external properties, this would make "
                    + out.size());
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ notes

    private Response listNotes(Request req) {
        Long matterId = queryId(req, "matter_id");
        Long contactId = queryId(req, "contact_id");
        String type = req.query("type");
        if (type != null && !NOTE_TYPES.contains(type)) {
            throw ApiException.badRequest("type must be Matter or Contact, got '" + type + "'");
        }
        String query = req.query("query");
        String since = req.queryTimestamp("updated_since");
        return page(req, notes, n -> since(n, since)
                && (matterId == null || matterId == n.path("matter").path("id").asLong())
                && (contactId == null || contactId == n.path("contact").path("id").asLong())
                && (type == null || type.equals(n.path("type").asText()))
                && (query == null || matches(n.path("subject").asText(), query) || matches(n.path("detail").asText(), query)),
                Function.identity(), "Note");
    }

    private Response createNote(Request req) {
        ObjectNode data = req.dataObject();
        ClioFieldSelection fields = selection(req, "Note");
        return store.write(() -> {
            ObjectNode n = newNote();
            applyNote(n, data, true);
            checkRejected(n.path("matter").path("display_number").asText());
            stampNew(n, store.nextId("notes", 7001));
            notes.put(n.get("id").asLong(), n);
            return answer(fields, 201, n, "Note");
        });
    }

    private Response patchNote(Request req) {
        ObjectNode data = req.dataObject();
        ClioFieldSelection fields = selection(req, "Note");
        return store.write(() -> {
            ObjectNode existing = require(notes, "Note", req.pathVar("id"));
            ObjectNode n = existing.deepCopy();
            applyNote(n, data, false);
            checkRejected(n.path("matter").path("display_number").asText());
            if (n.equals(existing)) {
                return answer(fields, 200, existing, "Note");
            }
            stampUpdate(n);
            notes.put(n.get("id").asLong(), n);
            return answer(fields, 200, n, "Note");
        });
    }

    /** A Matter note needs type and matter (the spec's schema also lists contact as required; its text says only for Contact notes). */
    private void applyNote(ObjectNode n, ObjectNode data, boolean create) {
        Fields f = new Fields(data);
        f.rejectUnknown(Set.of("type", "matter", "contact", "subject", "detail", "detail_text_type", "date"), READ_ONLY);
        if (create || f.has("type")) {
            String type = f.oneOf("type", true, null, NOTE_TYPES);
            if (type != null && type.equals("Contact")) {
                f.invalid("type", "the sandbox keeps notes on matters only (Contact notes are not simulated)");
            }
            n.put("type", type);
        }
        if (create || f.has("matter")) {
            Long matterId = f.refId("matter", true);
            ObjectNode matter = matterId == null ? null : matters.get(matterId);
            if (matterId != null && matter == null) {
                f.invalid("matter.id", "does not match any matter (" + matterId + ")");
            } else if (matter != null) {
                n.set("matter", matterRef(matter));
            }
        }
        for (String sf : List.of("subject", "detail")) {
            if (f.has(sf)) {
                n.put(sf, f.text(sf, false, sf.equals("subject") ? 255 : 100_000));
            }
        }
        if (f.has("detail_text_type")) {
            n.put("detail_text_type", f.oneOf("detail_text_type", false, "plain_text", List.of("plain_text", "rich_text")));
        } else if (create) {
            n.put("detail_text_type", "plain_text");
        }
        if (f.has("date")) {
            LocalDate d = f.date("date", false);
            n.put("date", d == null ? null : d.toString());
        } else if (create) {
            n.put("date", today());
        }
        f.check();
    }

    // ------------------------------------------------------------------------------------------ webhooks

    private Response createWebhook(Request req) {
        ObjectNode data = req.dataObject();
        ClioFieldSelection fields = selection(req, "Webhook");
        return store.write(() -> {
            ObjectNode hook = newWebhook();
            applyWebhook(hook, data, true);
            // a test can make Clio refuse new subscriptions: rejectRecords {"webhooks": "<reason>"}
            checkRejected("webhooks");
            hook.put("shared_secret", HexFormat.of().formatHex(randomBytes()));
            hook.put("status", "pending");
            long id = store.nextId("webhooks", 1);
            stampNew(hook, id);
            webhookTable.put(id, hook);
            hooks.handshake(id);
            return answer(fields, 201, hook, "Webhook");
        });
    }

    private Response patchWebhook(Request req) {
        ObjectNode data = req.dataObject();
        ClioFieldSelection fields = selection(req, "Webhook");
        return store.write(() -> {
            ObjectNode existing = require(webhookTable, "Webhook", req.pathVar("id"));
            ObjectNode hook = existing.deepCopy();
            applyWebhook(hook, data, false);
            if (hook.equals(existing)) {
                return answer(fields, 200, existing, "Webhook");
            }
            boolean newUrl = !hook.path("url").asText().equals(existing.path("url").asText());
            if (newUrl) {
                hook.put("status", "pending");
            }
            stampUpdate(hook);
            webhookTable.put(hook.get("id").asLong(), hook);
            if (newUrl) {
                hooks.handshake(hook.get("id").asLong());
            }
            return answer(fields, 200, hook, "Webhook");
        });
    }

    private void applyWebhook(ObjectNode hook, ObjectNode data, boolean create) {
        Fields f = new Fields(data);
        f.rejectUnknown(Set.of("url", "model", "fields", "events", "expires_at"), READ_ONLY);
        if (create || f.has("url")) {
            String url = f.text("url", true, 2_000);
            if (url != null) {
                String problem = webhookUrlProblem(url);
                if (problem != null) {
                    f.invalid("url", problem);
                } else {
                    hook.put("url", url);
                }
            }
        }
        if (create || f.has("model")) {
            JsonNode model = data.get("model");
            if (model == null || model.isNull()) {
                f.missing("model");
            } else if (model.isIntegralNumber() && model.asInt() >= 1 && model.asInt() <= 10) {
                // the model's id from the table in #/tags/70
                hook.put("model", List.of("matter", "activity", "bill", "calendar_entry", "communication", "contact", "task", "document",
                        "folder", "clio_payments_payment").get(model.asInt() - 1));
            } else {
                hook.put("model", f.oneOf("model", true, null, WEBHOOK_MODELS));
            }
        }
        if (create || f.has("fields")) {
            String fields = f.text("fields", true, 1_000);
            if (fields != null) {
                try {
                    ClioFieldSelection.parse(fields);
                    hook.put("fields", fields);
                } catch (ApiException e) {
                    f.invalid("fields", e.getMessage());
                }
            }
        }
        if ((create || f.has("fields") || f.has("model")) && f.ok()) {
            // checked against the model's records as a GET's fields are: a subscription naming a field the model lacks
            // used to be accepted, and every later write of that model then failed with 400 after storing its record
            String resource = webhookResource(hook.path("model").asText());
            try {
                checkAgainstPrototype(ClioFieldSelection.parse(hook.path("fields").asText()), resource == null ? "" : resource);
            } catch (ApiException e) {
                f.invalid("fields", e.getMessage());
            }
        }
        if (create || f.has("events")) {
            JsonNode events = data.get("events");
            ArrayNode out = Json.array();
            if (events == null || events.isNull()) {
                if (create) {
                    WEBHOOK_EVENTS.subList(0, 3).forEach(out::add);
                }
            } else if (!events.isArray() || events.isEmpty()) {
                f.invalid("events", "must be a non-empty array of " + String.join(", ", WEBHOOK_EVENTS));
            } else {
                for (JsonNode e : events) {
                    if (!WEBHOOK_EVENTS.contains(e.asText())) {
                        f.invalid("events", "'" + e.asText() + "' is not one of " + String.join(", ", WEBHOOK_EVENTS));
                    }
                    out.add(e.asText());
                }
            }
            if (!out.isEmpty()) {
                hook.set("events", out);
            }
        }
        Instant now = store.now();
        if (create || f.has("expires_at")) {
            String given = f.timestamp("expires_at", false);
            Instant expires = given == null ? now.plus(DEFAULT_WEBHOOK_LIFETIME) : Json.parseInstant(given);
            if (expires != null && expires.isAfter(now.plus(MAX_WEBHOOK_LIFETIME).plusSeconds(60))) {
                f.invalid("expires_at", "must be at most 31 days from now");
            } else if (expires != null && !expires.isAfter(now)) {
                f.invalid("expires_at", "must be in the future");
            } else if (expires != null) {
                hook.put("expires_at", Json.ts(expires));
            }
        }
        f.check();
    }

    /**
     * Clio accepts only https URLs. The sandbox also accepts plain http to a loopback address, because it and its
     * receivers only ever run on this machine (the one liberty it takes; written in docs/sandbox.md).
     */
    private static String webhookUrlProblem(String url) {
        try {
            URI uri = URI.create(url);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                return "must be an absolute https URL";
            }
            if ("https".equals(uri.getScheme())) {
                return null;
            }
            boolean loopback = uri.getHost().equals("127.0.0.1") || uri.getHost().equals("localhost") || uri.getHost().equals("[::1]");
            return "http".equals(uri.getScheme()) && loopback ? null : "only URLs using the https protocol are accepted";
        } catch (IllegalArgumentException e) {
            return "is not a valid URL: " + e.getMessage();
        }
    }

    private Response activateWebhook(Request req) {
        ClioFieldSelection fields = selection(req, "Webhook");
        return store.write(() -> {
            ObjectNode hook = require(webhookTable, "Webhook", req.pathVar("id"));
            String secret = req.header("X-Hook-Secret");
            if (secret == null || !secret.equals(hook.path("shared_secret").asText())) {
                throw new ApiException(403, "Forbidden", "X-Hook-Secret does not match the secret of webhook " + req.pathVar("id"));
            }
            ObjectNode changed = hook.deepCopy();
            changed.put("status", "enabled");
            stampUpdate(changed);
            webhookTable.put(changed.get("id").asLong(), changed);
            return answer(fields, 200, changed, "Webhook");
        });
    }

    private Response controlWebhook(Request req, java.util.function.Consumer<ObjectNode> change) {
        return store.write(() -> {
            ObjectNode hook = require(webhookTable, "Webhook", req.pathVar("id")).deepCopy();
            change.accept(hook);
            webhookTable.put(hook.get("id").asLong(), hook);
            return Response.ok(hook);
        });
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return bytes;
    }

    // ------------------------------------------------------------------------------------------ control

    private Response generate(Request req) {
        ObjectNode body = req.body().length == 0 ? Json.object() : req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("count", "prefix", "webhooks"), Set.of());
        Long count = f.integer("count", true, 1, 200_000);
        String prefix = f.text("prefix", false, 20);
        Boolean withHooks = f.bool("webhooks");
        f.check();
        String pfx = prefix == null ? "LOAD" : prefix;
        boolean emit = Boolean.TRUE.equals(withHooks);
        long t0 = System.nanoTime();
        ObjectNode out = store.write(() -> {
            List<ObjectNode> clients = contacts.all().stream().filter(c -> c.hasNonNull("ledes_client_id")).toList();
            if (clients.isEmpty()) {
                ObjectNode c = newContact("Load Test Client Inc.", "Company", null, "LOAD-001");
                stampNew(c, store.nextId("contacts", 501));
                contacts.put(c.get("id").asLong(), c);
                clients = List.of(c);
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
                m.set("client", contactRef(client));
                m.put("client_id", client.get("id").asLong());
                if (!areas.isEmpty()) {
                    m.set("practice_area", areaRef(areas.get((int) (n % areas.size()))));
                }
                if (!attorneys.isEmpty()) {
                    m.set("responsible_attorney", userRef(attorneys.get((int) (n % attorneys.size()))));
                }
                long id = store.nextId("matters", 1001);
                m.put("number", id - 1000);
                stampNew(m, id);
                matters.put(id, m);
                ObjectNode rel = newRelationship();
                rel.put("description", "Client");
                rel.set("contact", contactRef(client));
                rel.set("matter", matterRef(m));
                stampNew(rel, store.nextId("relationships", 9001));
                relationships.put(rel.get("id").asLong(), rel);
                if (emit) {
                    hooks.emit("matter", "created", null, matterView(m), store.now());
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
            ObjectNode existing = require(matters, "Matter", req.pathVar("id"));
            ObjectNode before = matterView(existing);
            ObjectNode m = existing.deepCopy();
            long rev = store.nextId("touch." + m.get("id").asText(), 2);
            String base = REV.matcher(m.path("description").asText()).replaceFirst("");
            m.put("description", description != null ? description : base + " (rev " + rev + ")");
            if (m.equals(existing)) {
                m.put("description", description + " (rev " + rev + ")");
            }
            stampUpdate(m);
            matters.put(m.get("id").asLong(), m);
            ObjectNode view = matterView(m);
            hooks.emit("matter", "updated", before, view, store.now());
            return Response.data(200, view);
        });
    }

    // ------------------------------------------------------------------------------------------ seed

    /** The firm set these custom fields up for the hub (config: hub.systems.matter-management.settings.custom-field-*). */
    @Override
    protected void configure() {
        seedCustomField(CF_CONFLICT_STATUS, "Conflict status", "text_line", 1);
        seedCustomField(CF_CONFLICT_SEARCH_ID, "Conflict search ID", "text_line", 2);
        seedCustomField(CF_CONFLICT_NOTE, "Conflict note", "text_area", 3);
        seedCustomField(CF_INTAKE_FLAG, "Intake flag", "text_line", 4);
    }

    @Override
    protected void seed(SeedData data) {
        for (SeedData.PracticeArea a : data.practiceAreas()) {
            ObjectNode n = newPracticeArea();
            n.put("name", a.name());
            n.put("code", a.name().replaceAll("[^A-Za-z]", "").substring(0, 3).toUpperCase(Locale.ROOT));
            stampNew(n, a.id());
            practiceAreas.put(a.id(), n);
        }
        for (SeedData.Attorney a : data.attorneys()) {
            ObjectNode n = newUser();
            n.put("name", a.name());
            n.put("first_name", a.firstName());
            n.put("last_name", a.lastName());
            n.put("email", a.email());
            n.put("initials", a.firstName().substring(0, 1) + a.lastName().substring(0, 1));
            n.put("enabled", true);
            n.put("rate", a.rate());
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
            m.put("number", sm.id() - 1000);
            m.put("display_number", sm.displayNumber());
            m.put("description", sm.description());
            m.put("status", sm.status());
            m.put("open_date", sm.openDate().toString());
            m.put("close_date", sm.closeDate() == null ? null : sm.closeDate().toString());
            m.put("billable", sm.billable());
            m.set("client", contactRef(contacts.get(sm.client().id())));
            m.put("client_id", sm.client().id());
            m.set("practice_area", areaRef(practiceAreas.get(sm.practiceArea().id())));
            m.set("responsible_attorney", userRef(users.get(sm.responsible().id())));
            m.set("originating_attorney", userRef(users.get(sm.originating().id())));
            stampNew(m, sm.id());
            matters.put(sm.id(), m);
            for (SeedData.Relationship r : sm.relationships()) {
                ObjectNode rel = newRelationship();
                rel.put("description", r.role());
                rel.set("contact", contactRef(contacts.get(r.contact().id())));
                rel.set("matter", matterRef(m));
                stampNew(rel, r.id());
                relationships.put(r.id(), rel);
                maxRel = Math.max(maxRel, r.id());
            }
        }
        store.metaValue("seq.practice_areas", data.practiceAreas().size() + 1L);
        store.metaValue("seq.users", data.attorneys().stream().mapToLong(SeedData.Attorney::id).max().orElse(20) + 1);
        store.metaValue("seq.contacts", data.contacts().stream().mapToLong(SeedData.Contact::id).max().orElse(500) + 1);
        store.metaValue("seq.matters", data.matters().stream().mapToLong(SeedData.Matter::id).max().orElse(1000) + 1);
        store.metaValue("seq.relationships", maxRel + 1);
    }

    private void seedCustomField(long id, String name, String type, int order) {
        ObjectNode field = newCustomField();
        field.put("name", name);
        field.put("parent_type", "Matter");
        field.put("field_type", type);
        field.put("displayed", true);
        field.put("deleted", false);
        field.put("required", false);
        field.put("display_order", order);
        stampNew(field, id);
        customFields.put(id, field);
    }

    @Override
    public void close() {
        hooks.close();
        super.close();
    }

    /** For tests: the ids of the custom fields the hub's configuration names by default. */
    public static Map<String, Long> hubCustomFields() {
        return Map.of("conflict-status", CF_CONFLICT_STATUS, "conflict-search-id", CF_CONFLICT_SEARCH_ID,
                "conflict-note", CF_CONFLICT_NOTE, "intake-flag", CF_INTAKE_FLAG);
    }
}
