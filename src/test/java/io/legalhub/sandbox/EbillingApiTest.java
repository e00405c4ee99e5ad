package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EbillingApiTest {

    /** The shared samples are read where they live, never copied into the project. */
    private static final Path SAMPLES = Path.of(System.getProperty("legalhub.shared-samples", "/work/shared/samples"), "ledes");
    private static final String HEADER = "INVOICE_DATE|INVOICE_NUMBER|CLIENT_ID|LAW_FIRM_MATTER_ID|INVOICE_TOTAL|"
            + "BILLING_START_DATE|BILLING_END_DATE|INVOICE_DESCRIPTION|LINE_ITEM_NUMBER|EXP/FEE/INV_ADJ_TYPE|"
            + "LINE_ITEM_NUMBER_OF_UNITS|LINE_ITEM_ADJUSTMENT_AMOUNT|LINE_ITEM_TOTAL|LINE_ITEM_DATE|LINE_ITEM_TASK_CODE|"
            + "LINE_ITEM_EXPENSE_CODE|LINE_ITEM_ACTIVITY_CODE|TIMEKEEPER_ID|LINE_ITEM_DESCRIPTION|LAW_FIRM_ID|"
            + "LINE_ITEM_UNIT_COST|TIMEKEEPER_NAME|TIMEKEEPER_CLASSIFICATION|CLIENT_MATTER_ID[]";
    private static final String FIRM = "36-4412987";
    private static final BigDecimal RATE = new BigDecimal("300.00");

    private static SandboxServer sandbox;
    private static SandboxHttp ebilling;
    private static int serial;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxSettings.defaults());
        ebilling = new SandboxHttp(sandbox.baseUrl(SandboxSystem.EBILLING));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @AfterEach
    void clearFaults() {
        assertThat(ebilling.delete("/_control/faults").status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** An invoice number no other test of this class uses. */
    private static String newNumber() {
        return String.format("EBT%05d", ++serial);
    }

    /** A LEDES 1998B invoice of fee lines billing these hours at 300.00 each, its arithmetic right. */
    private static String ledesFor(String number, String matter, String lawFirm, String... hours) {
        BigDecimal total = BigDecimal.ZERO;
        for (String h : hours) {
            total = total.add(new BigDecimal(h).multiply(RATE));
        }
        StringBuilder sb = new StringBuilder("LEDES1998B[]\n").append(HEADER).append('\n');
        for (int i = 0; i < hours.length; i++) {
            BigDecimal line = new BigDecimal(hours[i]).multiply(RATE).setScale(2);
            sb.append(String.join("|", "20261130", number, "ACME-001", matter, total.setScale(2).toPlainString(), "20261101",
                    "20261130", "Professional services November 2026", Integer.toString(i + 1), "F", hours[i], "0.00",
                    line.toPlainString(), "20261105", "L110", "", "A101", "TK101", "Fact investigation", lawFirm,
                    RATE.toPlainString(), "Rivera, Ana", "PARTNR", "ACME-LIT-77")).append("[]\n");
        }
        return sb.toString();
    }

    private static String ledes(String number, String... hours) {
        return ledesFor(number, "2026-0012", FIRM, hours);
    }

    private static ObjectNode body(String ledes) {
        return SandboxHttp.obj().put("format", "LEDES1998B").put("ledes", ledes);
    }

    private static JsonNode upload(String ledes) {
        Resp r = ebilling.post("/api/v1/invoices", body(ledes));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static Resp decide(String id, String decision) {
        return ebilling.post("/_control/invoices/" + id + "/decision", json(decision));
    }

    private static List<String> fields(Resp r) {
        List<String> out = new ArrayList<>();
        r.json().path("error").path("fields").forEach(f -> out.add(f.asText()));
        return out;
    }

    private static String sample(String name) throws IOException {
        Path file = SAMPLES.resolve(name);
        assumeTrue(Files.isRegularFile(file), "shared sample " + file + " is not on this machine");
        return Files.readString(file);
    }

    // ------------------------------------------------------------------------------------------------ upload

    @Test
    void aValidLedesUploadBecomesASubmittedInvoiceRecordAndItsTextIsKeptByteForByte() throws IOException {
        String text = sample("valid-two-fee-lines.txt");
        Resp created = ebilling.post("/api/v1/invoices", body(text));

        assertThat(created.status()).isEqualTo(201);
        JsonNode inv = created.json();
        assertThat(inv.path("id").asText()).matches("EB-\\d{6}");
        assertThat(inv.path("invoice_number").asText()).isEqualTo("INV20260415");
        assertThat(inv.path("law_firm_id").asText()).isEqualTo(FIRM);
        assertThat(inv.path("client_id").asText()).isEqualTo("ACME-001");
        assertThat(inv.path("matter_number").asText()).isEqualTo("2026-0012");
        assertThat(inv.path("client_matter_id").asText()).isEqualTo("ACME-LIT-77");
        assertThat(inv.path("invoice_date").asText()).isEqualTo("2026-10-31");
        assertThat(inv.path("total").decimalValue()).isEqualByComparingTo("1350.00");
        assertThat(inv.path("currency").asText()).isEqualTo("USD");
        assertThat(inv.path("status").asText()).isEqualTo("submitted");
        assertThat(inv.path("status_reason").isNull()).isTrue();
        assertThat(inv.path("paid_at").isNull()).isTrue();
        assertThat(inv.path("line_count").asInt()).isEqualTo(2);
        assertThat(inv.path("version").asInt()).isEqualTo(1);
        assertThat(inv.path("received_at").asText()).isEqualTo(inv.path("updated_at").asText());
        assertThat(inv.path("status_history").findValuesAsText("status")).containsExactly("submitted");
        assertThat(inv.has("ledes_text")).as("the text is served apart").isFalse();

        String id = inv.path("id").asText();
        assertThat(ebilling.get("/api/v1/invoices/" + id).json()).isEqualTo(inv);
        Resp stored = ebilling.get("/api/v1/invoices/" + id + "/ledes");
        assertThat(stored.header("Content-Type")).startsWith("text/plain");
        assertThat(stored.body()).isEqualTo(text);
    }

    @Test
    void totalsThatDoNotAddUpAreRefused422NamingLineAndFieldAndNothingIsStored() throws IOException {
        Resp stated = ebilling.post("/api/v1/invoices", body(sample("invalid-total-mismatch.txt")));
        assertThat(stated.status()).isEqualTo(422);
        assertThat(stated.errorType()).isEqualTo("ValidationFailed");
        assertThat(fields(stated)).containsExactly("ledes:3:INVOICE_TOTAL");
        assertThat(stated.errorMessage()).contains("line 3 INVOICE_TOTAL 1360.00 is not the sum of the line totals, 1350.00");

        String number = newNumber();
        String badLine = ledes(number, "1.00", "2.00").replace("|600.00|20261105|", "|610.00|20261105|");
        Resp line = ebilling.post("/api/v1/invoices", body(badLine));
        assertThat(line.status()).isEqualTo(422);
        assertThat(fields(line)).contains("ledes:4:LINE_ITEM_TOTAL");
        assertThat(line.errorMessage()).contains("line 4 LINE_ITEM_TOTAL 610.00 is not units × unit cost + adjustment");

        assertThat(ebilling.get("/api/v1/invoices?invoice_number=" + number).json().path("total").asInt()).isZero();
    }

    @Test
    void unreadableLedesIsRefused422NamingLineAndField() throws IOException {
        String number = newNumber();
        String good = ledes(number, "1.00", "2.00");

        Resp intl = ebilling.post("/api/v1/invoices", body(good.replace("LEDES1998B[]", "LEDES98BI V2[]")));
        assertThat(fields(intl)).containsExactly("ledes:1");
        assertThat(intl.errorMessage()).contains("only LEDES 1998B");

        Resp shortLine = ebilling.post("/api/v1/invoices", body(sample("invalid-wrong-field-count.txt")));
        assertThat(shortLine.status()).isEqualTo(422);
        assertThat(shortLine.errorMessage()).contains("has 23 fields, expected 24");
        assertThat(fields(shortLine)).as("no knock-on total error").noneMatch(f -> f.endsWith("INVOICE_TOTAL"));

        Resp dashed = ebilling.post("/api/v1/invoices", body(sample("invalid-date-format.txt")));
        assertThat(fields(dashed)).containsExactly("ledes:4:LINE_ITEM_DATE");
        assertThat(dashed.errorMessage()).contains("line 4 LINE_ITEM_DATE '2026-10-06' is not a date CCYYMMDD");

        String twoInvoices = good + ledes("OTHER1", "1.00").lines().skip(2).findFirst().orElseThrow() + "\n";
        Resp two = ebilling.post("/api/v1/invoices", body(twoInvoices));
        assertThat(fields(two)).as("the other invoice is named once").containsExactly("ledes:5:INVOICE_NUMBER");
        assertThat(two.errorMessage()).contains("upload one invoice at a time");

        Resp backwards = ebilling.post("/api/v1/invoices", body(good.replace("|20261101|20261130|", "|20261201|20261130|")));
        assertThat(fields(backwards)).containsExactly("ledes:3:BILLING_START_DATE");

        Resp badAmount = ebilling.post("/api/v1/invoices", body(good.replace("|1.00|0.00|", "|1,0|0.00|")));
        assertThat(fields(badAmount)).contains("ledes:3:LINE_ITEM_NUMBER_OF_UNITS");

        Resp noLines = ebilling.post("/api/v1/invoices", body("LEDES1998B[]\n" + HEADER + "\n"));
        assertThat(fields(noLines)).containsExactly("ledes:3");

        assertThat(ebilling.get("/api/v1/invoices?invoice_number=" + number).json().path("total").asInt()).isZero();
    }

    @Test
    void theBodyMustName1998BAndCarryTheText() {
        Resp intl = ebilling.post("/api/v1/invoices", json("{'format':'LEDES98BI','ledes':'LEDES98BI V2[]'}"));
        assertThat(intl.status()).isEqualTo(422);
        assertThat(fields(intl)).containsExactly("format");
        assertThat(intl.errorMessage()).contains("accepts only LEDES1998B");

        Resp missing = ebilling.post("/api/v1/invoices", json("{'invoice':'x'}"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(fields(missing)).containsExactlyInAnyOrder("format", "ledes", "invoice");

        assertThat(ebilling.post("/api/v1/invoices", "LEDES1998B[]").errorType()).isEqualTo("MalformedJson");
    }

    @Test
    void aSecondUploadOfAnInvoiceStillSubmittedOrRejectedIsAConflictNamingTheExistingId() {
        String number = newNumber();
        String id = upload(ledes(number, "1.00")).path("id").asText();

        Resp again = ebilling.post("/api/v1/invoices", body(ledes(number, "2.00")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorType()).isEqualTo("Conflict");
        assertThat(again.json().at("/error/existing_id").asText()).isEqualTo(id);
        assertThat(again.errorMessage()).contains(id).contains("PUT");

        decide(id, "{'status':'rejected','reason':'Block billing'}");
        Resp whileRejected = ebilling.post("/api/v1/invoices", body(ledes(number, "2.00")));
        assertThat(whileRejected.status()).isEqualTo(409);
        assertThat(whileRejected.json().at("/error/status").asText()).isEqualTo("rejected");

        Resp otherFirm = ebilling.post("/api/v1/invoices", body(ledesFor(number, "2026-0012", "98-7654321", "1.00")));
        assertThat(otherFirm.status()).as("invoice numbers are per law firm").isEqualTo(201);
    }

    // ------------------------------------------------------------------------------------------------ reading

    @Test
    void anInvoiceIsLookedUpByNumberAndLawFirmAndFilteredByMatterAndStatus() {
        String number = newNumber();
        String id = upload(ledesFor(number, "2026-0031", FIRM, "1.00")).path("id").asText();
        upload(ledesFor(number, "2026-0031", "11-1111111", "1.00"));

        JsonNode found = ebilling.get("/api/v1/invoices?invoice_number=" + number + "&law_firm_id=" + FIRM).json();
        assertThat(found.path("total").asInt()).isEqualTo(1);
        assertThat(found.at("/items/0/id").asText()).isEqualTo(id);
        assertThat(found.at("/items/0").has("ledes_text")).isFalse();
        assertThat(ebilling.get("/api/v1/invoices?matter_number=2026-0031").json().path("total").asInt()).isEqualTo(2);
        assertThat(ebilling.get("/api/v1/invoices?matter_number=2026-0031&status=approved").json().path("total").asInt()).isZero();

        assertThat(ebilling.get("/api/v1/invoices?status=appealed").status()).isEqualTo(400);
        assertThat(ebilling.get("/api/v1/invoices?limit=201").status()).isEqualTo(400);
        assertThat(ebilling.get("/api/v1/invoices?updated_since=yesterday").status()).isEqualTo(400);
        assertThat(ebilling.get("/api/v1/invoices/EB-999999").status()).isEqualTo(404);
        assertThat(ebilling.get("/api/v1/invoices/EB-999999/ledes").errorType()).isEqualTo("NotFound");
    }

    @Test
    void anIncrementalPollSeesEveryChangeSinceItsMarkInUpdateOrderAndPagesThroughThem() {
        List<String> ids = new ArrayList<>();
        List<String> stamps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode inv = upload(ledes(newNumber(), "1.00"));
            ids.add(inv.path("id").asText());
            stamps.add(inv.path("updated_at").asText());
        }
        // the mark is the second invoice's update time: inclusive, so the poll sees it again
        String mark = stamps.get(1);
        JsonNode approved = decide(ids.get(0), "{'status':'approved'}").json();
        assertThat(approved.path("updated_at").asText()).isGreaterThan(stamps.get(3));

        JsonNode all = ebilling.get("/api/v1/invoices?updated_since=" + mark).json();
        assertThat(all.path("items").findValuesAsText("id")).containsExactly(ids.get(1), ids.get(2), ids.get(3), ids.get(0));
        assertThat(all.path("total").asInt()).isEqualTo(4);

        JsonNode first = ebilling.get("/api/v1/invoices?updated_since=" + mark + "&limit=3").json();
        JsonNode second = ebilling.get("/api/v1/invoices?updated_since=" + mark + "&limit=3&offset=3").json();
        assertThat(first.path("items").findValuesAsText("id")).containsExactly(ids.get(1), ids.get(2), ids.get(3));
        assertThat(first.path("limit").asInt()).isEqualTo(3);
        assertThat(second.path("items").findValuesAsText("id")).containsExactly(ids.get(0));
        assertThat(second.path("offset").asInt()).isEqualTo(3);
        assertThat(second.at("/items/0/status").asText()).isEqualTo("approved");

        String after = approved.path("updated_at").asText();
        assertThat(ebilling.get("/api/v1/invoices?updated_since=" + after).json().path("items").findValuesAsText("id"))
                .containsExactly(ids.get(0));
    }

    // ------------------------------------------------------------------------------------------------ resubmission

    @Test
    void aResubmissionReplacesASubmittedInvoiceAndSendsARejectedOneBackToSubmitted() {
        String number = newNumber();
        JsonNode first = upload(ledes(number, "1.00"));
        String id = first.path("id").asText();

        String corrected = ledes(number, "1.00", "0.50");
        Resp replaced = ebilling.put("/api/v1/invoices/" + id, body(corrected));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("version").asInt()).isEqualTo(2);
        assertThat(replaced.json().path("total").decimalValue()).isEqualByComparingTo("450.00");
        assertThat(replaced.json().path("line_count").asInt()).isEqualTo(2);
        assertThat(replaced.json().path("received_at").asText()).isEqualTo(first.path("received_at").asText());
        assertThat(ebilling.get("/api/v1/invoices/" + id + "/ledes").body()).isEqualTo(corrected);
        assertThat(ebilling.put("/api/v1/invoices/" + id, body(corrected)).json().path("version").asInt())
                .as("the same text again changes nothing").isEqualTo(2);

        decide(id, "{'status':'rejected','reason':'Rate above the agreed 275.00'}");
        JsonNode resubmitted = ebilling.put("/api/v1/invoices/" + id, body(ledes(number, "1.00", "0.40"))).json();
        assertThat(resubmitted.path("status").asText()).isEqualTo("submitted");
        assertThat(resubmitted.path("status_reason").isNull()).isTrue();
        assertThat(resubmitted.path("version").asInt()).isEqualTo(4);
        JsonNode history = resubmitted.path("status_history");
        assertThat(history.findValuesAsText("status")).containsExactly("submitted", "submitted", "rejected", "submitted");
        assertThat(history.get(2).path("reason").asText()).isEqualTo("Rate above the agreed 275.00");
        assertThat(history.get(3).path("reason").asText()).isEqualTo("resubmitted");
    }

    @Test
    void aResubmissionMustBeTheSameInvoiceAndIsRefusedOnceApproved() {
        String number = newNumber();
        String id = upload(ledes(number, "1.00")).path("id").asText();

        Resp renumbered = ebilling.put("/api/v1/invoices/" + id, body(ledes(newNumber(), "1.00")));
        assertThat(renumbered.status()).isEqualTo(422);
        assertThat(fields(renumbered)).containsExactly("ledes:3:INVOICE_NUMBER");
        Resp broken = ebilling.put("/api/v1/invoices/" + id, body(ledes(number, "1.00").replace("|300.00|", "|3OO|")));
        assertThat(fields(broken)).contains("ledes:3:LINE_ITEM_UNIT_COST");
        assertThat(ebilling.put("/api/v1/invoices/EB-999999", body(ledes(number, "1.00"))).status()).isEqualTo(404);

        decide(id, "{'status':'approved'}");
        Resp afterApproval = ebilling.put("/api/v1/invoices/" + id, body(ledes(number, "2.00")));
        assertThat(afterApproval.status()).isEqualTo(409);
        assertThat(afterApproval.json().at("/error/status").asText()).isEqualTo("approved");
        decide(id, "{'status':'paid'}");
        assertThat(ebilling.put("/api/v1/invoices/" + id, body(ledes(number, "2.00"))).status()).isEqualTo(409);
        assertThat(ebilling.get("/api/v1/invoices/" + id).json().path("total").decimalValue()).isEqualByComparingTo("300.00");
    }

    // ------------------------------------------------------------------------------------------------ decisions

    @Test
    void reviewersApproveThenPayAndEachDecisionBumpsVersionAndUpdateTime() {
        JsonNode inv = upload(ledes(newNumber(), "1.00"));
        String id = inv.path("id").asText();

        JsonNode approved = decide(id, "{'status':'approved','reason':'Within budget'}").json();
        assertThat(approved.path("status").asText()).isEqualTo("approved");
        assertThat(approved.path("status_reason").asText()).isEqualTo("Within budget");
        assertThat(approved.path("version").asInt()).isEqualTo(2);
        assertThat(approved.path("updated_at").asText()).isGreaterThan(inv.path("updated_at").asText());

        JsonNode paid = decide(id, "{'status':'paid','paid_at':'2026-12-15'}").json();
        assertThat(paid.path("status").asText()).isEqualTo("paid");
        assertThat(paid.path("paid_at").asText()).isEqualTo("2026-12-15");
        assertThat(paid.path("version").asInt()).isEqualTo(3);
        assertThat(paid.path("status_history").findValuesAsText("status")).containsExactly("submitted", "approved", "paid");
        assertThat(ebilling.get("/api/v1/invoices/" + id).json()).isEqualTo(paid);
    }

    @Test
    void decisionsOutsideTheWorkflowAreRefused() {
        String id = upload(ledes(newNumber(), "1.00")).path("id").asText();

        Resp paidTooSoon = decide(id, "{'status':'paid'}");
        assertThat(paidTooSoon.status()).isEqualTo(409);
        assertThat(paidTooSoon.errorMessage()).contains("only an approved invoice can be paid");
        Resp noReason = decide(id, "{'status':'rejected'}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(fields(noReason)).containsExactly("reason");
        assertThat(fields(decide(id, "{'status':'appealed'}"))).containsExactly("status");
        assertThat(fields(decide(id, "{'status':'approved','paid_at':'2026-12-01'}"))).containsExactly("paid_at");
        assertThat(decide("EB-999999", "{'status':'approved'}").status()).isEqualTo(404);

        assertThat(decide(id, "{'status':'rejected','reason':'Missing receipts'}").status()).isEqualTo(200);
        Resp approveRejected = decide(id, "{'status':'approved'}");
        assertThat(approveRejected.status()).isEqualTo(409);
        assertThat(approveRejected.errorMessage()).contains("resubmission");
        assertThat(ebilling.get("/api/v1/invoices/" + id).json().path("version").asInt()).as("refusals change nothing").isEqualTo(2);
    }

    // ------------------------------------------------------------------------------------------------ common controls

    @Test
    void rejectRecordsRefusesUploadsAndResubmissionsByInvoiceNumberOrMatterNumber() {
        String number = newNumber();
        ebilling.patch("/_control/faults", json("{'rejectRecords':{'" + number + "':'Vendor on hold','2026-0044':'Matter closed for billing'}}"));

        Resp byNumber = ebilling.post("/api/v1/invoices", body(ledes(number, "1.00")));
        assertThat(byNumber.status()).isEqualTo(400);
        assertThat(byNumber.errorType()).isEqualTo("Rejected");
        assertThat(byNumber.errorMessage()).isEqualTo("Vendor on hold");
        Resp byMatter = ebilling.post("/api/v1/invoices", body(ledesFor(newNumber(), "2026-0044", FIRM, "1.00")));
        assertThat(byMatter.errorMessage()).isEqualTo("Matter closed for billing");

        String other = newNumber();
        String id = upload(ledes(other, "1.00")).path("id").asText();
        Resp moved = ebilling.put("/api/v1/invoices/" + id, body(ledesFor(other, "2026-0044", FIRM, "1.00")));
        assertThat(moved.status()).isEqualTo(400);
        assertThat(ebilling.get("/api/v1/invoices/" + id).json().path("matter_number").asText()).isEqualTo("2026-0012");
        assertThat(ebilling.get("/_control/requests").json().path("requests").findValuesAsText("fault")).contains("rejectRecords");
    }

    @Test
    void statsReportDuplicateInvoicesByInvoiceNumberAndLawFirm() {
        String number = newNumber();
        String first = upload(ledes(number, "1.00")).path("id").asText();
        decide(first, "{'status':'approved'}");
        // once approved, the platform takes the same number again as a new invoice: the double billing the hub must avoid
        String second = upload(ledes(number, "1.00")).path("id").asText();
        upload(ledesFor(number, "2026-0012", "22-2222222", "1.00"));

        JsonNode stats = ebilling.get("/_control/stats").json();
        JsonNode dups = stats.path("duplicates").path("invoices");
        List<String> ids = new ArrayList<>();
        dups.path(number + "|" + FIRM).forEach(n -> ids.add(n.asText()));
        assertThat(ids).containsExactly(first, second);
        assertThat(dups.has(number + "|22-2222222")).isFalse();
        assertThat(stats.path("records").path("invoices").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void faultsHitTheApiWhileAnObserverAndTheControlEndpointsSeeThrough() {
        String id = upload(ledes(newNumber(), "1.00")).path("id").asText();
        ebilling.put("/_control/faults", json("{'outage':true}"));
        ebilling.delete("/_control/requests");

        assertThat(ebilling.get("/api/v1/invoices/" + id).status()).isEqualTo(503);
        Resp observed = ebilling.send("GET", "/api/v1/invoices/" + id, null, new String[]{"X-Sandbox-Observer", "true"});
        assertThat(observed.status()).isEqualTo(200);
        assertThat(decide(id, "{'status':'approved'}").status()).as("reviewers work in the UI, not the faulted API").isEqualTo(200);
        assertThat(ebilling.get("/_control/requests").json().path("requests")).hasSize(1);
    }

    @Test
    void theSystemIsListedAndStartsWithoutInvoicesAndResetEmptiesIt() {
        try (SandboxServer fresh = SandboxServer.start()) {
            SandboxHttp root = new SandboxHttp(fresh.baseUrl());
            assertThat(root.get("/").json().at("/systems/ebilling").asText()).isEqualTo(fresh.baseUrl(SandboxSystem.EBILLING));
            SandboxHttp eb = new SandboxHttp(fresh.baseUrl(SandboxSystem.EBILLING));
            assertThat(eb.get("/api/v1/invoices").json().path("total").asInt()).isZero();
            assertThat(eb.post("/api/v1/invoices", body(ledes("RESET1", "1.00"))).status()).isEqualTo(201);
            JsonNode reset = eb.post("/_control/reset?seed=true", null).json();
            assertThat(reset.at("/records/invoices").asInt()).isZero();
            assertThat(eb.post("/api/v1/invoices", body(ledes("RESET1", "1.00"))).json().path("id").asText())
                    .as("ids restart").isEqualTo("EB-000001");
        }
    }
}
