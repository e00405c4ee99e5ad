package io.legalhub.ledes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects violations while a file is checked; hands them back in line order, the order a clerk reads. */
final class Violations {

    private final List<LedesViolation> found = new ArrayList<>();

    void error(int line, String field, String invoiceNumber, String message) {
        found.add(new LedesViolation(line, field, message, Severity.ERROR, blankToNull(invoiceNumber)));
    }

    void warning(int line, String field, String invoiceNumber, String message) {
        found.add(new LedesViolation(line, field, message, Severity.WARNING, blankToNull(invoiceNumber)));
    }

    /** Stable sort: on one line, violations keep the order they were found in (field order, then invoice checks). */
    List<LedesViolation> inLineOrder() {
        List<LedesViolation> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(LedesViolation::line));
        return List.copyOf(sorted);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
