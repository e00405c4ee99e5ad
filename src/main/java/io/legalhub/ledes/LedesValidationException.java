package io.legalhub.ledes;

import io.legalhub.deadletter.Pinpointed;

/**
 * Thrown for an invalid LEDES file. Its message lists every error and warning, one per line, so a dead
 * letter shows all of them; the first error's line and field pinpoint it.
 */
public class LedesValidationException extends RuntimeException implements Pinpointed {

    private final transient LedesReport report;
    private final LedesViolation first;

    public LedesValidationException(LedesReport report) {
        super(describe(report));
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

    private static String describe(LedesReport report) {
        StringBuilder text = new StringBuilder("LEDES file is invalid: ")
                .append(report.errorCount()).append(report.errorCount() == 1 ? " error" : " errors").append(", ")
                .append(report.warningCount()).append(report.warningCount() == 1 ? " warning" : " warnings");
        for (LedesViolation violation : report.violations()) {
            text.append('\n').append(violation);
        }
        return text.toString();
    }
}
