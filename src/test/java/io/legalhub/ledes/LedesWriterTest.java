package io.legalhub.ledes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class LedesWriterTest {

    private final LedesWriter writer = new LedesWriter();
    private final LedesValidator validator = new LedesValidator();

    private static LedesLineItem fee(String number, String description) {
        return new LedesLineItem(number, LineItemType.FEE, new BigDecimal("1.50"), null, new BigDecimal("0.00"), null,
                new BigDecimal("675.00"), null, LocalDate.of(2026, 10, 3), "L110", null, "A101", "TK101", description,
                new BigDecimal("450.00"), null, "Rivera, Ana", "PARTNR");
    }

    private static LedesInvoice invoice(LedesLineItem... lines) {
        BigDecimal total = BigDecimal.ZERO;
        for (LedesLineItem line : lines) {
            total = total.add(line.total());
        }
        return new LedesInvoice("INV1", LocalDate.of(2026, 10, 31), "ACME-001", "2026-0012", total, null,
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), null, "36-4412987", null, List.of(lines));
    }

    @Test
    void writesVersionLineFieldNamesAndOneLinePerItemWithLf() {
        String text = writer.write(invoice(fee("1", "Plan"), fee("2", "Review")));

        assertThat(text.split("\n", -1)).containsExactly(
                "LEDES1998B[]",
                LedesFormat.HEADER_LINE,
                "20261031|INV1|ACME-001|2026-0012|1350.00|20261001|20261031||1|F|1.50|0.00|675.00|20261003|L110||A101|TK101|Plan|36-4412987|450.00|Rivera, Ana|PARTNR|[]",
                "20261031|INV1|ACME-001|2026-0012|1350.00|20261001|20261031||2|F|1.50|0.00|675.00|20261003|L110||A101|TK101|Review|36-4412987|450.00|Rivera, Ana|PARTNR|[]",
                "");
        assertThat(validator.validate(text).violations()).isEmpty();
    }

    @Test
    void amountsAreWrittenAsGivenNotReformatted() {
        LedesLineItem line = new LedesLineItem("1", LineItemType.EXPENSE, null, "1", null, null, null, "1250.", LocalDate.of(2026, 10, 3),
                null, "E110", null, null, "Travel", null, "1250.", null, null);
        LedesInvoice invoice = new LedesInvoice("INV1", LocalDate.of(2026, 10, 31), "C", "M", null, "1250.",
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), null, "F", null, List.of(line));

        assertThat(writer.write(invoice)).contains("|1250.|").contains("|1||1250.|");
        assertThat(line.total()).isEqualByComparingTo("1250");
    }

    @Test
    void lineBreaksInANarrativeBecomeOneLine() {
        String text = writer.write(invoice(fee("1", "Call with client.\r\n  Follow-up memo.\nFiled.")));

        assertThat(text).contains("|Call with client. Follow-up memo. Filed.|");
        assertThat(validator.validate(text).violations()).isEmpty();
    }

    @Test
    void pipeInATextFieldIsRefusedRatherThanShiftingTheColumns() {
        assertThatThrownBy(() -> writer.write(invoice(fee("1", "A | B"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LINE_ITEM_DESCRIPTION").hasMessageContaining("INV1");
    }

    @Test
    void invoiceWithoutLinesIsRefused() {
        LedesInvoice empty = new LedesInvoice("INV1", LocalDate.of(2026, 10, 31), "C", "M", BigDecimal.ZERO, null,
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), null, "F", null, List.of());

        assertThatThrownBy(() -> writer.write(empty)).hasMessageContaining("no line items");
    }

    @Test
    void valueAndWrittenFormThatDisagreeAreRefused() {
        assertThatThrownBy(() -> new LedesInvoice("INV1", null, null, null, new BigDecimal("10"), "11", null, null, null, null, null,
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disagree");
    }
}
