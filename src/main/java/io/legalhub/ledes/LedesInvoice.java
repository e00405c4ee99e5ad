package io.legalhub.ledes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One invoice of a LEDES 1998B file: the invoice-level fields (which the file repeats on every line; the
 * parser takes them from the invoice's first line) and its line items in file order. Empty fields are
 * null; the total is kept as a BigDecimal and as written, as in {@link LedesLineItem}.
 */
public record LedesInvoice(
        String invoiceNumber,
        LocalDate invoiceDate,
        String clientId,
        String lawFirmMatterId,
        BigDecimal total,
        String totalAsWritten,
        LocalDate billingStartDate,
        LocalDate billingEndDate,
        String description,
        String lawFirmId,
        String clientMatterId,
        List<LedesLineItem> lines) {

    public LedesInvoice {
        AmountText.requireSame(total, totalAsWritten, "invoice total");
        totalAsWritten = AmountText.written(total, totalAsWritten);
        total = AmountText.value(total, totalAsWritten);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
