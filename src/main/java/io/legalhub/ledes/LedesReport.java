package io.legalhub.ledes;

import java.util.List;
import java.util.Objects;

/**
 * The result of reading a LEDES file: every violation found, and the invoices as far as they could be read
 * (only trustworthy when {@link #valid()}).
 *
 * @param invoices   grouped by INVOICE_NUMBER, in order of first appearance, lines in file order
 * @param violations errors and warnings, in line order
 * @param lineItems  number of data lines in the file, including lines that could not be read
 */
public record LedesReport(List<LedesInvoice> invoices, List<LedesViolation> violations, int lineItems) {

    public LedesReport {
        invoices = List.copyOf(invoices);
        violations = List.copyOf(violations);
    }

    /** No errors (warnings allowed). */
    public boolean valid() {
        return errorCount() == 0;
    }

    public List<LedesViolation> errors() {
        return violations.stream().filter(LedesViolation::isError).toList();
    }

    public List<LedesViolation> warnings() {
        return violations.stream().filter(v -> !v.isError()).toList();
    }

    public int errorCount() {
        int count = 0;
        for (LedesViolation violation : violations) {
            count += violation.isError() ? 1 : 0;
        }
        return count;
    }

    public int warningCount() {
        return violations.size() - errorCount();
    }

    /** Violations on this invoice's lines plus those that concern the whole file. */
    public List<LedesViolation> violationsFor(String invoiceNumber) {
        return violations.stream()
                .filter(v -> v.invoiceNumber() == null || Objects.equals(v.invoiceNumber(), invoiceNumber))
                .toList();
    }

    /**
     * Whether this one invoice can go on although others in the same file cannot: no error on its lines and
     * no error about the file as a whole.
     */
    public boolean invoiceValid(String invoiceNumber) {
        return violationsFor(invoiceNumber).stream().noneMatch(LedesViolation::isError);
    }

    /** The invoices, or an exception listing every error (for routes that dead-letter invalid files). */
    public List<LedesInvoice> requireValid() {
        if (!valid()) {
            throw new LedesValidationException(this);
        }
        return invoices;
    }
}
