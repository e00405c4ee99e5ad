package io.legalhub.production;

import java.util.ArrayList;
import java.util.List;

/** Splits load-file text into physical lines: LF or CRLF row ends, trailing blank lines dropped. */
final class LoadFileLines {

    private LoadFileLines() {
    }

    /** The lines up to the last non-blank one; index i is line i + 1. */
    static List<String> of(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start <= s.length()) {
            int end = s.indexOf('\n', start);
            if (end < 0) {
                end = s.length();
            }
            String line = s.substring(start, end);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            start = end + 1;
        }
        // A trailing line end (or several, as editors and exports leave) is not a blank row in the middle.
        int last = lines.size();
        while (last > 0 && isBlank(lines.get(last - 1))) {
            last--;
        }
        return new ArrayList<>(lines.subList(0, last));
    }

    static boolean isBlank(String line) {
        return line.isBlank();
    }
}
