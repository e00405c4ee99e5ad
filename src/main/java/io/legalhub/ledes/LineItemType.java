package io.legalhub.ledes;

import java.util.Locale;
import java.util.Optional;

/** EXP/FEE/INV_ADJ_TYPE. The code is what the file carries, the canonical name what the hub's JSON carries. */
public enum LineItemType {
    FEE("F", "fee", "fee"),
    EXPENSE("E", "expense", "expense"),
    FEE_ADJUSTMENT("IF", "fee-adjustment", "invoice-level fee adjustment"),
    EXPENSE_ADJUSTMENT("IE", "expense-adjustment", "invoice-level expense adjustment");

    private final String code;
    private final String canonicalName;
    private final String description;

    LineItemType(String code, String canonicalName, String description) {
        this.code = code;
        this.canonicalName = canonicalName;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String canonicalName() {
        return canonicalName;
    }

    /** Words for messages, e.g. "fee". */
    public String description() {
        return description;
    }

    /** F and E lines bill work or cost, so they need units and a unit cost; IF/IE only move the total. */
    public boolean isInvoiceLevelAdjustment() {
        return this == FEE_ADJUSTMENT || this == EXPENSE_ADJUSTMENT;
    }

    /** Case-insensitive, as ledes-parser reads it; empty when the text is not one of the four codes. */
    public static Optional<LineItemType> fromCode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        for (LineItemType type : values()) {
            if (type.code.equals(upper)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static Optional<LineItemType> fromCanonicalName(String name) {
        for (LineItemType type : values()) {
            if (type.canonicalName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
