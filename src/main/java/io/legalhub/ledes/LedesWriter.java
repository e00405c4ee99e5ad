package io.legalhub.ledes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes LEDES 1998B text: {@code LEDES1998B[]}, the field-name line, then one line per line item with the
 * invoice-level fields repeated, each ending {@code []}. Lines end with LF by default: the spec allows LF or
 * CRLF and every reader we know accepts both; pass {@code "\r\n"} for systems that insist on CRLF.
 * Amounts are written exactly as the model carries them, dates as CCYYMMDD.
 */
public class LedesWriter {

    public static final String LF = "\n";
    public static final String CRLF = "\r\n";

    private final String lineEnding;
    private final CanonicalInvoiceMapper canonical;

    public LedesWriter() {
        this(LF, new CanonicalInvoiceMapper());
    }

    public LedesWriter(String lineEnding, CanonicalInvoiceMapper canonical) {
        if (!LF.equals(lineEnding) && !CRLF.equals(lineEnding)) {
            throw new IllegalArgumentException("line ending must be LF or CRLF");
        }
        this.lineEnding = lineEnding;
        this.canonical = canonical;
    }

    /**
     * @throws IllegalArgumentException when an invoice has no lines or a text field holds {@code |} or
     *                                  {@code []}, which LEDES cannot carry
     */
    public String write(List<LedesInvoice> invoices) {
        StringBuilder out = new StringBuilder(256 + invoices.size() * 512);
        out.append(LedesFormat.VERSION_LINE).append(lineEnding);
        out.append(LedesFormat.HEADER_LINE).append(lineEnding);
        for (LedesInvoice invoice : invoices) {
            if (invoice.lines().isEmpty()) {
                throw new IllegalArgumentException("invoice " + invoice.invoiceNumber()
                        + " has no line items; LEDES 1998B carries an invoice only as its line items");
            }
            for (LedesLineItem line : invoice.lines()) {
                writeLine(out, invoice, line);
            }
        }
        return out.toString();
    }

    public String write(LedesInvoice invoice) {
        return write(List.of(invoice));
    }

    /** From canonical invoice JSON (see {@code mappings/canonical/invoice.schema.json}). */
    public String writeCanonical(List<? extends JsonNode> invoices) {
        return write(invoices.stream().map(canonical::fromCanonical).toList());
    }

    public String writeCanonical(JsonNode invoice) {
        return writeCanonical(List.of(invoice));
    }

    private void writeLine(StringBuilder out, LedesInvoice invoice, LedesLineItem line) {
        String type = line.type() == null ? "" : line.type().code();
        String[] fields = {
                date(invoice.invoiceDate()),
                invoice.invoiceNumber(),
                invoice.clientId(),
                invoice.lawFirmMatterId(),
                amount(invoice.total(), invoice.totalAsWritten()),
                date(invoice.billingStartDate()),
                date(invoice.billingEndDate()),
                invoice.description(),
                line.lineItemNumber(),
                type,
                amount(line.units(), line.unitsAsWritten()),
                amount(line.adjustmentAmount(), line.adjustmentAmountAsWritten()),
                amount(line.total(), line.totalAsWritten()),
                date(line.date()),
                line.taskCode(),
                line.expenseCode(),
                line.activityCode(),
                line.timekeeperId(),
                line.description(),
                invoice.lawFirmId(),
                amount(line.unitCost(), line.unitCostAsWritten()),
                line.timekeeperName(),
                line.timekeeperClassification(),
                invoice.clientMatterId(),
        };
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(LedesFormat.FIELD_SEPARATOR);
            }
            out.append(text(fields[i], invoice, line, LedesField.inFileOrder().get(i)));
        }
        out.append(LedesFormat.RECORD_END).append(lineEnding);
    }

    /**
     * A LEDES line cannot hold a line break: narratives written on several lines become one line, as billing
     * systems do on export. A {@code |} or {@code []} would change the meaning of the line, so it is refused.
     */
    private static String text(String value, LedesInvoice invoice, LedesLineItem line, LedesField field) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (value.indexOf(LedesFormat.FIELD_SEPARATOR) >= 0 || value.contains(LedesFormat.RECORD_END)) {
            throw new IllegalArgumentException("invoice " + invoice.invoiceNumber() + ", line item " + line.lineItemNumber()
                    + ": " + field.ledesName() + " contains | or [], which a LEDES 1998B file cannot carry");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return value.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        }
        return value;
    }

    private static String date(LocalDate date) {
        return date == null ? "" : LedesDates.format(date);
    }

    private static String amount(BigDecimal value, String written) {
        if (written != null) {
            return written;
        }
        return value == null ? "" : value.toPlainString();
    }
}
