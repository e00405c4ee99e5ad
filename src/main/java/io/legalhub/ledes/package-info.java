/**
 * LEDES 1998B: reading, checking and writing the pipe-delimited e-billing invoice format, and turning
 * invoices into the hub's canonical invoice JSON and back.
 *
 * <p>{@link io.legalhub.ledes.LedesValidator} reads a file and reports every violation with its physical
 * line, the LEDES field name and a message in plain words. Where no single field applies it uses a
 * structural name: {@code HEADER} (line 1 or the field-name line), {@code FIELD_COUNT} (a line without 24
 * fields), {@code LINE_END} (a line not ending in {@code []}), {@code BLANK_LINE} (a blank line before the
 * end) and {@code FILE} (empty file, no line items). A misnamed or missing name in the field-name line is
 * reported under the field it should have been (e.g. {@code LINE_ITEM_TOTAL}).
 *
 * <p>Choices the sources leave open, made here on purpose:
 * <ul>
 *   <li>Amounts are compared to the cent: a difference under 0.01 is rounding, whatever rule the sender used.</li>
 *   <li>A problem with an invoice-level field is reported on every line that carries it, because each line
 *       is wrong on its own and a user fixing the file by line number must find every one.</li>
 *   <li>A line with the wrong number of fields is reported once and otherwise skipped; the invoice total is
 *       still checked over the lines that could be read, and the message says a line is missing from the sum.</li>
 *   <li>Files in another format (LEDES98BI, other LEDES versions, XML, not LEDES) get one error, not one per line.</li>
 *   <li>Warnings (never errors): a '-' in INVOICE_NUMBER, a legacy 2-letter timekeeper classification, a fee
 *       or expense dated outside the billing period, differing INVOICE_DESCRIPTIONs within one invoice.</li>
 *   <li>The writer ends lines with LF; CRLF on request.</li>
 * </ul>
 */
package io.legalhub.ledes;
