package io.legalhub.ledes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Parsing a valid file and writing it back loses nothing; neither does canonical → LEDES → canonical. */
class LedesRoundTripTest {

    private final LedesValidator validator = new LedesValidator();
    private final LedesWriter writer = new LedesWriter();
    private final CanonicalInvoiceMapper mapper = new CanonicalInvoiceMapper();
    private final CanonicalSource source = new CanonicalSource("billing", "batch-1", 7);

    @ParameterizedTest
    @ValueSource(strings = {
            "valid-two-fee-lines.txt", "valid-fees-expenses-adjustments.txt", "valid-large-discovery-invoice.txt",
            "valid-two-invoices.txt", "valid-crlf-line-ends.txt", "valid-utf8-bom.txt", "valid-trailing-blank-line.txt",
            "valid-invoice-level-adjustments.txt", "valid-negative-line-adjustment.txt", "valid-spec-style-amounts.txt",
            "valid-four-decimal-amounts.txt", "valid-legacy-timekeeper-class.txt", "valid-invoice-number-with-dash.txt",
            "valid-line-date-outside-period.txt"})
    void validFileWrittenBackHasTheSameFieldsAndValues(String file) {
        String original = LedesTestFiles.read(file);
        List<LedesInvoice> invoices = validator.validate(original).requireValid();

        String written = writer.write(invoices);

        // byte for byte, apart from what the spec leaves open: BOM, CRLF vs LF, a trailing blank line
        assertThat(written).isEqualTo(normalized(original));
        assertThat(validator.validate(written).invoices()).isEqualTo(invoices);
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-fees-expenses-adjustments.txt", "valid-spec-style-amounts.txt", "valid-two-invoices.txt",
            "valid-invoice-level-adjustments.txt", "valid-four-decimal-amounts.txt"})
    void validFileThroughCanonicalAndBackIsUnchanged(String file) {
        String original = LedesTestFiles.read(file);
        List<LedesInvoice> invoices = validator.validate(original).requireValid();

        List<ObjectNode> canonical = invoices.stream().map(i -> mapper.toCanonical(i, source)).toList();
        String written = writer.writeCanonical(canonical);

        assertThat(written).isEqualTo(normalized(original));
    }

    @Test
    void canonicalToLedesToCanonicalIsUnchanged() {
        for (String file : List.of("valid-fees-expenses-adjustments.txt", "valid-spec-style-amounts.txt", "valid-two-invoices.txt",
                "valid-large-discovery-invoice.txt")) {
            for (LedesInvoice invoice : validator.validate(LedesTestFiles.read(file)).requireValid()) {
                ObjectNode canonical = mapper.toCanonical(invoice, source);

                String ledes = writer.writeCanonical(canonical);
                LedesReport reread = validator.validate(ledes);

                assertThat(reread.valid()).as(file).isTrue();
                assertThat(mapper.toCanonical(reread.invoices().get(0), source)).as(file).isEqualTo(canonical);
            }
        }
    }

    @Test
    void generatedFilesRoundTrip() {
        for (int[] shape : new int[][] {{1, 1}, {2, 1}, {37, 3}, {1_000, 4}}) {
            String generated = GeneratedLedesFile.build(shape[0], shape[1]);
            LedesReport report = validator.validate(generated);
            assertThat(report.violations()).as("%d lines", shape[0]).isEmpty();

            assertThat(writer.write(report.invoices())).isEqualTo(generated);
        }
    }

    @Test
    void writerOutputWithCrlfReadsBackTheSame() {
        List<LedesInvoice> invoices = validator.validate(LedesTestFiles.read("valid-fees-expenses-adjustments.txt")).requireValid();

        String crlf = new LedesWriter(LedesWriter.CRLF, mapper).write(invoices);

        assertThat(crlf).startsWith("LEDES1998B[]\r\n");
        assertThat(crlf.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(validator.validate(crlf).invoices()).isEqualTo(invoices);
    }

    private static String normalized(String text) {
        String lf = text.replace("\uFEFF", "").replace("\r\n", "\n");
        while (lf.endsWith("\n\n")) {
            lf = lf.substring(0, lf.length() - 1);
        }
        return lf;
    }
}
