package io.legalhub.sandbox.systems;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The field checks of one LEDES 1998B data line as an e-billing platform makes them on receipt (FORMATS.md §1):
 * required values, readable dates and amounts, the line type, lengths, and
 * {@code LINE_ITEM_TOTAL = units × unit cost + adjustment} to the cent. UTBMS codes and timekeeper classes are not
 * checked: they are the client's billing guidelines, which its reviewers apply by approving or rejecting. Internal.
 */
final class LedesLineCheck {

    static final int INVOICE_DATE = 0;
    static final int INVOICE_NUMBER = 1;
    static final int CLIENT_ID = 2;
    static final int LAW_FIRM_MATTER_ID = 3;
    static final int INVOICE_TOTAL = 4;
    static final int BILLING_START_DATE = 5;
    static final int BILLING_END_DATE = 6;
    static final int LINE_ITEM_NUMBER = 8;
    static final int TYPE = 9;
    static final int UNITS = 10;
    static final int ADJUSTMENT = 11;
    static final int LINE_ITEM_TOTAL = 12;
    static final int LINE_ITEM_DATE = 13;
    static final int LAW_FIRM_ID = 19;
    static final int UNIT_COST = 20;
    static final int CLIENT_MATTER_ID = 23;

    /** The invoice's own fields, which repeat unchanged on each of its lines. */
    static final List<Integer> INVOICE_FIELDS = List.of(0, 1, 2, 3, 4, 5, 6, 7, LAW_FIRM_ID, CLIENT_MATTER_ID);

    private static final List<Integer> REQUIRED = List.of(INVOICE_DATE, INVOICE_NUMBER, CLIENT_ID, LAW_FIRM_MATTER_ID,
            INVOICE_TOTAL, BILLING_START_DATE, BILLING_END_DATE, LINE_ITEM_NUMBER, TYPE, LINE_ITEM_TOTAL, LINE_ITEM_DATE,
            LAW_FIRM_ID);
    private static final List<Integer> DATES = List.of(INVOICE_DATE, BILLING_START_DATE, BILLING_END_DATE, LINE_ITEM_DATE);
    /** Amount fields and their most integer digits (Lexitree's limits). */
    private static final Map<Integer, Integer> AMOUNTS = Map.of(INVOICE_TOTAL, 12, UNITS, 10, ADJUSTMENT, 10,
            LINE_ITEM_TOTAL, 10, UNIT_COST, 10);
    private static final Map<Integer, Integer> MAX_LENGTH = Map.ofEntries(Map.entry(INVOICE_NUMBER, 20),
            Map.entry(CLIENT_ID, 20), Map.entry(LAW_FIRM_MATTER_ID, 20), Map.entry(LINE_ITEM_NUMBER, 20),
            Map.entry(14, 20), Map.entry(15, 20), Map.entry(16, 20), Map.entry(17, 20), Map.entry(LAW_FIRM_ID, 20),
            Map.entry(21, 30), Map.entry(CLIENT_MATTER_ID, 20));
    private static final List<String> TYPES = List.of("F", "E", "IF", "IE");
    private static final DateTimeFormatter CCYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    // the spec's own example writes 630, 289.5 and 1250. — all readable
    private static final Pattern AMOUNT = Pattern.compile("-?(\\d+)(\\.\\d{0,4})?");

    private final int line;
    private final String[] values;
    private final LedesProblems problems;
    private boolean totalReadable = true;

    private LedesLineCheck(int line, String[] values, LedesProblems problems) {
        this.line = line;
        this.values = values;
        this.problems = problems;
    }

    /**
     * Checks the 24 values of one data line and answers its LINE_ITEM_TOTAL, or null when that is unreadable
     * (so the invoice total is not compared against a sum that would only repeat this line's problem).
     */
    static BigDecimal check(int line, String[] values, LedesProblems problems) {
        LedesLineCheck c = new LedesLineCheck(line, values, problems);
        c.checkValues();
        c.checkArithmetic();
        return c.totalReadable ? amount(values[LINE_ITEM_TOTAL]) : null;
    }

    static String name(int field) {
        return Ledes.FIELDS.get(field);
    }

    private void problem(int field, String message) {
        problems.add(line, name(field), message);
    }

    private String value(int field) {
        return values[field].trim();
    }

    private void checkValues() {
        for (int f : REQUIRED) {
            if (value(f).isEmpty()) {
                problem(f, "is required");
            }
        }
        for (int f : DATES) {
            String v = value(f);
            if (!v.isEmpty() && date(v) == null) {
                problem(f, "'" + v + "' is not a date CCYYMMDD");
            }
        }
        AMOUNTS.forEach((f, digits) -> {
            String v = value(f);
            if (!v.isEmpty() && !readableAmount(v, digits)) {
                problem(f, "'" + v + "' is not an amount (optional '-', at most " + digits
                        + " digits, optional '.' and at most 4 decimals; no currency sign or separators)");
                if (f == LINE_ITEM_TOTAL) {
                    totalReadable = false;
                }
            }
        });
        if (value(LINE_ITEM_TOTAL).isEmpty()) {
            totalReadable = false;
        }
        MAX_LENGTH.forEach((f, max) -> {
            if (value(f).length() > max) {
                problem(f, "is " + value(f).length() + " characters long, at most " + max + " allowed");
            }
        });
        String type = value(TYPE).toUpperCase(Locale.ROOT);
        if (!type.isEmpty() && !TYPES.contains(type)) {
            problem(TYPE, "'" + value(TYPE) + "' must be F (fee), E (expense), IF or IE (invoice-level adjustments)");
        }
        if (type.equals("F") || type.equals("E")) {
            for (int f : List.of(UNITS, UNIT_COST)) {
                BigDecimal v = amount(value(f));
                if (value(f).isEmpty() || (v != null && v.signum() == 0)) {
                    problem(f, "is required (and not 0) on " + type + " lines");
                }
            }
        }
    }

    /** LINE_ITEM_TOTAL = units × unit cost + adjustment, empty values counting as 0, compared to the cent. */
    private void checkArithmetic() {
        BigDecimal units = amountOrZero(UNITS);
        BigDecimal cost = amountOrZero(UNIT_COST);
        BigDecimal adjustment = amountOrZero(ADJUSTMENT);
        BigDecimal total = amount(value(LINE_ITEM_TOTAL));
        if (units == null || cost == null || adjustment == null || total == null || !totalReadable) {
            return;
        }
        BigDecimal expected = units.multiply(cost).add(adjustment);
        if (!sameCents(expected, total)) {
            problem(LINE_ITEM_TOTAL, total.toPlainString() + " is not units × unit cost + adjustment = "
                    + units.toPlainString() + " × " + cost.toPlainString() + " + " + adjustment.toPlainString() + " = "
                    + cents(expected).toPlainString());
        }
    }

    private BigDecimal amountOrZero(int field) {
        return value(field).isEmpty() ? BigDecimal.ZERO : amount(value(field));
    }

    private static boolean readableAmount(String v, int maxDigits) {
        var m = AMOUNT.matcher(v);
        return m.matches() && m.group(1).length() <= maxDigits;
    }

    /** The amount, or null when it is not one. */
    static BigDecimal amount(String v) {
        if (v == null || !AMOUNT.matcher(v.trim()).matches()) {
            return null;
        }
        String t = v.trim();
        return new BigDecimal(t.endsWith(".") ? t.substring(0, t.length() - 1) : t);
    }

    static LocalDate date(String v) {
        try {
            return LocalDate.parse(v.trim(), CCYYMMDD);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // no source states a rounding rule; like the hub, the platform compares to the cent
    static boolean sameCents(BigDecimal a, BigDecimal b) {
        return cents(a).compareTo(cents(b)) == 0;
    }

    static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
