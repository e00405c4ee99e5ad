package io.legalhub.production;

/**
 * An inclusive run of Bates numbers in one series, e.g. a document's pages GBX0000001–GBX0000003.
 * A range cannot cross prefixes: there is no page count between {@code ABC0009} and {@code XYZ0001}.
 */
public record BatesRange(BatesNumber first, BatesNumber last) {

    public BatesRange {
        if (!first.sameSeries(last)) {
            throw new IllegalArgumentException("a Bates range cannot cross prefixes: " + first + " to " + last);
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("a Bates range cannot end before it begins: " + first + " to " + last);
        }
    }

    public static BatesRange of(String first, String last) {
        return new BatesRange(BatesNumber.parse(first), BatesNumber.parse(last));
    }

    /** How many pages the range covers. */
    public long size() {
        return last.number() - first.number() + 1;
    }

    public boolean contains(BatesNumber bates) {
        return first.sameSeries(bates) && !bates.isBefore(first) && !bates.isAfter(last);
    }

    public boolean contains(BatesRange other) {
        return contains(other.first) && contains(other.last);
    }

    /** True when {@code next} starts on the page right after this range ends (same prefix only). */
    public boolean isContiguousWith(BatesRange next) {
        return next.first.directlyFollows(last);
    }

    public boolean overlaps(BatesRange other) {
        return first.sameSeries(other.first) && !other.last.isBefore(first) && !other.first.isAfter(last);
    }

    @Override
    public String toString() {
        return first + "–" + last;
    }
}
