package io.legalhub.production;

/** Which file of the load-file pair a violation points at. */
public enum LoadFile {
    /** The Concordance DAT: one row of metadata per document. */
    DAT,
    /** The Opticon OPT: one line per page image. */
    OPT
}
