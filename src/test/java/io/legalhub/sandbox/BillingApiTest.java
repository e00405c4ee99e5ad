package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

class BillingApiTest {

    static final String HEADER = "INVOICE_DATE|INVOICE_NUMBER|CLIENT_ID|LAW_FIRM_MATTER_ID|INVOICE_TOTAL|BILLING_START_DATE|"
            + "BILLING_END_DATE|INVOICE_DESCRIPTION|LINE_ITEM_NUMBER|EXP/FEE/INV_ADJ_TYPE|LINE_ITEM_NUMBER_OF_UNITS|"
            + "LINE_ITEM_ADJUSTMENT_AMOUNT|LINE_ITEM_TOTAL|LINE_ITEM_DATE|LINE_ITEM_TASK_CODE|LINE_ITEM_EXPENSE_CODE|"
            + "LINE_ITEM_ACTIVITY_CODE|TIMEKEEPER_ID|LINE_ITEM_DESCRIPTION|LAW_FIRM_ID|LINE_ITEM_UNIT_COST|TIMEKEEPER_NAME|"
            + "TIMEKEEPER_CLASSIFICATION|CLIENT_MATTER_ID[]";
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final String AMOUNT = "-?\\d+(\\.\\d{1,4})?";

    private static SandboxServer sandbox;
    private static SandboxHttp billing;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxSettings.defaults());
        billing = new SandboxHttp(sandbox.baseUrl(SandboxSystem.BILLING));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    private static BigDecimal dec(String s) {
        return s.isEmpty() ? BigDecimal.ZERO : new BigDecimal(s);
    }

    @Test
    void clientsAreSeededAndFoundByNumber() {
        JsonNode all = billing.get("/api/v1/clients?limit=200").json();
        assertThat(all.path("total").asInt()).isGreaterThanOrEqualTo(20);
        JsonNode acme = billing.get("/api/v1/clients?number=ACME-001").json().path("items");
        assertThat(acme).hasSize(1);
        assertThat(acme.get(0).path("id").asText()).matches("C-\\d{4}");
        assertThat(acme.get(0).path("name").asText()).isEqualTo("Acme Corporation");
        assertThat(billing.get("/api/v1/clients/" + acme.get(0).path("id").asText()).status()).isEqualTo(200);
        assertThat(billing.get("/api/v1/matters").json().path("total").asInt()).as("the hub provisions matters").isZero();
    }

    @Test
    void matterCreateAnswers422NamingEveryMissingFieldAndAcceptsUnknownClientNumbers() {
        Resp missing = billing.post("/api/v1/matters", json("{'status':'OPEN'}"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.errorMessage()).contains("number").contains("name").contains("client_number");
        Resp unknownClient = billing.post("/api/v1/matters", json("{'number':'2026-0101','name':'X','client_number':'C-999'}"));
        assertThat(unknownClient.status()).isEqualTo(201);
        assertThat(unknownClient.json().path("client_name").isNull()).isTrue();
        assertThat(billing.post("/api/v1/matters", json("{'number':'2026-0100','name':'X','client_number':'ACME-001','status':'ARCHIVED'}"))
                .errorMessage()).contains("status");
    }

    @Test
    void matterPutReplacesTheRecordAndBumpsVersionOnlyWhenSomethingChanged() {
        Resp created = billing.post("/api/v1/matters", json("{'number':'2026-0200','name':'Initech – SaaS agreement',"
                + "'client_number':'INITECH-001','billing_attorney':'Ana Rivera','practice_area':'Commercial Contracts',"
                + "'open_date':'2026-02-01','external_ref':'mm:1200'}"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode m = created.json();
        assertThat(m.path("id").asText()).matches("BM-\\d{6}");
        assertThat(m.path("client_name").asText()).isEqualTo("Initech Software Corp.");
        assertThat(m.path("status").asText()).isEqualTo("OPEN");
        assertThat(m.path("billable").asBoolean()).isTrue();
        assertThat(m.path("version").asInt()).isEqualTo(1);
        String id = m.path("id").asText();

        Resp closed = billing.put("/api/v1/matters/" + id, json("{'number':'2026-0200','name':'Initech – SaaS agreement',"
                + "'client_number':'INITECH-001','status':'closed','close_date':'2026-04-30','open_date':'2026-02-01','external_ref':'mm:1200'}"));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().path("version").asInt()).isEqualTo(2);
        assertThat(closed.json().path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.json().path("billing_attorney").isNull()).as("PUT replaces").isTrue();
        Resp again = billing.put("/api/v1/matters/" + id, json("{'number':'2026-0200','name':'Initech – SaaS agreement',"
                + "'client_number':'INITECH-001','status':'CLOSED','close_date':'2026-04-30','open_date':'2026-02-01','external_ref':'mm:1200'}"));
        assertThat(again.json().path("version").asInt()).isEqualTo(2);
        assertThat(billing.get("/api/v1/matters?client_number=INITECH-001&status=closed").json().path("total").asInt()).isEqualTo(1);
        assertThat(billing.get("/api/v1/matters/BM-424242").status()).isEqualTo(404);
    }

    @Test
    void ledesExportHasThe1998BShapeAndCorrectArithmetic() {
        Resp export = billing.get("/api/v1/invoices/export?status=submitted");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("text/plain");
        List<String> lines = export.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("LEDES1998B[]");
        assertThat(lines.get(1)).isEqualTo(HEADER);
        assertThat(lines.get(1).split("\\|")).hasSize(24);

        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, BigDecimal> stated = new LinkedHashMap<>();
        Set<String> classes = Set.of("PARTNR", "ASSOC", "OFCOUN", "PARALG");
        for (String line : lines.subList(2, lines.size())) {
            assertThat(line).endsWith("[]");
            String[] f = line.substring(0, line.length() - 2).split("\\|", -1);
            assertThat(f).hasSize(24);
            for (int dateField : new int[]{0, 5, 6, 13}) {
                LocalDate.parse(f[dateField], CCYYMMDD);
            }
            assertThat(f[1]).matches("[A-Za-z0-9]{1,20}");
            assertThat(f[4]).matches(AMOUNT);
            assertThat(f[12]).matches(AMOUNT);
            String type = f[9];
            BigDecimal units = dec(f[10]);
            BigDecimal adjustment = dec(f[11]);
            BigDecimal total = dec(f[12]);
            BigDecimal cost = dec(f[20]);
            assertThat(units.multiply(cost).add(adjustment)).as("line %s of %s", f[8], f[1]).isEqualByComparingTo(total);
            switch (type) {
                case "F" -> {
                    assertThat(f[14]).matches("L[1-5]\\d0");
                    assertThat(f[16]).matches("A1(0[1-9]|1[01])");
                    assertThat(f[15]).isEmpty();
                    assertThat(classes).contains(f[22]);
                    assertThat(units.signum()).isPositive();
                }
                case "E" -> {
                    assertThat(f[15]).matches("E1(0[1-9]|1\\d|2[0-4])");
                    assertThat(f[14]).isEmpty();
                    assertThat(units.signum()).isPositive();
                }
                case "IF", "IE" -> assertThat(adjustment).isEqualByComparingTo(total);
                default -> throw new AssertionError("unexpected line type " + type);
            }
            sums.merge(f[1], total, BigDecimal::add);
            BigDecimal previous = stated.putIfAbsent(f[1], dec(f[4]));
            if (previous != null) {
                assertThat(dec(f[4])).as("INVOICE_TOTAL repeats on every line").isEqualByComparingTo(previous);
            }
        }
        assertThat(sums).hasSizeGreaterThanOrEqualTo(3);
        sums.forEach((number, sum) -> assertThat(sum).as("total of %s", number).isEqualByComparingTo(stated.get(number)));
        assertThat(stated.get("INV20260101")).isEqualByComparingTo("2297.00");
    }

    @Test
    void exportWithNothingMatchingAnswers204() {
        Resp r = billing.get("/api/v1/invoices/export?updated_since=2999-01-01T00:00:00Z");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void rawInvoicesAreStoredAsSubmittedAndServedBackVerbatim() {
        String raw = "LEDES1998B[]\r\n" + HEADER + "\r\n"
                + "20261031|INVBAD1|ACME-001|2026-0012|1360.00|20261001|20261031|Oct|1|F|1.50|0.00|675.00|20261003|L110||A101|TK101|"
                + "Plan|36-4412987|450.00|Rivera, Ana|PARTNR|ACME-LIT-77[]\r\n"
                + "20261031|INVBAD1|ACME-001|2026-0012|1360.00|20261001|20261031|Oct|2|F|2.25|0.00|675.00|2026-10-06|L999||A104|TK205|"
                + "Review|36-4412987|300.00|Chen, David|ASSOC|ACME-LIT-77[]\r\n";
        Resp stored = billing.post("/_control/invoices", raw);
        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.json().path("number").asText()).isEqualTo("INVBAD1");
        assertThat(stored.json().path("status").asText()).isEqualTo("submitted");
        assertThat(billing.get("/api/v1/invoices/INVBAD1/ledes").body()).isEqualTo(raw);

        String since = URLEncoder.encode(stored.json().path("updated_at").asText(), StandardCharsets.UTF_8);
        assertThat(billing.get("/api/v1/invoices/export?updated_since=" + since).body()).isEqualTo(raw);
        String combined = billing.get("/api/v1/invoices/export?status=submitted").body();
        assertThat(combined).startsWith("LEDES1998B[]\n" + HEADER + "\n")
                .contains(raw.substring(raw.indexOf("20261031")))
                .contains("|INV20260101|");
        assertThat(billing.get("/api/v1/invoices?status=submitted").json().path("items").findValuesAsText("number"))
                .contains("INVBAD1", "INV20260101");
    }

    @Test
    void invoiceStatusFollowsTheEBillingWorkflowAndRejectsInvalidTransitionsWith409() {
        assertThat(billing.put("/api/v1/invoices/INV20260102/status", json("{'status':'rejected'}")).status()).isEqualTo(422);
        Resp rejected = billing.put("/api/v1/invoices/INV20260102/status", json("{'status':'rejected','reason':'Block billing'}"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().path("status_reason").asText()).isEqualTo("Block billing");
        assertThat(rejected.json().path("version").asInt()).isEqualTo(2);
        Resp invalid = billing.put("/api/v1/invoices/INV20260102/status", json("{'status':'paid'}"));
        assertThat(invalid.status()).isEqualTo(409);
        assertThat(invalid.errorMessage()).contains("rejected").contains("paid").contains("appealed");
        assertThat(billing.put("/api/v1/invoices/INV20260102/status", json("{'status':'appealed','reason':'Tasks were distinct'}")).status()).isEqualTo(200);
        assertThat(billing.put("/api/v1/invoices/INV20260102/status", json("{'status':'approved'}")).status()).isEqualTo(200);
        Resp paid = billing.put("/api/v1/invoices/INV20260102/status", json("{'status':'paid','paid_at':'2026-03-15'}"));
        assertThat(paid.json().path("paid_at").asText()).isEqualTo("2026-03-15");
        assertThat(paid.json().path("status_history")).hasSize(5);
        assertThat(billing.put("/api/v1/invoices/INV20260102/status", json("{'status':'approved'}")).status()).isEqualTo(409);
        assertThat(billing.put("/api/v1/invoices/NOPE/status", json("{'status':'approved'}")).status()).isEqualTo(404);
    }
}
