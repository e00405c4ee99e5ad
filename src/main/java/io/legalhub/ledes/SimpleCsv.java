package io.legalhub.ledes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Just enough RFC 4180 for the code list: commas, double-quoted cells with {@code ""} escapes, LF or CRLF. */
final class SimpleCsv {

    private SimpleCsv() {
    }

    static List<List<String>> read(Reader reader) {
        StringBuilder all = new StringBuilder();
        char[] buffer = new char[8192];
        try (reader) {
            int n;
            while ((n = reader.read(buffer)) != -1) {
                all.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(all);
    }

    static List<List<String>> parse(CharSequence text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' && cell.isEmpty()) {
                // quoted cell: runs to the next lone quote; "" inside is one quote
                i++;
                while (i < n) {
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    cell.append(q);
                    i++;
                }
                continue;
            }
            if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
            i++;
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
