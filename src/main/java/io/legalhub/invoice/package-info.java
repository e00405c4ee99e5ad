/**
 * The invoice flow: LEDES 1998B invoices from billing to matter management, and the review decisions back.
 *
 * <pre>
 * billing ──(export poll: invoice-poll | drop folder: invoice-file-drop)──▶ hub.in.invoice   (whole LEDES files)
 *   invoice-canonicalize: validate the file, split it, one canonical invoice per valid invoice
 *   ──▶ hub.out.matter-management.invoice ──(invoice-to-matter-management)──▶ a bill
 * matter management ──(bill webhook | invoice-status-poll)──▶ hub.in.invoice-status
 *   invoice-status-canonicalize ──▶ hub.out.billing.invoice-status ──(invoice-status-to-billing)──▶ PUT status
 * </pre>
 *
 * <p>Choices made here on purpose:
 * <ul>
 *   <li><b>The unit of failure.</b> A file nothing in which can go on (every invoice invalid, or a problem with
 *       the file as a whole: header, blank line, a line no invoice can claim) is one dead letter listing every
 *       violation. A file with valid and invalid invoices lets the valid ones go on and gives each invalid one a
 *       dead letter of its own whose body is that invoice alone as a LEDES file (its line numbers count in that
 *       body), so it can be fixed and replayed without touching the others.</li>
 *   <li><b>Version.</b> LEDES carries no version and billing's export gives none, so an invoice's version is
 *       the time its text was produced: the export's Date header for polled files, the file's last-modified
 *       time for dropped ones (epoch milliseconds). The later copy wins; an old file dropped late is
 *       superseded, and the same text arriving both ways changes nothing (the delivery gate's hash).</li>
 *   <li><b>Recognising a file dropped twice.</b> The message id is the file name plus a hash of the text; the
 *       drop route keeps those ids in the database (Camel idempotent consumer, JDBC repository) and moves a
 *       repeat to .done without queueing it. Camel's idempotent <em>file consumer</em> was not used: it leaves a
 *       duplicate lying in the folder with no word to anyone.</li>
 *   <li><b>Who owns what.</b> Billing owns the invoice's content, matter management its review status: the
 *       bill mapping sends no status, so resending an invoice never undoes an approval, and only decisions
 *       billing's workflow knows (approved, rejected, paid, appealed) go back.</li>
 * </ul>
 */
package io.legalhub.invoice;
