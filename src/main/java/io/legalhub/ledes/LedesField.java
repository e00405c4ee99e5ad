package io.legalhub.ledes;

import java.util.Arrays;
import java.util.List;

/**
 * The 24 fields of a LEDES 1998B line, in file order (the enum order is the column order), with the
 * limits the spec table and the Lexitree validator give them. Keeping the rules in one table means the
 * validator, the writer and the header check cannot disagree about what a column is.
 */
public enum LedesField {
    INVOICE_DATE("INVOICE_DATE", Kind.DATE, 0, true, true),
    INVOICE_NUMBER("INVOICE_NUMBER", Kind.TEXT, 20, true, true),
    CLIENT_ID("CLIENT_ID", Kind.TEXT, 20, true, true),
    LAW_FIRM_MATTER_ID("LAW_FIRM_MATTER_ID", Kind.TEXT, 20, true, true),
    /** Currency * 12.4: up to 12 digits before the point. */
    INVOICE_TOTAL("INVOICE_TOTAL", Kind.AMOUNT, 12, true, true),
    BILLING_START_DATE("BILLING_START_DATE", Kind.DATE, 0, true, true),
    BILLING_END_DATE("BILLING_END_DATE", Kind.DATE, 0, true, true),
    INVOICE_DESCRIPTION("INVOICE_DESCRIPTION", Kind.TEXT, LedesField.DESCRIPTION_MAX, false, true),
    LINE_ITEM_NUMBER("LINE_ITEM_NUMBER", Kind.TEXT, 20, true, false),
    TYPE("EXP/FEE/INV_ADJ_TYPE", Kind.TYPE, 2, true, false),
    /** Required on F and E lines only; checked by line type, not here. */
    LINE_ITEM_NUMBER_OF_UNITS("LINE_ITEM_NUMBER_OF_UNITS", Kind.AMOUNT, 10, false, false),
    LINE_ITEM_ADJUSTMENT_AMOUNT("LINE_ITEM_ADJUSTMENT_AMOUNT", Kind.AMOUNT, 10, false, false),
    LINE_ITEM_TOTAL("LINE_ITEM_TOTAL", Kind.AMOUNT, 10, true, false),
    LINE_ITEM_DATE("LINE_ITEM_DATE", Kind.DATE, 0, true, false),
    LINE_ITEM_TASK_CODE("LINE_ITEM_TASK_CODE", Kind.TEXT, 20, false, false),
    LINE_ITEM_EXPENSE_CODE("LINE_ITEM_EXPENSE_CODE", Kind.TEXT, 20, false, false),
    LINE_ITEM_ACTIVITY_CODE("LINE_ITEM_ACTIVITY_CODE", Kind.TEXT, 20, false, false),
    TIMEKEEPER_ID("TIMEKEEPER_ID", Kind.TEXT, 20, false, false),
    LINE_ITEM_DESCRIPTION("LINE_ITEM_DESCRIPTION", Kind.TEXT, LedesField.DESCRIPTION_MAX, false, false),
    LAW_FIRM_ID("LAW_FIRM_ID", Kind.TEXT, 20, true, true),
    /** Required on F and E lines only; checked by line type, not here. */
    LINE_ITEM_UNIT_COST("LINE_ITEM_UNIT_COST", Kind.AMOUNT, 10, false, false),
    TIMEKEEPER_NAME("TIMEKEEPER_NAME", Kind.TEXT, 30, false, false),
    /** Checked against the code list rather than by length. */
    TIMEKEEPER_CLASSIFICATION("TIMEKEEPER_CLASSIFICATION", Kind.TEXT, 0, false, false),
    CLIENT_MATTER_ID("CLIENT_MATTER_ID", Kind.TEXT, 20, false, true);

    /** What a column holds, which decides how it is checked. */
    public enum Kind { TEXT, DATE, AMOUNT, TYPE }

    /** The spec allows 15 KB of description; we count characters, the unit a user can see. */
    static final int DESCRIPTION_MAX = 15_000;

    /** Fields per line in LEDES 1998B. */
    public static final int COUNT = 24;

    private static final List<LedesField> ALL = List.of(values());
    private static final List<String> NAMES = Arrays.stream(values()).map(LedesField::ledesName).toList();

    private final String ledesName;
    private final Kind kind;
    private final int limit;
    private final boolean required;
    private final boolean invoiceLevel;

    LedesField(String ledesName, Kind kind, int limit, boolean required, boolean invoiceLevel) {
        this.ledesName = ledesName;
        this.kind = kind;
        this.limit = limit;
        this.required = required;
        this.invoiceLevel = invoiceLevel;
    }

    /** The name as it appears in the header line and in violations, e.g. {@code EXP/FEE/INV_ADJ_TYPE}. */
    public String ledesName() {
        return ledesName;
    }

    public Kind kind() {
        return kind;
    }

    /** For text: maximum characters (0 = no limit). For amounts: maximum digits before the decimal point. */
    public int limit() {
        return limit;
    }

    /** Required on every line, whatever its type. */
    public boolean required() {
        return required;
    }

    /** Describes the invoice, so it repeats on every line of that invoice. */
    public boolean invoiceLevel() {
        return invoiceLevel;
    }

    /** Column position, 0-based. */
    public int index() {
        return ordinal();
    }

    public static List<LedesField> inFileOrder() {
        return ALL;
    }

    /** The 24 header names in order. */
    public static List<String> headerNames() {
        return NAMES;
    }
}
