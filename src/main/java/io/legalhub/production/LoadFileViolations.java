package io.legalhub.production;

import java.util.Comparator;

/** Orderings for violations, so an operator reads them the way the files read. */
final class LoadFileViolations {

    /** DAT before OPT, then by line; violations without a line last; ties keep their order. */
    static final Comparator<LoadFileViolation> IN_FILE_ORDER = Comparator
            .comparing(LoadFileViolation::file)
            .thenComparing(LoadFileViolation::line, Comparator.nullsLast(Comparator.naturalOrder()));

    private LoadFileViolations() {
    }
}
