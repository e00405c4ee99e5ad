package io.legalhub.production;

import java.util.List;

/**
 * The outcome of reading a load-file pair: the production as far as it could be read, and everything
 * wrong with it. A production is recorded only when {@link #valid()}; otherwise the pair is dead-lettered
 * with {@link #requireValid()}'s exception, whose message lists the violations by file and line.
 *
 * @param production  the summary, built even from a faulty pair so an operator can see what was read
 * @param violations  every fault, DAT first then OPT, each in line order
 * @param datEncoding the encoding the DAT was read as
 * @param optEncoding the encoding the OPT was read as
 */
public record ProductionReport(Production production, List<LoadFileViolation> violations,
                               LoadFileEncoding datEncoding, LoadFileEncoding optEncoding) {

    public ProductionReport {
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    /** The production, or an exception naming the first faulty line (for the dead-letter store). */
    public Production requireValid() {
        if (!valid()) {
            throw new InvalidLoadFileException(production.name(), violations);
        }
        return production;
    }
}
