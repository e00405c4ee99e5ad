package io.legalhub.ledes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A data line with 24 fields and what could be read from it. {@link #faulty} lists the fields that already
 * have an error, so later checks (arithmetic, cross-line consistency) skip them instead of reporting the
 * same mistake again in other words.
 */
final class ReadLine {

    final int lineNumber;
    final String[] fields;
    final Set<LedesField> faulty = EnumSet.noneOf(LedesField.class);
    final LocalDate[] dates = new LocalDate[LedesField.COUNT];
    final BigDecimal[] amounts = new BigDecimal[LedesField.COUNT];
    LineItemType type;

    ReadLine(int lineNumber, String[] fields) {
        this.lineNumber = lineNumber;
        this.fields = fields;
    }

    String raw(LedesField field) {
        return fields[field.index()];
    }

    /** The field's text, or null when the field is empty. */
    String text(LedesField field) {
        String raw = fields[field.index()];
        return raw.isEmpty() ? null : raw;
    }

    boolean isBlank(LedesField field) {
        return fields[field.index()].isBlank();
    }

    boolean usable(LedesField field) {
        return !faulty.contains(field);
    }

    LocalDate date(LedesField field) {
        return dates[field.index()];
    }

    BigDecimal amount(LedesField field) {
        return amounts[field.index()];
    }

    String invoiceNumber() {
        return fields[LedesField.INVOICE_NUMBER.index()];
    }

    LedesLineItem toLineItem() {
        return new LedesLineItem(
                text(LedesField.LINE_ITEM_NUMBER),
                type,
                amount(LedesField.LINE_ITEM_NUMBER_OF_UNITS), text(LedesField.LINE_ITEM_NUMBER_OF_UNITS),
                amount(LedesField.LINE_ITEM_ADJUSTMENT_AMOUNT), text(LedesField.LINE_ITEM_ADJUSTMENT_AMOUNT),
                amount(LedesField.LINE_ITEM_TOTAL), text(LedesField.LINE_ITEM_TOTAL),
                date(LedesField.LINE_ITEM_DATE),
                text(LedesField.LINE_ITEM_TASK_CODE),
                text(LedesField.LINE_ITEM_EXPENSE_CODE),
                text(LedesField.LINE_ITEM_ACTIVITY_CODE),
                text(LedesField.TIMEKEEPER_ID),
                text(LedesField.LINE_ITEM_DESCRIPTION),
                amount(LedesField.LINE_ITEM_UNIT_COST), text(LedesField.LINE_ITEM_UNIT_COST),
                text(LedesField.TIMEKEEPER_NAME),
                text(LedesField.TIMEKEEPER_CLASSIFICATION));
    }
}
