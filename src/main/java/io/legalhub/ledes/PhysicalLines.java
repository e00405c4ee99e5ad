package io.legalhub.ledes;

import java.util.ArrayList;
import java.util.List;

/**
 * The file cut into physical lines, numbered from 1 as an editor numbers them. LF, CRLF and a lone CR all
 * end a line, so a line number in a violation is the line the user sees. A UTF-8 byte order mark at the
 * start is dropped: Windows tools write one, and it is not part of {@code LEDES1998B[]}.
 */
final class PhysicalLines {

    static final char BOM = '\uFEFF';

    private PhysicalLines() {
    }

    static List<String> of(String text) {
        int start = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
        List<String> lines = new ArrayList<>(Math.max(16, text.length() / 200));
        int n = text.length();
        int lineStart = start;
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(lineStart, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lineStart = i + 1;
            }
        }
        if (lineStart < n) {
            lines.add(text.substring(lineStart));
        }
        return lines;
    }

    /** Splits on {@code |} keeping empty fields; hand-written because String.split compiles a regex per call. */
    static String[] fields(String content) {
        int count = 1;
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == LedesFormat.FIELD_SEPARATOR) {
                count++;
            }
        }
        String[] fields = new String[count];
        int f = 0;
        int from = 0;
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == LedesFormat.FIELD_SEPARATOR) {
                fields[f++] = content.substring(from, i);
                from = i + 1;
            }
        }
        fields[f] = content.substring(from);
        return fields;
    }

    /** The line without trailing spaces/tabs, so {@code []} followed by stray spaces still ends the record. */
    static String stripTrailingBlanks(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return end == line.length() ? line : line.substring(0, end);
    }
}
