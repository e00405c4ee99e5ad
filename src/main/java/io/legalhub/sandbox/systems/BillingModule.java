package io.legalhub.sandbox.systems;

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
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Billing in the style of Elite 3E / Aderant (own design), under {@code /billing/api/v1}. Internal. */
public final class BillingModule extends SystemModule {

    private static final String API = "/api/v1";
    private static final IdFormat CLIENT_ID = new IdFormat("C-", 4);
    private static final IdFormat MATTER_ID = new IdFormat("BM-", 6);
    private static final IdFormat INVOICE_ID = new IdFormat("BI-", 6);
    private static final List<String> MATTER_STATUSES = List.of("OPEN", "CLOSED");
    private static final List<String> CLIENT_TYPES = List.of("Company", "Person");
    private static final List<String> INVOICE_STATUSES = List.of("submitted", "approved", "rejected", "appealed", "paid");
    private static final Map<String, List<String>> TRANSITIONS = Map.of(
            "submitted", List.of("approved", "rejected"),
            "rejected", List.of("appealed"),
            "appealed", List.of("approved", "rejected"),
            "approved", List.of("paid"),
            "paid", List.of());
    private static final Set<String> READ_ONLY = Set.of("id", "version", "created_at", "updated_at", "client_name");
    private static final Set<String> MATTER_FIELDS = Set.of("number", "name", "client_number", "status", "billing_attorney",
            "practice_area", "open_date", "close_date", "billable", "external_ref");

    private final Table clients;
    private final Table matters;
    private final Table invoices;

    public BillingModule(SystemStore store, SandboxSettings settings) {
        super(SandboxSystem.BILLING, store, settings);
        clients = table("clients");
        matters = table("matters");
        invoices = table("invoices");
    }

    @Override
    protected List<BusinessKey> businessKeys() {
        return List.of(new BusinessKey("clients", "number", "id"),
                new BusinessKey("matters", "number", "id"),
                new BusinessKey("invoices", "number", "number"));
    }

    @Override
    protected void registerApi(Router r) {
        r.get(API + "/clients", this::listClients);
        r.post(API + "/clients", req -> writeClient(req, null));
        r.get(API + "/clients/{id}", req -> Response.ok(require(clients, CLIENT_ID, "client", req.pathVar("id"))));
        r.put(API + "/clients/{id}", req -> writeClient(req, req.pathVar("id")));

        r.get(API + "/matters", this::listMatters);
        r.post(API + "/matters", req -> writeMatter(req, null));
        r.get(API + "/matters/{id}", req -> Response.ok(require(matters, MATTER_ID, "matter", req.pathVar("id"))));
        r.put(API + "/matters/{id}", req -> writeMatter(req, req.pathVar("id")));

        r.get(API + "/invoices", this::listInvoices);
        r.get(API + "/invoices/export", this::export);
        r.get(API + "/invoices/{number}", req -> Response.ok(invoiceView(invoice(req.pathVar("number")))));
        r.get(API + "/invoices/{number}/ledes", req -> Response.text(200, ledes(List.of(invoice(req.pathVar("number"))))));
        r.put(API + "/invoices/{number}/status", this::changeStatus);
    }

    @Override
    protected void registerControl(Router r) {
        r.post("/_control/invoices", this::storeRawInvoice);
        // a matter deleted behind the hub's back (to demonstrate and test reconciliation)
        r.delete("/_control/matters/{id}", req -> store.write(() -> {
            Long key = MATTER_ID.parse(req.pathVar("id"));
            if (key == null || !matters.remove(key)) {
                throw notFound("matter", req.pathVar("id"));
            }
            return Response.noContent();
        }));
    }

    private static ObjectNode require(Table table, IdFormat format, String what, String id) {
        Long key = format.parse(id);
        ObjectNode rec = key == null ? null : table.get(key);
        if (rec == null) {
            throw notFound(what, id);
        }
        return rec;
    }

    private static boolean since(ObjectNode rec, String since) {
        return since == null || rec.path("updated_at").asText().compareTo(since) >= 0;
    }

    private static boolean eq(String want, ObjectNode rec, String field) {
        return want == null || want.equals(rec.path(field).asText());
    }

    /** Stamps id, version and timestamps on create, or bumps version on update. */
    private void stamp(ObjectNode rec, String id, ObjectNode existing) {
        String ts = now();
        rec.put("id", id);
        rec.put("version", existing == null ? 1 : existing.path("version").asInt() + 1);
        rec.put("created_at", existing == null ? ts : existing.path("created_at").asText());
        rec.put("updated_at", ts);
    }

    private ObjectNode findClientByNumber(String number) {
        return clients.all().stream().filter(c -> number.equals(c.path("number").asText())).findFirst().orElse(null);
    }

    // ----------------------------------------------------------------------------------------------- clients

    private Response listClients(Request req) {
        String number = req.query("number");
        String name = req.query("name");
        List<ObjectNode> items = clients.all().stream()
                .filter(c -> eq(number, c, "number"))
                .filter(c -> name == null || c.path("name").asText().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                .toList();
        return Response.ok(Paging.offset(req, items, "items"));
    }

    private static ObjectNode client(String number, String name, String type) {
        ObjectNode c = Json.object();
        c.putNull("id");
        c.put("number", number);
        c.put("name", name);
        c.put("type", type);
        c.putNull("version");
        c.putNull("created_at");
        c.putNull("updated_at");
        return c;
    }

    private Response writeClient(Request req, String id) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("number", "name", "type"), READ_ONLY);
        String number = f.text("number", true, 20);
        String name = f.text("name", true, 300);
        String type = f.oneOf("type", false, "Company", CLIENT_TYPES);
        f.check();
        return store.write(() -> {
            ObjectNode existing = id == null ? null : require(clients, CLIENT_ID, "client", id);
            ObjectNode c = client(number, name, type);
            if (existing != null) {
                c.set("id", existing.get("id"));
                c.set("version", existing.get("version"));
                c.set("created_at", existing.get("created_at"));
                c.set("updated_at", existing.get("updated_at"));
                if (c.equals(existing)) {
                    return Response.ok(existing);
                }
            }
            long key = existing == null ? store.nextId("clients", 1) : CLIENT_ID.parse(id);
            stamp(c, CLIENT_ID.format(key), existing);
            clients.put(key, c);
            return existing == null ? Response.created(c) : Response.ok(c);
        });
    }

    // ----------------------------------------------------------------------------------------------- matters

    private Response listMatters(Request req) {
        String number = req.query("number");
        String clientNumber = req.query("client_number");
        String status = req.query("status");
        String externalRef = req.query("external_ref");
        String since = req.queryTimestamp("updated_since");
        Collection<ObjectNode> candidates = externalRef != null ? matters.entriesWhere("external_ref", externalRef).values()
                : number != null ? matters.entriesWhere("number", number).values() : matters.all();
        List<ObjectNode> items = candidates.stream()
                .filter(m -> eq(number, m, "number") && eq(clientNumber, m, "client_number") && eq(externalRef, m, "external_ref")
                        && (status == null || status.equalsIgnoreCase(m.path("status").asText())) && since(m, since))
                .toList();
        return Response.ok(Paging.offset(req, items, "items"));
    }

    private Response writeMatter(Request req, String id) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(MATTER_FIELDS, READ_ONLY);
        String number = f.text("number", true, 40);
        String name = f.text("name", true, 1_000);
        String clientNumber = f.text("client_number", true, 20);
        String status = f.oneOf("status", false, "OPEN", MATTER_STATUSES);
        String attorney = f.text("billing_attorney", false, 300);
        String area = f.text("practice_area", false, 300);
        LocalDate open = f.date("open_date", false);
        LocalDate close = f.date("close_date", false);
        Boolean billable = f.bool("billable");
        String externalRef = f.text("external_ref", false, 200);
        return store.write(() -> {
            ObjectNode existing = id == null ? null : require(matters, MATTER_ID, "matter", id);
            f.check();
            // an unknown client number is accepted (client_name stays null), as some billing systems allow
            ObjectNode client = findClientByNumber(clientNumber);
            checkRejected(number, existing == null ? null : existing.path("number").asText());
            ObjectNode m = Json.object();
            m.putNull("id");
            m.put("number", number);
            m.put("name", name);
            m.put("client_number", clientNumber);
            m.put("client_name", client == null ? null : client.path("name").asText());
            m.put("status", status);
            m.put("billing_attorney", attorney);
            m.put("practice_area", area);
            m.put("open_date", open == null ? (existing == null ? LocalDate.now(ZoneOffset.UTC).toString() : null) : open.toString());
            m.put("close_date", close == null ? null : close.toString());
            m.put("billable", billable == null || billable);
            m.put("external_ref", externalRef);
            m.putNull("version");
            m.putNull("created_at");
            m.putNull("updated_at");
            if (existing != null) {
                if (open == null) {
                    m.set("open_date", existing.get("open_date"));
                }
                for (String k : List.of("id", "version", "created_at", "updated_at")) {
                    m.set(k, existing.get(k));
                }
                if (m.equals(existing)) {
                    return Response.ok(existing);
                }
            }
            long key = existing == null ? store.nextId("matters", 1) : MATTER_ID.parse(id);
            stamp(m, MATTER_ID.format(key), existing);
            matters.put(key, m);
            return existing == null ? Response.created(m) : Response.ok(m);
        });
    }

    // ----------------------------------------------------------------------------------------------- invoices

    private ObjectNode invoice(String number) {
        for (ObjectNode inv : invoices.all()) {
            if (number.equals(inv.path("number").asText())) {
                return inv;
            }
        }
        throw notFound("invoice", number);
    }

    private static ObjectNode invoiceView(ObjectNode inv) {
        ObjectNode v = inv.deepCopy();
        v.remove("raw_ledes");
        return v;
    }

    private static ObjectNode summary(ObjectNode inv) {
        ObjectNode s = Json.object();
        for (String k : List.of("number", "client_id", "matter_number", "invoice_date", "status", "total", "raw",
                "updated_at", "version")) {
            s.set(k, inv.get(k));
        }
        return s;
    }

    private List<ObjectNode> matchingInvoices(Request req) {
        String status = req.query("status");
        String since = req.queryTimestamp("updated_since");
        String matterNumber = req.query("matter_number");
        if (status != null && INVOICE_STATUSES.stream().noneMatch(s -> s.equalsIgnoreCase(status))) {
            throw ApiException.badRequest("status must be one of " + String.join(", ", INVOICE_STATUSES) + ", got '" + status + "'");
        }
        Predicate<ObjectNode> p = inv -> since(inv, since) && eq(matterNumber, inv, "matter_number")
                && (status == null || status.equalsIgnoreCase(inv.path("status").asText()));
        return invoices.all().stream().filter(p).toList();
    }

    private Response listInvoices(Request req) {
        List<ObjectNode> items = matchingInvoices(req).stream().map(BillingModule::summary).toList();
        return Response.ok(Paging.offset(req, items, "items"));
    }

    private Response export(Request req) {
        List<ObjectNode> list = matchingInvoices(req);
        if (list.isEmpty()) {
            return Response.noContent();
        }
        return Response.text(200, ledes(list))
                .header("Content-Disposition", "attachment; filename=\"ledes-1998b-export.txt\"")
                .header("X-Invoice-Count", Integer.toString(list.size()));
    }

    /**
     * One LEDES 1998B file. A single raw invoice is served verbatim; in a combined file a raw invoice with the
     * standard two header lines contributes its data lines unchanged, any other raw text is appended unchanged.
     */
    private static String ledes(List<ObjectNode> list) {
        if (list.size() == 1 && list.get(0).path("raw").asBoolean()) {
            return list.get(0).path("raw_ledes").asText();
        }
        List<String> sections = new ArrayList<>();
        for (ObjectNode inv : list) {
            if (inv.path("raw").asBoolean()) {
                String raw = inv.path("raw_ledes").asText();
                String data = Ledes.rawDataSection(raw);
                sections.add(data != null ? data : raw);
            } else {
                sections.add(Ledes.dataLines(inv));
            }
        }
        return Ledes.file(sections);
    }

    private Response changeStatus(Request req) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("status", "reason", "paid_at"), Set.of());
        String status = f.oneOf("status", true, null, INVOICE_STATUSES);
        String reason = f.text("reason", false, 4_000);
        LocalDate paidAt = null;
        if (f.has("paid_at")) {
            String p = f.text("paid_at", false, 40);
            if (p != null) {
                java.time.Instant i = Json.parseInstant(p);
                if (i == null) {
                    f.invalid("paid_at", "must be a date YYYY-MM-DD, got '" + p + "'");
                } else {
                    paidAt = i.atZone(ZoneOffset.UTC).toLocalDate();
                }
            }
        }
        if ("rejected".equals(status) && reason == null) {
            f.missing("reason");
        }
        f.check();
        LocalDate paid = paidAt;
        return store.write(() -> {
            ObjectNode existing = invoice(req.pathVar("number"));
            String from = existing.path("status").asText();
            checkRejected(existing.path("number").asText(), existing.path("matter_number").asText());
            if (from.equals(status)) {
                return Response.ok(invoiceView(existing));
            }
            List<String> allowed = TRANSITIONS.getOrDefault(from, List.of());
            if (!allowed.contains(status)) {
                throw ApiException.conflict("invoice " + existing.path("number").asText() + " cannot go from " + from + " to "
                        + status + (allowed.isEmpty() ? " (" + from + " is final)" : "; allowed: " + String.join(", ", allowed)));
            }
            ObjectNode inv = existing.deepCopy();
            String ts = now();
            inv.put("status", status);
            inv.put("status_reason", reason);
            if (status.equals("paid")) {
                inv.put("paid_at", (paid == null ? LocalDate.now(ZoneOffset.UTC) : paid).toString());
            }
            ObjectNode h = ((ArrayNode) inv.get("status_history")).addObject();
            h.put("status", status);
            h.put("reason", reason);
            h.put("at", ts);
            inv.put("version", inv.path("version").asInt() + 1);
            inv.put("updated_at", ts);
            invoices.put(INVOICE_ID.parse(inv.get("id").asText()), inv);
            return Response.ok(invoiceView(inv));
        });
    }

    private Response storeRawInvoice(Request req) {
        String raw = req.bodyText();
        if (raw.isBlank()) {
            throw ApiException.badRequest("request body is empty; expected LEDES 1998B text");
        }
        return store.write(() -> {
            long key = store.nextId("invoices", 1);
            Ledes.RawFacts facts = Ledes.sniff(raw);
            ObjectNode inv = newInvoice();
            inv.put("number", facts.number() != null ? facts.number() : "RAW-" + key);
            inv.put("client_id", facts.clientId());
            inv.put("matter_number", facts.matterNumber());
            inv.put("invoice_date", ledesDate(facts.invoiceDate()));
            inv.put("total", facts.total());
            inv.put("raw", true);
            inv.put("raw_ledes", raw);
            inv.put("line_count", facts.dataLines());
            stampInvoice(inv, key);
            invoices.put(key, inv);
            return Response.created(invoiceView(inv));
        });
    }

    private static String ledesDate(String ccyymmdd) {
        if (ccyymmdd == null || !ccyymmdd.matches("\\d{8}")) {
            return ccyymmdd;
        }
        return ccyymmdd.substring(0, 4) + "-" + ccyymmdd.substring(4, 6) + "-" + ccyymmdd.substring(6);
    }

    private static ObjectNode newInvoice() {
        ObjectNode inv = Json.object();
        for (String k : List.of("id", "number", "client_id", "matter_number", "client_matter_id", "law_firm_id",
                "invoice_date", "billing_start_date", "billing_end_date", "description", "currency", "total", "status",
                "status_reason", "paid_at", "raw", "line_count")) {
            inv.putNull(k);
        }
        inv.put("currency", "USD");
        inv.put("status", "submitted");
        inv.put("raw", false);
        inv.putArray("status_history");
        inv.putArray("line_items");
        inv.putNull("raw_ledes");
        inv.putNull("version");
        inv.putNull("created_at");
        inv.putNull("updated_at");
        return inv;
    }

    private void stampInvoice(ObjectNode inv, long key) {
        String ts = now();
        inv.put("id", INVOICE_ID.format(key));
        ObjectNode h = ((ArrayNode) inv.get("status_history")).addObject();
        h.put("status", "submitted");
        h.putNull("reason");
        h.put("at", ts);
        inv.put("version", 1);
        inv.put("created_at", ts);
        inv.put("updated_at", ts);
    }

    // ----------------------------------------------------------------------------------------------- seed

    @Override
    protected void seed(SeedData data) {
        for (SeedData.Contact c : data.clients()) {
            long key = store.nextId("clients", 1);
            ObjectNode n = client(c.clientNumber(), c.name(), c.type());
            stamp(n, CLIENT_ID.format(key), null);
            clients.put(key, n);
        }
        for (SeedData.Invoice si : data.invoices()) {
            long key = store.nextId("invoices", 1);
            ObjectNode inv = newInvoice();
            inv.put("number", si.number());
            inv.put("client_id", si.clientId());
            inv.put("matter_number", si.matterNumber());
            inv.put("client_matter_id", si.clientMatterId());
            inv.put("law_firm_id", SeedData.LAW_FIRM_ID);
            inv.put("invoice_date", si.invoiceDate().toString());
            inv.put("billing_start_date", si.billingStart().toString());
            inv.put("billing_end_date", si.billingEnd().toString());
            inv.put("description", si.description());
            inv.put("total", si.total());
            inv.put("line_count", si.lines().size());
            ArrayNode items = (ArrayNode) inv.get("line_items");
            for (SeedData.InvoiceLine l : si.lines()) {
                ObjectNode li = items.addObject();
                li.put("line_item_number", l.number());
                li.put("type", l.type());
                li.put("units", l.units());
                li.put("adjustment", l.adjustment());
                li.put("total", l.total());
                li.put("date", l.date().toString());
                li.put("task_code", l.taskCode());
                li.put("expense_code", l.expenseCode());
                li.put("activity_code", l.activityCode());
                li.put("timekeeper_id", l.timekeeper() == null ? null : l.timekeeper().id());
                li.put("timekeeper_name", l.timekeeper() == null ? null : l.timekeeper().ledesName());
                li.put("timekeeper_classification", l.timekeeper() == null ? null : l.timekeeper().classification());
                li.put("description", l.description());
                li.put("unit_cost", l.unitCost());
            }
            stampInvoice(inv, key);
            invoices.put(key, inv);
        }
    }

}
