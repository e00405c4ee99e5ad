package io.legalhub.ledes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks a LEDES 1998B file and reports every violation, not just the first, so a sender can fix
 * a file in one round. One pass over the lines plus one pass per invoice: linear in the file size.
 * Thread-safe: all state lives in the call.
 */
public class LedesValidator {

    private final UtbmsCodeList codes;

    /** With the shipped code list. */
    public LedesValidator() {
        this(new UtbmsCodeList());
    }

    public LedesValidator(UtbmsCodeList codes) {
        this.codes = codes;
    }

    public UtbmsCodeList codeList() {
        return codes;
    }

    /** A line with the wrong field count: its fields cannot be matched to names, so only its position is kept. */
    private record UnreadableLine(int lineNumber, int fieldCount, String invoiceHint, boolean ended) {
    }

    public LedesReport validate(String text) {
        Violations violations = new Violations();
        List<String> lines = text == null ? List.of() : PhysicalLines.of(text);
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        int first = 0;
        while (first < end && lines.get(first).isBlank()) {
            first++;
        }
        if (first == end) {
            violations.error(1, LedesViolation.FILE, null, "The file is empty; a LEDES 1998B file starts with the line "
                    + LedesFormat.VERSION_LINE);
            return new LedesReport(List.of(), violations.inLineOrder(), 0);
        }

        HeaderCheck.Outcome header = new HeaderCheck(violations).check(lines, first, end);
        if (header.stop()) {
            return new LedesReport(List.of(), violations.inLineOrder(), 0);
        }

        LineItemCheck lineCheck = new LineItemCheck(codes, violations);
        Map<String, List<ReadLine>> byInvoice = new LinkedHashMap<>();
        List<UnreadableLine> unreadable = new ArrayList<>();
        int dataLines = 0;
        for (int i = header.firstDataIndex(); i < end; i++) {
            int lineNumber = i + 1;
            String raw = lines.get(i);
            if (raw.isBlank()) {
                violations.error(lineNumber, LedesViolation.BLANK_LINE, null, "Line " + lineNumber
                        + " is blank; blank lines are allowed only at the end of the file");
                continue;
            }
            dataLines++;
            String stripped = PhysicalLines.stripTrailingBlanks(raw);
            boolean ended = stripped.endsWith(LedesFormat.RECORD_END);
            String[] fields = PhysicalLines.fields(ended ? stripped.substring(0, stripped.length() - 2) : raw);
            if (fields.length != LedesField.COUNT) {
                unreadable.add(new UnreadableLine(lineNumber, fields.length, fields.length > 1 ? fields[1] : null, ended));
                continue;
            }
            ReadLine line = new ReadLine(lineNumber, fields);
            if (!ended) {
                violations.error(lineNumber, LedesViolation.LINE_END, line.invoiceNumber(), lineEndMessage(lineNumber));
            }
            lineCheck.check(line);
            byInvoice.computeIfAbsent(line.invoiceNumber(), k -> new ArrayList<>()).add(line);
        }

        Map<String, List<Integer>> unreadableByInvoice = reportUnreadable(unreadable, byInvoice, violations);
        InvoiceCheck invoiceCheck = new InvoiceCheck(violations);
        byInvoice.forEach((number, invoiceLines) ->
                invoiceCheck.check(number, invoiceLines, unreadableByInvoice.getOrDefault(number, List.of())));

        if (dataLines == 0) {
            violations.error(header.firstDataIndex() + 1, LedesViolation.FILE, null,
                    "The file has no invoice lines after the field-name line");
        }
        return new LedesReport(toInvoices(byInvoice), violations.inLineOrder(), dataLines);
    }

    /**
     * Reported after the pass so each unreadable line can be attributed to an invoice seen on a readable
     * line (its second field is only a guess when a field is missing, so it is used only if it matches).
     */
    private static Map<String, List<Integer>> reportUnreadable(List<UnreadableLine> unreadable,
            Map<String, List<ReadLine>> byInvoice, Violations violations) {
        Map<String, List<Integer>> byInvoiceNumber = new LinkedHashMap<>();
        for (UnreadableLine line : unreadable) {
            String invoice = line.invoiceHint() != null && byInvoice.containsKey(line.invoiceHint()) ? line.invoiceHint() : null;
            if (!line.ended()) {
                violations.error(line.lineNumber(), LedesViolation.LINE_END, invoice, lineEndMessage(line.lineNumber()));
            }
            int found = line.fieldCount();
            violations.error(line.lineNumber(), LedesViolation.FIELD_COUNT, invoice, "Line " + line.lineNumber() + " has "
                    + found + " fields but a LEDES 1998B line has 24 (expected 23 | separators, found " + (found - 1)
                    + "); " + (found < LedesField.COUNT ? "a field is missing" : "there is an extra |")
                    + ", so the values cannot be matched to their field names and the line was not checked further");
            if (invoice != null) {
                byInvoiceNumber.computeIfAbsent(invoice, k -> new ArrayList<>()).add(line.lineNumber());
            }
        }
        return byInvoiceNumber;
    }

    private static String lineEndMessage(int lineNumber) {
        return "Line " + lineNumber + " does not end with []; every LEDES line after the first must end with []";
    }

    /** The invoice-level fields come from each invoice's first line, as the spec says only the first counts. */
    private static List<LedesInvoice> toInvoices(Map<String, List<ReadLine>> byInvoice) {
        List<LedesInvoice> invoices = new ArrayList<>(byInvoice.size());
        for (List<ReadLine> lines : byInvoice.values()) {
            ReadLine head = lines.get(0);
            List<LedesLineItem> items = new ArrayList<>(lines.size());
            for (ReadLine line : lines) {
                items.add(line.toLineItem());
            }
            invoices.add(new LedesInvoice(
                    head.text(LedesField.INVOICE_NUMBER),
                    head.date(LedesField.INVOICE_DATE),
                    head.text(LedesField.CLIENT_ID),
                    head.text(LedesField.LAW_FIRM_MATTER_ID),
                    head.amount(LedesField.INVOICE_TOTAL), head.text(LedesField.INVOICE_TOTAL),
                    head.date(LedesField.BILLING_START_DATE),
                    head.date(LedesField.BILLING_END_DATE),
                    head.text(LedesField.INVOICE_DESCRIPTION),
                    head.text(LedesField.LAW_FIRM_ID),
                    head.text(LedesField.CLIENT_MATTER_ID),
                    items));
        }
        return invoices;
    }
}
