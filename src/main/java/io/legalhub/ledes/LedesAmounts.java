package io.legalhub.ledes;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amount syntax and arithmetic for LEDES. The spec example writes {@code 630}, {@code 289.5} and
 * {@code 1250.}, so a trailing point is legal; there is no currency sign, thousands separator or exponent.
 */
final class LedesAmounts {

    /** Differences below one cent are rounding, not a wrong total: no source states a rounding rule. */
    static final BigDecimal ONE_CENT = new BigDecimal("0.01");

    static final int MAX_DECIMALS = 4;

    private LedesAmounts() {
    }

    /** Why the text is not a LEDES amount, or null when it is one. Hand-written for speed on big files. */
    static String problem(String text, int maxIntegerDigits) {
        int i = 0;
        int n = text.length();
        if (n > 0 && text.charAt(0) == '-') {
            i = 1;
        }
        int integerStart = i;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
        }
        int integerDigits = i - integerStart;
        int decimals = 0;
        if (i < n && text.charAt(i) == '.') {
            i++;
            int decimalStart = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            decimals = i - decimalStart;
        }
        if (integerDigits == 0 || i != n) {
            return "is not an amount: write digits with an optional leading minus and at most 4 decimals,"
                    + " without currency sign, spaces or thousands separators (e.g. 1350.00)";
        }
        if (decimals > MAX_DECIMALS) {
            return "has " + decimals + " decimals; at most " + MAX_DECIMALS + " are allowed";
        }
        if (integerDigits > maxIntegerDigits) {
            return "has " + integerDigits + " digits before the decimal point; at most " + maxIntegerDigits + " are allowed";
        }
        return null;
    }

    /** Parses text that {@link #problem} accepted (BigDecimal reads {@code 1250.} as 1250). */
    static BigDecimal parse(String text) {
        return new BigDecimal(text);
    }

    static boolean isZero(BigDecimal value) {
        return value.signum() == 0;
    }

    /** True when the two amounts differ by a cent or more. */
    static boolean differByACentOrMore(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(ONE_CENT) >= 0;
    }

    /** A computed amount for a message: at least 2 and at most 4 decimals, so 675 shows as 675.00. */
    static String show(BigDecimal computed) {
        BigDecimal shown = computed.scale() > MAX_DECIMALS ? computed.setScale(MAX_DECIMALS, RoundingMode.HALF_UP) : computed;
        shown = shown.stripTrailingZeros();
        if (shown.scale() < 2) {
            shown = shown.setScale(2, RoundingMode.UNNECESSARY);
        }
        return shown.toPlainString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
