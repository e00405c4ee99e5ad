package io.legalhub.sandbox.systems;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static io.legalhub.sandbox.systems.LedesLineCheck.BILLING_END_DATE;
import static io.legalhub.sandbox.systems.LedesLineCheck.BILLING_START_DATE;
import static io.legalhub.sandbox.systems.LedesLineCheck.INVOICE_DATE;
import static io.legalhub.sandbox.systems.LedesLineCheck.INVOICE_FIELDS;
import static io.legalhub.sandbox.systems.LedesLineCheck.INVOICE_NUMBER;
import static io.legalhub.sandbox.systems.LedesLineCheck.INVOICE_TOTAL;
import static io.legalhub.sandbox.systems.LedesLineCheck.LINE_ITEM_NUMBER;

/**
 * Reads one uploaded LEDES 1998B invoice the way an e-billing platform does on receipt: the two header lines, 24
 * fields on every data line, one invoice per upload (its fields the same on every line), required values,
 * readable numbers and dates, a billing period that does not end before it starts, unique line item numbers, line
 * totals and the invoice total adding up. Anything wrong is answered as one 422 naming each line and
 * field ({@link LedesProblems}).
 *
 * <p>This is the platform's own reader, written apart from the hub's validator ({@code io.legalhub.ledes}), so the
 * hub's LEDES is checked by a second opinion rather than by itself. Internal.
 */
final class LedesReceipt {

    private static final String BOM = "\uFEFF";
    private static final int FIRST_DATA_LINE = 3;

    private final LedesProblems problems = new LedesProblems();
    private String[] invoice;
    private int invoiceLine;
    private BigDecimal sum = BigDecimal.ZERO;
    private boolean sumComplete = true;
    private int lineCount;
    private final Map<String, Integer> lineItemNumbers = new HashMap<>();

    private LedesReceipt() {
    }

    /** The invoice read from {@code text}; 422 {@code ValidationFailed} naming every problem otherwise. */
    static LedesUpload read(String text) {
        return new LedesReceipt().readText(text);
    }

    private LedesUpload readText(String text) {
        String[] lines = (text.startsWith(BOM) ? text.substring(BOM.length()) : text).split("\r?\n", -1);
        int end = lines.length;
        while (end > 0 && lines[end - 1].isBlank()) {
            end--; // a trailing blank line (or several) is tolerated
        }
        checkFirstLine(end == 0 ? "" : lines[0].strip());
        problems.check();
        checkFieldNames(end < 2 ? null : lines[1].strip());
        problems.check();
        if (end < FIRST_DATA_LINE) {
            problems.add(FIRST_DATA_LINE, null, "is missing: an invoice needs at least one line item");
        }
        for (int i = FIRST_DATA_LINE - 1; i < end; i++) {
            readDataLine(i + 1, lines[i].strip());
        }
        checkInvoiceTotal();
        problems.check();
        return upload();
    }

    private void checkFirstLine(String first) {
        if (first.equals(Ledes.FIRST_LINE)) {
            return;
        }
        if (first.startsWith("LEDES98BI")) {
            problems.add(1, null, "is '" + first + "': LEDES98BI is not accepted, only LEDES 1998B");
        } else if (first.startsWith("<")) {
            problems.add(1, null, "is XML: LEDES XML is not accepted, only LEDES 1998B");
        } else {
            problems.add(1, null, "must be exactly " + Ledes.FIRST_LINE + ", got '" + shorten(first) + "'");
        }
    }

    private void checkFieldNames(String names) {
        if (names == null) {
            problems.add(2, null, "is missing: expected the 24 LEDES 1998B field names");
            return;
        }
        if (names.equals(Ledes.HEADER_LINE)) {
            return;
        }
        if (!names.endsWith("[]")) {
            problems.add(2, null, "does not end with []");
            return;
        }
        String[] given = names.substring(0, names.length() - 2).split("\\|", -1);
        if (given.length != Ledes.FIELDS.size()) {
            problems.add(2, null, "has " + given.length + " field names, expected 24");
            return;
        }
        for (int f = 0; f < given.length; f++) {
            if (!given[f].trim().equals(Ledes.FIELDS.get(f))) {
                problems.add(2, Ledes.FIELDS.get(f), "is named '" + shorten(given[f]) + "' in field " + (f + 1));
            }
        }
    }

    private void readDataLine(int line, String text) {
        if (text.isEmpty()) {
            problems.add(line, null, "is empty; line items follow one another without blank lines");
            return;
        }
        if (!text.endsWith("[]")) {
            problems.add(line, null, "does not end with []");
            sumComplete = false;
            return;
        }
        String[] values = text.substring(0, text.length() - 2).split("\\|", -1);
        if (values.length != Ledes.FIELDS.size()) {
            problems.add(line, null, "has " + values.length + " fields, expected 24");
            sumComplete = false;
            return;
        }
        lineCount++;
        BigDecimal total = LedesLineCheck.check(line, values, problems);
        if (!ofTheSameInvoice(line, values)) {
            return; // another invoice's line: said once, and kept out of this invoice's sum and line numbers
        }
        if (total == null) {
            sumComplete = false;
        } else {
            sum = sum.add(total);
        }
        checkLineItemNumber(line, values[LINE_ITEM_NUMBER].trim());
    }

    /** One invoice per upload, its own fields repeating unchanged on every line; false for another invoice's line. */
    private boolean ofTheSameInvoice(int line, String[] values) {
        if (invoice == null) {
            invoice = values;
            invoiceLine = line;
            checkBillingPeriod();
            return true;
        }
        String number = values[INVOICE_NUMBER].trim();
        if (!number.equals(invoice[INVOICE_NUMBER].trim())) {
            problems.add(line, LedesLineCheck.name(INVOICE_NUMBER), "'" + shorten(number) + "' differs from '"
                    + invoice[INVOICE_NUMBER].trim() + "' on line " + invoiceLine + ": upload one invoice at a time");
            return false;
        }
        for (int f : INVOICE_FIELDS) {
            String want = invoice[f].trim();
            String got = values[f].trim();
            if (!want.equals(got)) {
                problems.add(line, LedesLineCheck.name(f), "'" + shorten(got) + "' differs from '" + shorten(want)
                        + "' on line " + invoiceLine + "; an invoice's fields repeat unchanged on each of its lines");
            }
        }
        return true;
    }

    /** Said once, on the invoice's first line, as the dates repeat on every line. */
    private void checkBillingPeriod() {
        LocalDate start = LedesLineCheck.date(invoice[BILLING_START_DATE]);
        LocalDate end = LedesLineCheck.date(invoice[BILLING_END_DATE]);
        if (start != null && end != null && start.isAfter(end)) {
            problems.add(invoiceLine, LedesLineCheck.name(BILLING_START_DATE), invoice[BILLING_START_DATE].trim()
                    + " is after BILLING_END_DATE " + invoice[BILLING_END_DATE].trim());
        }
    }

    private void checkLineItemNumber(int line, String number) {
        if (number.isEmpty()) {
            return;
        }
        Integer first = lineItemNumbers.putIfAbsent(number, line);
        if (first != null) {
            problems.add(line, LedesLineCheck.name(LINE_ITEM_NUMBER), "'" + number + "' is already used on line " + first);
        }
    }

    /** INVOICE_TOTAL = the sum of the line totals, compared only when every line total could be read. */
    private void checkInvoiceTotal() {
        if (invoice == null || !sumComplete) {
            return;
        }
        BigDecimal stated = LedesLineCheck.amount(invoice[INVOICE_TOTAL]);
        if (stated != null && !LedesLineCheck.sameCents(stated, sum)) {
            problems.add(invoiceLine, LedesLineCheck.name(INVOICE_TOTAL), stated.toPlainString()
                    + " is not the sum of the line totals, " + LedesLineCheck.cents(sum).toPlainString());
        }
    }

    private LedesUpload upload() {
        BigDecimal total = LedesLineCheck.amount(invoice[INVOICE_TOTAL]);
        return new LedesUpload(invoice[INVOICE_NUMBER].trim(), invoice[LedesLineCheck.LAW_FIRM_ID].trim(),
                invoice[LedesLineCheck.CLIENT_ID].trim(), invoice[LedesLineCheck.LAW_FIRM_MATTER_ID].trim(),
                blankToNull(invoice[LedesLineCheck.CLIENT_MATTER_ID]), LedesLineCheck.date(invoice[INVOICE_DATE]),
                money(total), lineCount);
    }

    /** Two decimals, or up to the four LEDES allows when they are used: 1250. → 1250.00, 455.5200 → 455.52. */
    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()));
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.trim();
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
