package io.legalhub.ledes;

/** ERROR makes a file invalid; WARNING is shown to the user but lets the invoice through. */
public enum Severity {
    ERROR,
    WARNING
}
