package io.legalhub.ledes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LedesFileSplitterTest {

    private final LedesValidator validator = new LedesValidator();

    @Test
    void eachInvoiceOfAFileBecomesAStandaloneValidFileWithItsOwnLinesUnchanged() {
        String text = LedesTestFiles.read("valid-two-invoices.txt");

        List<LedesFileSplitter.InvoiceText> parts = LedesFileSplitter.split(text);

        assertThat(parts).extracting(LedesFileSplitter.InvoiceText::invoiceNumber).containsExactly("INV20260415", "INV20260416");
        assertThat(parts.get(0).lines()).containsExactly(3, 4);
        assertThat(parts.get(1).lineRange()).isEqualTo("lines 5–6");
        List<String> lines = text.lines().toList();
        assertThat(parts.get(1).text()).isEqualTo(String.join("\n", lines.get(0), lines.get(1), lines.get(4), lines.get(5)) + "\n");
        for (LedesFileSplitter.InvoiceText part : parts) {
            LedesReport report = validator.validate(part.text());
            assertThat(report.valid()).isTrue();
            assertThat(report.invoices()).extracting(LedesInvoice::invoiceNumber).containsExactly(part.invoiceNumber());
        }
    }

    @Test
    void lineEndsAndAByteOrderMarkAreKeptAndBlankLinesLeftOut() {
        String crlf = LedesTestFiles.read("valid-crlf-line-ends.txt");
        String bom = LedesTestFiles.read("valid-utf8-bom.txt");
        String trailing = LedesTestFiles.read("valid-trailing-blank-line.txt");

        assertThat(LedesFileSplitter.split(crlf).get(0).text()).isEqualTo(crlf);
        assertThat(LedesFileSplitter.split(bom).get(0).text()).isEqualTo(bom);
        assertThat(LedesFileSplitter.split(trailing).get(0).text()).isEqualTo(trailing.stripTrailing() + "\n");
    }

    @Test
    void aFileWithoutDataLinesHasNoInvoices() {
        assertThat(LedesFileSplitter.split("LEDES1998B[]\n" + LedesFormat.HEADER_LINE + "\n")).isEmpty();
        assertThat(LedesFileSplitter.split("")).isEmpty();
    }
}
