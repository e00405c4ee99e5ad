package io.legalhub.production;

/**
 * Concordance's default delimiters, which every DAT the hub accepts uses. Sources disagree on which
 * character is which (one article calls þ the separator); the hub follows the majority: þ qualifies,
 * DC4 separates, ® stands for a line break inside a value.
 */
public final class ConcordanceDelimiters {

    /** Text qualifier around every value: þ, U+00FE (byte FE in Windows-1252). */
    public static final char QUOTE = '\u00FE';

    /** Field separator: DC4, U+0014 (Concordance shows it as ¶). */
    public static final char SEPARATOR = '\u0014';

    /** Stands for a line break inside a value: ®, U+00AE. */
    public static final char NEWLINE = '\u00AE';

    private ConcordanceDelimiters() {
    }
}
