package io.legalhub.ledes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a LEDES 1998B file holding several invoices into one standalone file per invoice: the file's own
 * first two lines followed by that invoice's data lines, byte for byte (line ends and a byte order mark
 * kept), so each part reads exactly as the sender wrote it and can be checked, stored or re-sent on its own.
 * Lines are given to the invoice named in their second field, as the validator groups them; blank lines
 * are left out.
 */
public final class LedesFileSplitter {

    private LedesFileSplitter() {
    }

    /**
     * One invoice cut out of a file.
     *
     * @param invoiceNumber the INVOICE_NUMBER its lines carry
     * @param text          a complete LEDES file with only this invoice
     * @param lines         the physical line numbers its data lines had in the whole file
     */
    public record InvoiceText(String invoiceNumber, String text, List<Integer> lines) {

        public InvoiceText {
            lines = List.copyOf(lines);
        }

        /** "lines 5–7" or "line 5", for messages. */
        public String lineRange() {
            int first = lines.get(0);
            int last = lines.get(lines.size() - 1);
            return first == last ? "line " + first : "lines " + first + "–" + last;
        }
    }

    /** The invoices in order of first appearance; empty when the file has no data lines after its two header lines. */
    public static List<InvoiceText> split(String text) {
        List<String> lines = linesWithEnds(text);
        StringBuilder header = new StringBuilder();
        int headerLines = 0;
        int index = 0;
        while (index < lines.size() && headerLines < 2) {
            String line = lines.get(index++);
            header.append(line);
            if (!line.isBlank()) {
                headerLines++;
            }
        }
        Map<String, StringBuilder> bodies = new LinkedHashMap<>();
        Map<String, List<Integer>> numbers = new LinkedHashMap<>();
        for (; index < lines.size(); index++) {
            String line = lines.get(index);
            if (line.isBlank()) {
                continue;
            }
            String invoice = invoiceNumberOf(line);
            bodies.computeIfAbsent(invoice, k -> new StringBuilder(header)).append(line);
            numbers.computeIfAbsent(invoice, k -> new ArrayList<>()).add(index + 1);
        }
        List<InvoiceText> invoices = new ArrayList<>(bodies.size());
        bodies.forEach((number, body) -> invoices.add(new InvoiceText(number, body.toString(), numbers.get(number))));
        return invoices;
    }

    private static String invoiceNumberOf(String line) {
        int first = line.indexOf(LedesFormat.FIELD_SEPARATOR);
        if (first < 0) {
            return "";
        }
        int second = line.indexOf(LedesFormat.FIELD_SEPARATOR, first + 1);
        return second < 0 ? line.substring(first + 1) : line.substring(first + 1, second);
    }

    /** Physical lines as PhysicalLines counts them (LF, CRLF or a lone CR), each with its own line end kept. */
    private static List<String> linesWithEnds(String text) {
        List<String> lines = new ArrayList<>();
        int n = text.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
