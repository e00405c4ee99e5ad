package io.legalhub.production;

import java.util.Comparator;
import java.util.Optional;

/**
 * A Bates number: a prefix followed by a zero-padded page number, e.g. {@code GBX0000123} is prefix
 * {@code GBX}, number 123, width 7. The prefix is everything before the trailing digits, so
 * {@code ABC-000123} and {@code ABC0001.0002} parse too (prefixes {@code ABC-} and {@code ABC0001.}).
 * Numbers in different prefixes belong to different series: they are ordered by prefix but never
 * adjacent.
 *
 * @param prefix the text before the trailing digits (may be empty)
 * @param number the page number
 * @param width  how many digits were written (zero padding is part of how the number is written back)
 */
public record BatesNumber(String prefix, long number, int width) implements Comparable<BatesNumber> {

    /** 18 digits always fit a long; longer runs are not Bates numbers anyone produces. */
    private static final int MAX_DIGITS = 18;

    private static final Comparator<BatesNumber> ORDER =
            Comparator.comparing(BatesNumber::prefix).thenComparingLong(BatesNumber::number);

    public BatesNumber {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null (use \"\")");
        }
        if (number < 0) {
            throw new IllegalArgumentException("a Bates number cannot be negative: " + number);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1: " + width);
        }
    }

    /** Parses text such as {@code GBX0000123}; empty when it does not end in digits. */
    public static Optional<BatesNumber> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        int digitsStart = s.length();
        while (digitsStart > 0 && isAsciiDigit(s.charAt(digitsStart - 1))) {
            digitsStart--;
        }
        int width = s.length() - digitsStart;
        if (width == 0 || width > MAX_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(new BatesNumber(s.substring(0, digitsStart), Long.parseLong(s.substring(digitsStart)), width));
    }

    /** Like {@link #tryParse} but throws when the text is not a Bates number. */
    public static BatesNumber parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not a Bates number (a prefix followed by digits)"));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The number {@code pages} further on in the same series, written with the same width. */
    public BatesNumber plus(long pages) {
        return new BatesNumber(prefix, Math.addExact(number, pages), width);
    }

    public BatesNumber next() {
        return plus(1);
    }

    public boolean sameSeries(BatesNumber other) {
        return prefix.equals(other.prefix);
    }

    /** True when this is the page right after {@code previous} in the same series. */
    public boolean directlyFollows(BatesNumber previous) {
        return sameSeries(previous) && number == previous.number + 1;
    }

    public boolean isAfter(BatesNumber other) {
        return compareTo(other) > 0;
    }

    public boolean isBefore(BatesNumber other) {
        return compareTo(other) < 0;
    }

    /** Ordered by prefix, then number; padding does not matter for order. */
    @Override
    public int compareTo(BatesNumber other) {
        return ORDER.compare(this, other);
    }

    /** Written back as it was read: prefix and zero-padded number. */
    @Override
    public String toString() {
        String digits = Long.toString(number);
        return digits.length() >= width ? prefix + digits : prefix + "0".repeat(width - digits.length()) + digits;
    }
}
