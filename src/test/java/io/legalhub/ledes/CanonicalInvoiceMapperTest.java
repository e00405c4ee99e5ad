package io.legalhub.ledes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

class CanonicalInvoiceMapperTest {

    private static JsonSchema schema;

    private final ObjectMapper json = new ObjectMapper();
    private final LedesValidator validator = new LedesValidator();
    private final CanonicalInvoiceMapper mapper = new CanonicalInvoiceMapper();
    private final CanonicalSource source = new CanonicalSource("billing", "INV20260415", 3);

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("mappings/canonical/invoice.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private LedesInvoice invoice(String file) {
        return validator.validate(LedesTestFiles.read(file)).requireValid().get(0);
    }

    @Test
    void feeLineBecomesTheDocumentedCanonicalShape() throws Exception {
        ObjectNode canonical = mapper.toCanonical(invoice("valid-two-fee-lines.txt"), source);

        JsonNode expected = json.readTree("""
                {"schemaVersion":1,"entity":"invoice","key":"INV20260415","invoiceNumber":"INV20260415","invoiceDate":"2026-10-31",
                 "clientId":"ACME-001","lawFirmId":"36-4412987","lawFirmMatterId":"2026-0012","clientMatterId":"ACME-LIT-77",
                 "matterKey":"2026-0012","currency":"USD","total":"1350.00","billingPeriod":{"start":"2026-10-01","end":"2026-10-31"},
                 "description":"Professional services October 2026","status":"submitted",
                 "lines":[
                  {"lineNumber":"1","type":"fee","date":"2026-10-03","units":"1.50","unitCost":"450.00","adjustment":"0.00","total":"675.00",
                   "taskCode":"L110","activityCode":"A101","expenseCode":null,
                   "timekeeper":{"id":"TK101","name":"Rivera, Ana","classification":"PARTNR"},
                   "description":"Plan fact investigation with client team"},
                  {"lineNumber":"2","type":"fee","date":"2026-10-06","units":"2.25","unitCost":"300.00","adjustment":"0.00","total":"675.00",
                   "taskCode":"L120","activityCode":"A104","expenseCode":null,
                   "timekeeper":{"id":"TK205","name":"Chen, David","classification":"ASSOC"},
                   "description":"Review and analyze contract history"}],
                 "source":{"system":"billing","id":"INV20260415","version":3}}
                """);
        assertThat(json.readTree(json.writeValueAsString(canonical))).isEqualTo(expected);
    }

    @Test
    void amountsAreStringsExactlyAsWritten() {
        ObjectNode canonical = mapper.toCanonical(invoice("valid-spec-style-amounts.txt"), source);

        assertThat(canonical.get("total").isTextual()).isTrue();
        assertThat(canonical.get("total").asText()).isEqualTo("2169.5");
        assertThat(canonical.at("/lines/0/total").asText()).isEqualTo("630");
        assertThat(canonical.at("/lines/2/unitCost").asText()).isEqualTo("1250.");
        assertThat(canonical.at("/lines/1/adjustment").isNull()).isTrue();
    }

    @Test
    void adjustmentAndExpenseLinesHaveTheirTypesAndNoTimekeeper() {
        ObjectNode canonical = mapper.toCanonical(invoice("valid-invoice-level-adjustments.txt"), source);

        assertThat(canonical.get("lines")).extracting(l -> l.get("type").asText())
                .containsExactly("fee", "expense", "fee-adjustment", "fee-adjustment", "expense-adjustment");
        assertThat(canonical.at("/lines/1/timekeeper").isNull()).isTrue();
        assertThat(canonical.at("/lines/1/expenseCode").asText()).isEqualTo("E112");
        assertThat(canonical.at("/lines/2/units").isNull()).isTrue();
    }

    @Test
    void statusAndRejectionReasonAreTheCallersChoice() {
        ObjectNode canonical = mapper.toCanonical(invoice("valid-two-fee-lines.txt"), source, InvoiceStatus.REJECTED,
                "Block billing on line 2");

        assertThat(canonical.get("status").asText()).isEqualTo("rejected");
        assertThat(canonical.get("rejectionReason").asText()).isEqualTo("Block billing on line 2");
        assertThat(mapper.toCanonical(invoice("valid-two-fee-lines.txt"), source).has("rejectionReason")).isFalse();
    }

    @Test
    void currencyIsTheMappersSetting() {
        ObjectNode canonical = new CanonicalInvoiceMapper("EUR").toCanonical(invoice("valid-two-fee-lines.txt"), source);

        assertThat(canonical.get("currency").asText()).isEqualTo("EUR");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "valid-two-fee-lines.txt", "valid-fees-expenses-adjustments.txt", "valid-large-discovery-invoice.txt",
            "valid-two-invoices.txt", "valid-invoice-level-adjustments.txt", "valid-negative-line-adjustment.txt",
            "valid-spec-style-amounts.txt", "valid-four-decimal-amounts.txt", "valid-legacy-timekeeper-class.txt",
            "valid-invoice-number-with-dash.txt"})
    void canonicalInvoicesMatchTheSchema(String file) {
        for (LedesInvoice invoice : validator.validate(LedesTestFiles.read(file)).requireValid()) {
            Set<ValidationMessage> problems = schema.validate(mapper.toCanonical(invoice, source, InvoiceStatus.REJECTED, "reason"));
            assertThat(problems).as(file).isEmpty();
        }
    }

    @Test
    void schemaRejectsWhatTheHubMustNotCarry() {
        ObjectNode canonical = mapper.toCanonical(invoice("valid-two-fee-lines.txt"), source);

        ObjectNode floatTotal = canonical.deepCopy().put("total", 1350.00);
        ObjectNode badType = canonical.deepCopy();
        ((ObjectNode) badType.at("/lines/0")).put("type", "disbursement");
        ObjectNode badStatus = canonical.deepCopy().put("status", "sent");
        ObjectNode extra = canonical.deepCopy().put("surprise", true);
        ObjectNode feeWithoutUnits = canonical.deepCopy();
        ((ObjectNode) feeWithoutUnits.at("/lines/0")).putNull("units");
        ObjectNode noLines = canonical.deepCopy();
        noLines.putArray("lines");

        for (ObjectNode wrong : new ObjectNode[] {floatTotal, badType, badStatus, extra, feeWithoutUnits, noLines}) {
            assertThat(schema.validate(wrong)).as(wrong.toString()).isNotEmpty();
        }
    }

    @Test
    void canonicalBackToLedesKeepsEveryValue() {
        LedesInvoice original = invoice("valid-fees-expenses-adjustments.txt");

        assertThat(mapper.fromCanonical(mapper.toCanonical(original, source))).isEqualTo(original);
    }

    @Test
    void canonicalMissingARequiredValueIsRefusedNamingThePath() {
        ObjectNode canonical = mapper.toCanonical(invoice("valid-two-fee-lines.txt"), source);
        ((ObjectNode) canonical.at("/lines/1")).remove("date");

        assertThatThrownBy(() -> mapper.fromCanonical(canonical))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INV20260415").hasMessageContaining("/lines/1/date");
    }

    @Test
    void canonicalAmountLedesCannotCarryIsRefused() {
        ObjectNode canonical = mapper.toCanonical(invoice("valid-two-fee-lines.txt"), source).put("total", "1,350.00");

        assertThatThrownBy(() -> mapper.fromCanonical(canonical)).hasMessageContaining("/total").hasMessageContaining("1,350.00");
    }

    @Test
    void canonicalWithUnknownLineTypeIsRefused() {
        ObjectNode canonical = mapper.toCanonical(invoice("valid-two-fee-lines.txt"), source);
        ((ObjectNode) canonical.at("/lines/0")).put("type", "disbursement");

        assertThatThrownBy(() -> mapper.fromCanonical(canonical)).hasMessageContaining("/lines/0/type").hasMessageContaining("disbursement");
    }

    @Test
    void invoiceFromAnInvalidFileCannotBecomeCanonical() {
        LedesInvoice broken = validator.validate(LedesTestFiles.read("invalid-date-format.txt")).invoices().get(0);

        assertThatThrownBy(() -> mapper.toCanonical(broken, source)).hasMessageContaining("LINE_ITEM_DATE");
    }
}
