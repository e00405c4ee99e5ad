package io.legalhub.ledes;

import static io.legalhub.ledes.LedesField.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that need all lines of one invoice: the invoice-level fields agree on every line, line item
 * numbers are unique, and INVOICE_TOTAL equals the sum of the line totals.
 */
final class InvoiceCheck {

    /** Must be identical on every line of an invoice; a difference means the lines disagree about the invoice. */
    private static final List<LedesField> MUST_AGREE = List.of(INVOICE_DATE, CLIENT_ID, LAW_FIRM_MATTER_ID,
            BILLING_START_DATE, BILLING_END_DATE, LAW_FIRM_ID, CLIENT_MATTER_ID);

    private final Violations violations;

    InvoiceCheck(Violations violations) {
        this.violations = violations;
    }

    /**
     * @param lines        the invoice's readable lines, in file order
     * @param unreadable   physical line numbers of lines that probably belong to this invoice but could not
     *                     be read (wrong field count): their totals are missing from the sum
     */
    void check(String invoiceNumber, List<ReadLine> lines, List<Integer> unreadable) {
        for (LedesField field : MUST_AGREE) {
            checkAgreement(invoiceNumber, lines, field, true);
        }
        // The description is only a label: a difference is worth telling, not worth rejecting the invoice.
        checkAgreement(invoiceNumber, lines, INVOICE_DESCRIPTION, false);
        checkLineNumbersUnique(invoiceNumber, lines);
        checkInvoiceTotal(invoiceNumber, lines, unreadable);
    }

    private void checkAgreement(String invoiceNumber, List<ReadLine> lines, LedesField field, boolean mustAgree) {
        ReadLine reference = null;
        for (ReadLine line : lines) {
            if (!line.usable(field)) {
                continue;
            }
            if (reference == null) {
                reference = line;
                continue;
            }
            String expected = reference.raw(field);
            String actual = line.raw(field);
            if (!expected.equals(actual)) {
                String message = field.ledesName() + " " + Shown.value(actual) + " differs from " + Shown.value(expected)
                        + " on line " + reference.lineNumber + "; every line of invoice " + Shown.value(invoiceNumber)
                        + (mustAgree ? " must" : " should") + " carry the same " + field.ledesName();
                if (mustAgree) {
                    line.faulty.add(field);
                    violations.error(line.lineNumber, field.ledesName(), invoiceNumber, message);
                } else {
                    violations.warning(line.lineNumber, field.ledesName(), invoiceNumber,
                            message + " (the first line's is used)");
                }
            }
        }
    }

    private void checkLineNumbersUnique(String invoiceNumber, List<ReadLine> lines) {
        Map<String, Integer> firstSeen = new HashMap<>();
        for (ReadLine line : lines) {
            if (!line.usable(LINE_ITEM_NUMBER) || line.isBlank(LINE_ITEM_NUMBER)) {
                continue;
            }
            String number = line.raw(LINE_ITEM_NUMBER);
            Integer first = firstSeen.putIfAbsent(number, line.lineNumber);
            if (first != null) {
                line.faulty.add(LINE_ITEM_NUMBER);
                violations.error(line.lineNumber, LINE_ITEM_NUMBER.ledesName(), invoiceNumber, "LINE_ITEM_NUMBER "
                        + Shown.value(number) + " is already used on line " + first + "; line item numbers must be unique"
                        + " within invoice " + Shown.value(invoiceNumber));
            }
        }
    }

    /**
     * Every line carrying an INVOICE_TOTAL that is not the sum is reported, since each such line is wrong
     * on its own. Lines whose total could not be read are left out of the sum and said so, so the
     * knock-on mismatch after a broken line is explained rather than hidden.
     */
    private void checkInvoiceTotal(String invoiceNumber, List<ReadLine> lines, List<Integer> unreadable) {
        BigDecimal sum = BigDecimal.ZERO;
        int summed = 0;
        int missing = unreadable.size();
        for (ReadLine line : lines) {
            BigDecimal total = line.amount(LINE_ITEM_TOTAL);
            if (total == null) {
                missing++;
            } else {
                sum = sum.add(total);
                summed++;
            }
        }
        ReadLine reference = null;
        for (ReadLine line : lines) {
            BigDecimal stated = line.amount(INVOICE_TOTAL);
            if (stated == null) {
                continue;
            }
            if (reference == null) {
                reference = line;
            }
            if (!LedesAmounts.differByACentOrMore(stated, sum)) {
                continue;
            }
            StringBuilder message = new StringBuilder("INVOICE_TOTAL ").append(line.raw(INVOICE_TOTAL))
                    .append(" does not equal ").append(LedesAmounts.show(sum)).append(", the sum of ");
            if (missing == 0) {
                message.append(summed == 1 ? "the invoice's 1 line total" : "the invoice's " + summed + " line totals");
            } else {
                message.append(summed == 1 ? "the 1 line total" : "the " + summed + " line totals").append(" that could be read")
                        .append("; ").append(missing == 1 ? "1 line" : missing + " lines").append(" of invoice ")
                        .append(Shown.value(invoiceNumber)).append(missing == 1 ? " has" : " have")
                        .append(" no readable LINE_ITEM_TOTAL").append(linesList(unreadable));
            }
            if (reference != line && reference.amount(INVOICE_TOTAL).compareTo(stated) != 0) {
                message.append("; line ").append(reference.lineNumber).append(" gives INVOICE_TOTAL ")
                        .append(reference.raw(INVOICE_TOTAL));
            }
            line.faulty.add(INVOICE_TOTAL);
            violations.error(line.lineNumber, INVOICE_TOTAL.ledesName(), invoiceNumber, message.toString());
        }
    }

    private static String linesList(List<Integer> unreadable) {
        if (unreadable.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" (");
        text.append(unreadable.size() == 1 ? "line " : "lines ");
        for (int i = 0; i < unreadable.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(unreadable.get(i));
        }
        return text.append(" could not be read)").toString();
    }
}
