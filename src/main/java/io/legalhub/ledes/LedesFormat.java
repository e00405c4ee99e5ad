package io.legalhub.ledes;

/** The fixed text of a LEDES 1998B file: its first two lines and its separators. */
public final class LedesFormat {

    /** Line 1 of every 1998B file. */
    public static final String VERSION_LINE = "LEDES1998B[]";

    /** Ends every line after the first, including the header line. */
    public static final String RECORD_END = "[]";

    public static final char FIELD_SEPARATOR = '|';

    /** Line 2: the 24 field names joined by {@code |}, ending {@code []}. */
    public static final String HEADER_LINE = String.join("|", LedesField.headerNames()) + RECORD_END;

    private LedesFormat() {
    }
}
