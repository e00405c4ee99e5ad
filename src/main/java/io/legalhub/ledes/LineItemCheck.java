package io.legalhub.ledes;

import static io.legalhub.ledes.LedesField.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Checks one data line on its own: each field's syntax, the rules that depend on the line type, the
 * hub's code rules and the line arithmetic. Rules that need the other lines of the invoice live in
 * {@link InvoiceCheck}.
 */
final class LineItemCheck {

    private final UtbmsCodeList codes;
    private final Violations violations;

    LineItemCheck(UtbmsCodeList codes, Violations violations) {
        this.codes = codes;
        this.violations = violations;
    }

    void check(ReadLine line) {
        for (LedesField field : LedesField.inFileOrder()) {
            checkField(line, field);
        }
        checkInvoiceNumberCharacters(line);
        checkUnitsAndCost(line);
        checkRequiredCodes(line);
        checkCode(line, LINE_ITEM_TASK_CODE, UtbmsCode.Kind.TASK);
        checkCode(line, LINE_ITEM_ACTIVITY_CODE, UtbmsCode.Kind.ACTIVITY);
        checkCode(line, LINE_ITEM_EXPENSE_CODE, UtbmsCode.Kind.EXPENSE);
        checkTimekeeperClassification(line);
        checkBillingPeriod(line);
        checkLineTotal(line);
    }

    private void checkField(ReadLine line, LedesField field) {
        String raw = line.raw(field);
        if (raw.contains(LedesFormat.RECORD_END)) {
            error(line, field, field.ledesName() + " " + Shown.value(raw)
                    + " contains [], which marks the end of a LEDES record and cannot appear inside a field");
            return;
        }
        if (raw.isBlank()) {
            if (field.required()) {
                error(line, field, field.ledesName() + " is required but is " + (raw.isEmpty() ? "empty" : "only spaces"));
            }
            return;
        }
        switch (field.kind()) {
            case DATE -> {
                String problem = LedesDates.problem(raw);
                if (problem == null) {
                    line.dates[field.index()] = LedesDates.parseOrNull(raw);
                } else {
                    error(line, field, field.ledesName() + " " + Shown.value(raw) + " " + problem);
                }
            }
            case AMOUNT -> {
                String problem = LedesAmounts.problem(raw, field.limit());
                if (problem == null) {
                    line.amounts[field.index()] = LedesAmounts.parse(raw);
                } else {
                    error(line, field, field.ledesName() + " " + Shown.value(raw) + " " + problem);
                }
            }
            case TYPE -> {
                Optional<LineItemType> type = LineItemType.fromCode(raw);
                if (type.isPresent()) {
                    line.type = type.get();
                } else {
                    error(line, field, field.ledesName() + " " + Shown.value(raw) + " is not a line type; use F (fee), E (expense),"
                            + " IF (invoice-level fee adjustment) or IE (invoice-level expense adjustment)");
                }
            }
            case TEXT -> {
                if (field.limit() > 0 && raw.length() > field.limit()) {
                    int length = raw.codePointCount(0, raw.length());
                    if (length > field.limit()) {
                        error(line, field, field.ledesName() + " " + Shown.value(raw) + " is " + length
                                + " characters long; at most " + field.limit() + " are allowed");
                    }
                }
            }
        }
    }

    /**
     * Lexitree allows only letters and digits; ledes-parser also allows '-'. A dash is only warned about,
     * because a client whose system follows the stricter reading may still reject the invoice.
     */
    private void checkInvoiceNumberCharacters(ReadLine line) {
        String number = line.raw(INVOICE_NUMBER);
        if (!line.usable(INVOICE_NUMBER) || number.isBlank()) {
            return;
        }
        StringBuilder bad = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            boolean letterOrDigit = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (c == '-') {
                dash = true;
            } else if (!letterOrDigit && bad.indexOf("'" + c + "'") < 0) {
                bad.append(bad.isEmpty() ? "" : ", ").append('\'').append(c).append('\'');
            }
        }
        if (!bad.isEmpty()) {
            error(line, INVOICE_NUMBER, "INVOICE_NUMBER " + Shown.value(number) + " contains " + bad
                    + "; an invoice number may contain only letters A-Z and digits 0-9");
        } else if (dash) {
            warning(line, INVOICE_NUMBER, "INVOICE_NUMBER " + number + " contains '-'; LEDES 1998B asks for letters and digits"
                    + " only, and some clients' e-billing systems reject dashes");
        }
    }

    /** F and E lines bill units at a cost; only IF/IE adjustments may leave units and unit cost empty. */
    private void checkUnitsAndCost(ReadLine line) {
        if (line.type == null || line.type.isInvoiceLevelAdjustment()) {
            return;
        }
        for (LedesField field : List.of(LINE_ITEM_NUMBER_OF_UNITS, LINE_ITEM_UNIT_COST)) {
            String what = line.type.description() + " (" + line.type.code() + ") lines";
            if (line.isBlank(field) && line.usable(field)) {
                error(line, field, field.ledesName() + " is required on " + what + " but is empty");
            } else if (line.amount(field) != null && LedesAmounts.isZero(line.amount(field))) {
                error(line, field, field.ledesName() + " is " + line.raw(field) + "; " + what + " need a value other than 0");
            }
        }
    }

    /** The hub's billing-guideline rule (the spec itself leaves codes optional). */
    private void checkRequiredCodes(ReadLine line) {
        if (line.type == LineItemType.FEE) {
            requireCode(line, LINE_ITEM_TASK_CODE, "a UTBMS task code");
            requireCode(line, LINE_ITEM_ACTIVITY_CODE, "a UTBMS activity code");
        } else if (line.type == LineItemType.EXPENSE) {
            requireCode(line, LINE_ITEM_EXPENSE_CODE, "a UTBMS expense code");
        }
    }

    private void requireCode(ReadLine line, LedesField field, String what) {
        if (line.isBlank(field) && line.usable(field)) {
            error(line, field, field.ledesName() + " is empty; the hub's billing rules require " + what + " on "
                    + line.type.description() + " (" + line.type.code() + ") lines");
        }
    }

    private void checkCode(ReadLine line, LedesField field, UtbmsCode.Kind expected) {
        String code = line.raw(field);
        if (code.isBlank() || !line.usable(field)) {
            return;
        }
        List<UtbmsCode> entries = codes.lookup(code);
        for (UtbmsCode entry : entries) {
            if (entry.kind() == expected) {
                return;
            }
        }
        if (entries.isEmpty()) {
            error(line, field, field.ledesName() + " " + Shown.value(code) + " is not a known UTBMS " + expected.words());
            return;
        }
        UtbmsCode other = entries.get(0);
        String where = other.kind().field() != field && other.kind() != UtbmsCode.Kind.LEGACY_TIMEKEEPER
                ? "; it belongs in " + other.kind().field().ledesName() : "";
        error(line, field, field.ledesName() + " " + code + " is " + Shown.withArticle(other.kind().words()) + " ("
                + other.label() + "), not " + Shown.withArticle(expected.words()) + where);
    }

    /**
     * Current codes pass; the old 2-letter codes are still sent by e-billing vendors, so they only warn
     * (never reject); anything else is an error.
     */
    private void checkTimekeeperClassification(ReadLine line) {
        String code = line.raw(TIMEKEEPER_CLASSIFICATION);
        if (code.isBlank() || !line.usable(TIMEKEEPER_CLASSIFICATION)) {
            return;
        }
        if (codes.find(code, UtbmsCode.Kind.TIMEKEEPER).isPresent()) {
            return;
        }
        Optional<UtbmsCode> legacy = codes.find(code, UtbmsCode.Kind.LEGACY_TIMEKEEPER);
        if (legacy.isPresent()) {
            String instead = codes.currentEquivalentOf(legacy.get())
                    .map(current -> "the current LEDES code is " + current.code())
                    .orElse("please move to a current 6-letter LEDES classification");
            warning(line, TIMEKEEPER_CLASSIFICATION, "TIMEKEEPER_CLASSIFICATION " + code + " is an old 2-letter code ("
                    + legacy.get().label() + "); it is accepted, but " + instead);
            return;
        }
        List<UtbmsCode> other = codes.lookup(code);
        String what = other.isEmpty() ? "" : " (it is " + Shown.withArticle(other.get(0).kind().words()) + ")";
        error(line, TIMEKEEPER_CLASSIFICATION, "TIMEKEEPER_CLASSIFICATION " + Shown.value(code)
                + " is not a LEDES timekeeper classification" + what + "; use a code such as PARTNR, ASSOC or PARALG");
    }

    private void checkBillingPeriod(ReadLine line) {
        LocalDate start = line.date(BILLING_START_DATE);
        LocalDate end = line.date(BILLING_END_DATE);
        if (start == null || end == null) {
            return;
        }
        if (start.isAfter(end)) {
            error(line, BILLING_START_DATE, "BILLING_START_DATE " + line.raw(BILLING_START_DATE) + " is after BILLING_END_DATE "
                    + line.raw(BILLING_END_DATE) + "; the billing period must start on or before its last day");
            return;
        }
        // Invoice-level adjustments are dated when they are granted, often on the invoice date after the period.
        LocalDate date = line.date(LINE_ITEM_DATE);
        if (date != null && line.type != null && !line.type.isInvoiceLevelAdjustment()
                && (date.isBefore(start) || date.isAfter(end))) {
            warning(line, LINE_ITEM_DATE, "LINE_ITEM_DATE " + line.raw(LINE_ITEM_DATE) + " is outside the billing period "
                    + line.raw(BILLING_START_DATE) + " to " + line.raw(BILLING_END_DATE));
        }
    }

    /** LINE_ITEM_TOTAL = units × unit cost + adjustment, empty counting as 0; compared to the cent. */
    private void checkLineTotal(ReadLine line) {
        BigDecimal total = line.amount(LINE_ITEM_TOTAL);
        if (total == null || !line.usable(LINE_ITEM_NUMBER_OF_UNITS) || !line.usable(LINE_ITEM_UNIT_COST)
                || !line.usable(LINE_ITEM_ADJUSTMENT_AMOUNT)) {
            return;
        }
        BigDecimal units = orZero(line.amount(LINE_ITEM_NUMBER_OF_UNITS));
        BigDecimal cost = orZero(line.amount(LINE_ITEM_UNIT_COST));
        BigDecimal adjustment = orZero(line.amount(LINE_ITEM_ADJUSTMENT_AMOUNT));
        BigDecimal expected = units.multiply(cost).add(adjustment);
        if (LedesAmounts.differByACentOrMore(total, expected)) {
            error(line, LINE_ITEM_TOTAL, "LINE_ITEM_TOTAL " + line.raw(LINE_ITEM_TOTAL) + " does not equal units "
                    + operand(line, LINE_ITEM_NUMBER_OF_UNITS) + " × unit cost " + operand(line, LINE_ITEM_UNIT_COST)
                    + " + adjustment " + operand(line, LINE_ITEM_ADJUSTMENT_AMOUNT) + " = " + LedesAmounts.show(expected));
        }
    }

    private static String operand(ReadLine line, LedesField field) {
        return line.isBlank(field) ? "empty (0)" : line.raw(field);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private void error(ReadLine line, LedesField field, String message) {
        line.faulty.add(field);
        violations.error(line.lineNumber, field.ledesName(), line.invoiceNumber(), message);
    }

    private void warning(ReadLine line, LedesField field, String message) {
        violations.warning(line.lineNumber, field.ledesName(), line.invoiceNumber(), message);
    }
}
