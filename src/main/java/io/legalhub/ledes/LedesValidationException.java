package io.legalhub.ledes;

import java.util.ArrayList;
import java.util.List;

import io.legalhub.deadletter.Pinpointed;

/**
 * Thrown for an invalid LEDES file. Its message lists the errors, then the warnings, one per line, so a
 * dead letter shows them all in plain words; the first error's line and field pinpoint it. A file with
 * hundreds of problems lists the first {@value #MAX_LISTED} and says how many more there are: past that a
 * list helps nobody, and the validation API gives the whole of it.
 */
public class LedesValidationException extends RuntimeException implements Pinpointed {

    public static final int MAX_LISTED = 50;

    private final transient LedesReport report;
    private final LedesViolation first;

    public LedesValidationException(LedesReport report) {
        this("LEDES file", report);
    }

    /** @param subject what was checked, e.g. "LEDES file march.txt" or "Invoice INV1 of LEDES file march.txt" */
    public LedesValidationException(String subject, LedesReport report) {
        super(describe(subject, report));
        this.report = report;
        this.first = report.errors().stream().findFirst().orElse(null);
    }

    public LedesReport report() {
        return report;
    }

    @Override
    public Integer failedLine() {
        return first == null ? null : first.line();
    }

    @Override
    public String failedField() {
        return first == null ? null : first.field();
    }

    private static String describe(String subject, LedesReport report) {
        StringBuilder text = new StringBuilder(subject).append(" is invalid: ")
                .append(report.errorCount()).append(report.errorCount() == 1 ? " error" : " errors").append(", ")
                .append(report.warningCount()).append(report.warningCount() == 1 ? " warning" : " warnings");
        List<LedesViolation> listed = new ArrayList<>(report.errors());
        listed.addAll(report.warnings());
        for (LedesViolation violation : listed.subList(0, Math.min(MAX_LISTED, listed.size()))) {
            text.append('\n').append(violation);
        }
        if (listed.size() > MAX_LISTED) {
            long errorsLeft = listed.subList(MAX_LISTED, listed.size()).stream().filter(LedesViolation::isError).count();
            long warningsLeft = listed.size() - MAX_LISTED - errorsLeft;
            text.append("\n… and ").append(listed.size() - MAX_LISTED).append(" more not listed here (")
                    .append(errorsLeft).append(errorsLeft == 1 ? " error, " : " errors, ")
                    .append(warningsLeft).append(warningsLeft == 1 ? " warning" : " warnings")
                    .append("); POST the file to /api/ledes/validate for every one");
        }
        return text.toString();
    }
}
