package io.legalhub.ledes;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One problem found in a LEDES file.
 *
 * @param line          1-based physical line in the file
 * @param field         the LEDES field name (e.g. {@code LINE_ITEM_TOTAL}), or a structural name where no
 *                      field applies: {@code HEADER}, {@code FIELD_COUNT}, {@code LINE_END},
 *                      {@code BLANK_LINE}, {@code FILE}
 * @param message       plain words naming the values involved
 * @param severity      ERROR or WARNING
 * @param invoiceNumber the invoice the line belongs to; null for file-level problems
 */
public record LedesViolation(int line, String field, String message, Severity severity, String invoiceNumber) {

    public static final String HEADER = "HEADER";
    public static final String FIELD_COUNT = "FIELD_COUNT";
    public static final String LINE_END = "LINE_END";
    public static final String BLANK_LINE = "BLANK_LINE";
    public static final String FILE = "FILE";

    public LedesViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    /** Not part of the JSON: severity already says it. */
    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line for logs and dead letters: {@code line 4, LINE_ITEM_DATE (ERROR): ...}. */
    @Override
    public String toString() {
        return "line " + line + ", " + field + " (" + severity + "): " + message;
    }
}
