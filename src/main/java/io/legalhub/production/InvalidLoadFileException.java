package io.legalhub.production;

import java.util.List;
import java.util.stream.Collectors;

import io.legalhub.deadletter.Pinpointed;

/**
 * Thrown to dead-letter a malformed load-file pair. It is {@link Pinpointed} so the dead letter records
 * the first faulty line and field; the message lists the faults (the first {@value #LISTED}) so an
 * operator can fix them all in one go.
 */
public class InvalidLoadFileException extends RuntimeException implements Pinpointed {

    static final int LISTED = 20;

    private final transient List<LoadFileViolation> violations;

    public InvalidLoadFileException(String productionName, List<LoadFileViolation> violations) {
        super(message(productionName, violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid load file has at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    private static String message(String productionName, List<LoadFileViolation> violations) {
        String listed = violations.stream().limit(LISTED).map(LoadFileViolation::describe)
                .collect(Collectors.joining("; "));
        int more = violations.size() - LISTED;
        return "production " + productionName + ": " + violations.size()
                + (violations.size() == 1 ? " fault in the load files: " : " faults in the load files: ") + listed
                + (more > 0 ? "; and " + more + " more" : "");
    }

    public List<LoadFileViolation> violations() {
        return violations;
    }

    @Override
    public Integer failedLine() {
        return violations.get(0).line();
    }

    /** "DAT:CUSTODIAN" or "OPT" — the file matters as much as the field when a pair is at fault. */
    @Override
    public String failedField() {
        LoadFileViolation first = violations.get(0);
        return first.field() == null ? first.file().name() : first.file().name() + ":" + first.field();
    }
}
