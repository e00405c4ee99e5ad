package io.legalhub.ledes;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the first two lines: {@code LEDES1998B[]} and the 24 field names. Decides where the data starts,
 * and whether to go on at all: a file in another format (LEDES98BI, LEDES XML, not LEDES) is reported once
 * as unsupported instead of burying that one fact under an error for every line.
 */
final class HeaderCheck {

    /** Where the data lines start (index into the physical lines), or stop when the file is not 1998B. */
    record Outcome(boolean stop, int firstDataIndex) {
        static Outcome stopHere() {
            return new Outcome(true, -1);
        }
    }

    private static final String FIELD_LINE_START = LedesField.INVOICE_DATE.ledesName() + LedesFormat.FIELD_SEPARATOR;

    private final Violations violations;

    HeaderCheck(Violations violations) {
        this.violations = violations;
    }

    /**
     * @param first index of the first non-blank line (whitespace before the version line is tolerated)
     * @param end   index after the last non-blank line (trailing blank lines are tolerated)
     */
    Outcome check(List<String> lines, int first, int end) {
        int fieldLine = checkVersionLine(lines, first, end);
        if (fieldLine < 0) {
            return Outcome.stopHere();
        }
        while (fieldLine < end && lines.get(fieldLine).isBlank()) {
            violations.error(fieldLine + 1, LedesViolation.BLANK_LINE, null, "Line " + (fieldLine + 1)
                    + " is blank; the field-name line must follow " + LedesFormat.VERSION_LINE + " directly");
            fieldLine++;
        }
        if (fieldLine >= end) {
            violations.error(fieldLine + 1, LedesViolation.HEADER, null, "The field-name line is missing: after "
                    + LedesFormat.VERSION_LINE + " a LEDES 1998B file lists its 24 field names, starting INVOICE_DATE|INVOICE_NUMBER|...,"
                    + " and then one line per line item");
            return Outcome.stopHere();
        }
        boolean isFieldNameLine = checkFieldNameLine(fieldLine + 1, lines.get(fieldLine));
        return new Outcome(false, isFieldNameLine ? fieldLine + 1 : fieldLine);
    }

    /** Returns the index of the field-name line, or -1 to stop. */
    private int checkVersionLine(List<String> lines, int first, int end) {
        String line = lines.get(first).strip();
        int lineNumber = first + 1;
        if (line.equals(LedesFormat.VERSION_LINE)) {
            return first + 1;
        }
        String upper = line.toUpperCase(Locale.ROOT);
        String withoutEnd = upper.endsWith(LedesFormat.RECORD_END) ? upper.substring(0, upper.length() - 2).strip() : upper;
        if (upper.startsWith("LEDES98BI")) {
            violations.error(lineNumber, LedesViolation.HEADER, null, "This is a LEDES98BI (international) file: line "
                    + lineNumber + " is " + Shown.value(line) + ". LEDES98BI is not supported; the hub reads LEDES 1998B files,"
                    + " whose first line is " + LedesFormat.VERSION_LINE);
            return -1;
        }
        if (withoutEnd.equals("LEDES1998B")) {
            violations.error(lineNumber, LedesViolation.HEADER, null, "Line " + lineNumber + " must be exactly "
                    + LedesFormat.VERSION_LINE + " but is " + Shown.value(line));
            return first + 1;
        }
        if (upper.startsWith("LEDES")) {
            violations.error(lineNumber, LedesViolation.HEADER, null, "Line " + lineNumber + " is " + Shown.value(line)
                    + ", a LEDES format the hub does not support; it reads LEDES 1998B files, whose first line is "
                    + LedesFormat.VERSION_LINE);
            return -1;
        }
        if (line.startsWith("<")) {
            violations.error(lineNumber, LedesViolation.HEADER, null, "This looks like an XML file (LEDES XML?), which is"
                    + " not supported; the hub reads LEDES 1998B text files, whose first line is " + LedesFormat.VERSION_LINE);
            return -1;
        }
        if (line.startsWith(FIELD_LINE_START)) {
            violations.error(lineNumber, LedesViolation.HEADER, null, "Line " + lineNumber + " must be "
                    + LedesFormat.VERSION_LINE + ", but the file starts with the field-name line");
            return first;
        }
        if (first + 1 < end && lines.get(first + 1).startsWith(FIELD_LINE_START)) {
            violations.error(lineNumber, LedesViolation.HEADER, null, "Line " + lineNumber + " must be exactly "
                    + LedesFormat.VERSION_LINE + " but is " + Shown.value(line));
            return first + 1;
        }
        violations.error(lineNumber, LedesViolation.HEADER, null, "This is not a LEDES 1998B file: line " + lineNumber
                + " is " + Shown.value(line) + " but must be " + LedesFormat.VERSION_LINE
                + ", followed by the line of field names");
        return -1;
    }

    /**
     * Returns false when the line holds no field name at all: then the field-name line was left out, and
     * the line is reported once and read as data instead of giving 24 "wrong name" errors.
     */
    private boolean checkFieldNameLine(int lineNumber, String line) {
        String stripped = PhysicalLines.stripTrailingBlanks(line);
        boolean ended = stripped.endsWith(LedesFormat.RECORD_END);
        String content = ended ? stripped.substring(0, stripped.length() - 2) : line;
        String[] names = PhysicalLines.fields(content);
        List<String> expected = LedesField.headerNames();
        Set<String> known = new HashSet<>(expected);
        boolean anyKnown = false;
        for (String name : names) {
            anyKnown |= known.contains(name);
        }
        if (!anyKnown) {
            violations.error(lineNumber, LedesViolation.HEADER, null, "Line " + lineNumber + " must be the line of the 24 field"
                    + " names (INVOICE_DATE|INVOICE_NUMBER|...|CLIENT_MATTER_ID[]) but holds none of them; it is read as a line item");
            return false;
        }
        if (!ended) {
            violations.error(lineNumber, LedesViolation.LINE_END, null, "The field-name line (line " + lineNumber
                    + ") does not end with []; every line after the first must end with []");
        }
        if (names.length == expected.size()) {
            for (int i = 0; i < names.length; i++) {
                if (!names[i].equals(expected.get(i))) {
                    violations.error(lineNumber, expected.get(i), null, "Column " + (i + 1) + " of the field-name line must be "
                            + expected.get(i) + " but is " + Shown.value(names[i]));
                }
            }
            return true;
        }
        Set<String> present = new HashSet<>(List.of(names));
        boolean reported = false;
        for (int i = 0; i < expected.size(); i++) {
            if (!present.contains(expected.get(i))) {
                violations.error(lineNumber, expected.get(i), null, "The field-name line is missing " + expected.get(i)
                        + " (column " + (i + 1) + " of 24)");
                reported = true;
            }
        }
        for (String name : names) {
            if (!known.contains(name)) {
                violations.error(lineNumber, LedesViolation.HEADER, null, "The field-name line has " + Shown.value(name)
                        + ", which is not a LEDES 1998B field name");
                reported = true;
            }
        }
        if (!reported) {
            violations.error(lineNumber, LedesViolation.HEADER, null, "The field-name line has " + names.length
                    + " names; LEDES 1998B has 24, each once, in a fixed order");
        }
        return true;
    }
}
