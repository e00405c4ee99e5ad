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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.legalhub.sandbox.systems.EbillingWorkflow.DECISIONS;
import static io.legalhub.sandbox.systems.EbillingWorkflow.PAID;
import static io.legalhub.sandbox.systems.EbillingWorkflow.REJECTED;
import static io.legalhub.sandbox.systems.EbillingWorkflow.STATUSES;
import static io.legalhub.sandbox.systems.EbillingWorkflow.SUBMITTED;

/**
 * The client's e-billing platform (Legal Tracker / CounselLink / T360 style; the sandbox's own design, as no vendor
 * publishes an open API), under {@code /ebilling/api/v1}: the law firm uploads each invoice as LEDES 1998B, the
 * client's reviewers approve, reject or pay it ({@code /_control/invoices/{id}/decision}, standing in for the
 * platform's UI), and the firm polls the decisions back with {@code GET /invoices?updated_since=}. No webhooks.
 * Internal.
 */
public final class EbillingModule extends SystemModule {

    private static final String API = "/api/v1";
    private static final IdFormat INVOICE_ID = new IdFormat("EB-", 6);
    private static final String FORMAT = "LEDES1998B";
    private static final int MAX_LEDES_CHARS = 20_000_000;
    /** The uploaded text, kept in the stored record but never shown in it: {@code GET …/ledes} serves it. */
    private static final String LEDES_TEXT = "ledes_text";
    private static final List<String> RECORD_FIELDS = List.of("id", "invoice_number", "law_firm_id", "client_id",
            "matter_number", "client_matter_id", "invoice_date", "total", "currency", "status", "status_reason",
            "paid_at", "line_count", "received_at", "updated_at", "version");
    /** The order an incremental poll pages in: update time (strictly increasing in a system), then id. */
    private static final Comparator<ObjectNode> UPDATE_ORDER = Comparator
            .comparing((ObjectNode r) -> r.path("updated_at").asText())
            .thenComparing(r -> INVOICE_ID.parse(r.path("id").asText()));

    private final Table invoices;

    public EbillingModule(SystemStore store, SandboxSettings settings) {
        super(SandboxSystem.EBILLING, store, settings);
        invoices = table("invoices");
    }

    @Override
    protected List<BusinessKey> businessKeys() {
        // an invoice number is unique per law firm, not across the firms billing one client
        return List.of(new BusinessKey("invoices", List.of("invoice_number", "law_firm_id"), "id"));
    }

    @Override
    protected void registerApi(Router r) {
        r.get(API + "/invoices", this::list);
        r.post(API + "/invoices", this::upload);
        r.get(API + "/invoices/{id}", req -> Response.ok(view(require(req.pathVar("id")))));
        r.put(API + "/invoices/{id}", this::resubmit);
        r.get(API + "/invoices/{id}/ledes", req -> Response.text(200, require(req.pathVar("id")).path(LEDES_TEXT).asText()));
    }

    @Override
    protected void registerControl(Router r) {
        r.post("/_control/invoices/{id}/decision", this::decide);
    }

    /** The platform starts without invoices; it accepts any law firm and client id (no vendor enrolment here). */
    @Override
    protected void seed(SeedData data) {
    }

    // ------------------------------------------------------------------------------------------- reading

    private ObjectNode require(String id) {
        Long key = INVOICE_ID.parse(id);
        ObjectNode rec = key == null ? null : invoices.get(key);
        if (rec == null) {
            throw notFound("invoice", id);
        }
        return rec;
    }

    /** The record as clients see it: everything but the LEDES text (a shallow copy, answered at once). */
    private static ObjectNode view(ObjectNode rec) {
        ObjectNode v = Json.object();
        rec.fields().forEachRemaining(e -> {
            if (!e.getKey().equals(LEDES_TEXT)) {
                v.set(e.getKey(), e.getValue());
            }
        });
        return v;
    }

    private Response list(Request req) {
        String number = req.query("invoice_number");
        String lawFirm = req.query("law_firm_id");
        String matter = req.query("matter_number");
        String status = req.query("status");
        String since = req.queryTimestamp("updated_since");
        if (status != null && !STATUSES.contains(status.toLowerCase(Locale.ROOT))) {
            throw ApiException.badRequest("status must be one of " + String.join(", ", STATUSES) + ", got '" + status + "'");
        }
        List<ObjectNode> items = invoices.all().stream()
                .filter(r -> eq(number, r, "invoice_number") && eq(lawFirm, r, "law_firm_id") && eq(matter, r, "matter_number")
                        && (status == null || status.equalsIgnoreCase(r.path("status").asText()))
                        && (since == null || r.path("updated_at").asText().compareTo(since) >= 0))
                .sorted(UPDATE_ORDER)
                .map(EbillingModule::view)
                .toList();
        return Response.ok(Paging.offset(req, items, "items"));
    }

    private static boolean eq(String want, ObjectNode rec, String field) {
        return want == null || want.equals(rec.path(field).asText());
    }

    // ------------------------------------------------------------------------------------------- the law firm's writes

    /** The LEDES text of a body {@code {"format":"LEDES1998B","ledes":"…"}}, exactly as sent. */
    private static String uploadedText(Request req) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("format", "ledes"), Set.of());
        String format = f.text("format", true, 40);
        if (format != null && !format.equalsIgnoreCase(FORMAT)) {
            f.invalid("format", format.toUpperCase(Locale.ROOT).startsWith("LEDES98BI")
                    ? "LEDES98BI is not accepted: this platform accepts only LEDES1998B"
                    : "must be LEDES1998B (the only format accepted), got '" + format + "'");
        }
        f.text("ledes", true, MAX_LEDES_CHARS);
        f.check();
        return body.get("ledes").asText();
    }

    private Response upload(Request req) {
        String text = uploadedText(req);
        LedesUpload inv = LedesReceipt.read(text);
        checkRejected(inv.invoiceNumber(), inv.matterNumber());
        return store.write(() -> {
            ObjectNode open = openInvoice(inv.invoiceNumber(), inv.lawFirmId());
            if (open != null) {
                String id = open.path("id").asText();
                throw ApiException.conflict("invoice " + inv.invoiceNumber() + " of law firm " + inv.lawFirmId()
                                + " is already on the platform as " + id + " (" + open.path("status").asText()
                                + "); resubmit it with PUT " + system.path() + API + "/invoices/" + id)
                        .detail("existing_id", id).detail("status", open.path("status").asText());
            }
            long key = store.nextId("invoices", 1);
            String ts = now();
            ObjectNode rec = Json.object();
            RECORD_FIELDS.forEach(rec::putNull);
            rec.put("id", INVOICE_ID.format(key));
            describe(rec, inv, text);
            rec.put("currency", "USD"); // LEDES 1998B has no currency field; US platforms read it as dollars
            rec.put("status", SUBMITTED);
            rec.put("received_at", ts);
            rec.put("updated_at", ts);
            rec.put("version", 1);
            rec.putArray("status_history");
            addHistory(rec, SUBMITTED, null, ts);
            invoices.put(key, rec);
            return Response.created(view(rec));
        });
    }

    /** The invoice a second upload would duplicate: same number and law firm, still submitted or rejected. */
    private ObjectNode openInvoice(String number, String lawFirmId) {
        return invoices.all().stream()
                .filter(r -> number.equals(r.path("invoice_number").asText()) && lawFirmId.equals(r.path("law_firm_id").asText())
                        && EbillingWorkflow.awaitsTheLawFirmOrReview(r.path("status").asText()))
                .findFirst().orElse(null);
    }

    private Response resubmit(Request req) {
        String text = uploadedText(req);
        return store.write(() -> {
            ObjectNode existing = require(req.pathVar("id"));
            String id = existing.path("id").asText();
            LedesUpload inv = LedesReceipt.read(text);
            checkSameInvoice(existing, inv);
            checkRejected(inv.invoiceNumber(), inv.matterNumber(), existing.path("matter_number").asText());
            String from = existing.path("status").asText();
            EbillingWorkflow.checkResubmission(id, from);
            if (from.equals(SUBMITTED) && text.equals(existing.path(LEDES_TEXT).asText())) {
                return Response.ok(view(existing)); // the same text again changes nothing
            }
            ObjectNode rec = existing.deepCopy();
            String ts = now();
            describe(rec, inv, text);
            rec.put("status", SUBMITTED);
            rec.putNull("status_reason");
            addHistory(rec, SUBMITTED, "resubmitted", ts);
            bump(rec, ts);
            invoices.put(INVOICE_ID.parse(id), rec);
            return Response.ok(view(rec));
        });
    }

    /** A resubmission corrects the same invoice; another invoice number or law firm is a new upload. */
    private static void checkSameInvoice(ObjectNode existing, LedesUpload inv) {
        LedesProblems problems = new LedesProblems();
        String id = existing.path("id").asText();
        if (!inv.invoiceNumber().equals(existing.path("invoice_number").asText())) {
            problems.add(3, "INVOICE_NUMBER", "'" + inv.invoiceNumber() + "' is not the number of " + id + " ('"
                    + existing.path("invoice_number").asText() + "'); upload another invoice with POST");
        }
        if (!inv.lawFirmId().equals(existing.path("law_firm_id").asText())) {
            problems.add(3, "LAW_FIRM_ID", "'" + inv.lawFirmId() + "' is not the law firm of " + id + " ('"
                    + existing.path("law_firm_id").asText() + "')");
        }
        problems.check();
    }

    private static void describe(ObjectNode rec, LedesUpload inv, String text) {
        rec.put("invoice_number", inv.invoiceNumber());
        rec.put("law_firm_id", inv.lawFirmId());
        rec.put("client_id", inv.clientId());
        rec.put("matter_number", inv.matterNumber());
        rec.put("client_matter_id", inv.clientMatterId());
        rec.put("invoice_date", inv.invoiceDate().toString());
        rec.put("total", inv.total());
        rec.put("line_count", inv.lineCount());
        rec.put(LEDES_TEXT, text);
    }

    private static void addHistory(ObjectNode rec, String status, String reason, String at) {
        ObjectNode h = ((ArrayNode) rec.get("status_history")).addObject();
        h.put("status", status);
        h.put("reason", reason);
        h.put("at", at);
    }

    private static void bump(ObjectNode rec, String ts) {
        rec.put("version", rec.path("version").asInt() + 1);
        rec.put("updated_at", ts);
    }

    // ------------------------------------------------------------------------------------------- the reviewers' decisions

    /** {@code {"status":"approved|rejected|paid","reason","paid_at"}}: what a reviewer does in the platform's UI. */
    private Response decide(Request req) {
        Fields f = new Fields(req.jsonObject());
        f.rejectUnknown(Set.of("status", "reason", "paid_at"), Set.of());
        String decision = f.oneOf("status", true, null, DECISIONS);
        String reason = f.text("reason", false, 4_000);
        LocalDate paidAt = paidAt(f, decision);
        if (REJECTED.equals(decision) && reason == null) {
            f.missing("reason");
        }
        f.check();
        return store.write(() -> {
            ObjectNode existing = require(req.pathVar("id"));
            String id = existing.path("id").asText();
            EbillingWorkflow.checkDecision(id, existing.path("status").asText(), decision);
            ObjectNode rec = existing.deepCopy();
            String ts = now();
            rec.put("status", decision);
            rec.put("status_reason", reason);
            if (decision.equals(PAID)) {
                rec.put("paid_at", (paidAt == null ? LocalDate.now(ZoneOffset.UTC) : paidAt).toString());
            }
            addHistory(rec, decision, reason, ts);
            bump(rec, ts);
            invoices.put(INVOICE_ID.parse(id), rec);
            return Response.ok(view(rec));
        });
    }

    /** The payment date of a {@code paid} decision (a date, or a timestamp whose UTC date counts); else null. */
    private static LocalDate paidAt(Fields f, String decision) {
        String p = f.text("paid_at", false, 40);
        if (p == null) {
            return null;
        }
        if (!PAID.equals(decision)) {
            f.invalid("paid_at", "is only for status paid");
            return null;
        }
        Instant i = Json.parseInstant(p);
        if (i == null) {
            f.invalid("paid_at", "must be a date YYYY-MM-DD, got '" + p + "'");
            return null;
        }
        return i.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
