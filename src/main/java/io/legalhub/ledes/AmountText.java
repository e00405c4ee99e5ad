package io.legalhub.ledes;

import java.math.BigDecimal;

/** Keeps an amount's value and its written form in step when a model record is built from only one of them. */
final class AmountText {

    private AmountText() {
    }

    /** Refuses a value and a written form that disagree, which would make the writer and the arithmetic differ. */
    static void requireSame(BigDecimal value, String written, String what) {
        if (value == null || written == null || written.isEmpty()) {
            return;
        }
        BigDecimal read = LedesAmounts.problem(written, Integer.MAX_VALUE) == null ? LedesAmounts.parse(written) : null;
        if (read != null && read.compareTo(value) != 0) {
            throw new IllegalArgumentException(what + ": value " + value.toPlainString() + " and written form '" + written + "' disagree");
        }
    }

    static String written(BigDecimal value, String written) {
        if (written != null && !written.isEmpty()) {
            return written;
        }
        return value == null ? null : value.toPlainString();
    }

    /** The value; null when there is none or the written form is not a number (an invalid file, parsed anyway). */
    static BigDecimal value(BigDecimal value, String written) {
        if (value != null || written == null) {
            return value;
        }
        return LedesAmounts.problem(written, Integer.MAX_VALUE) == null ? LedesAmounts.parse(written) : null;
    }
}
