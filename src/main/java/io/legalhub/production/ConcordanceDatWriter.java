package io.legalhub.production;

import static io.legalhub.production.ConcordanceDelimiters.NEWLINE;
import static io.legalhub.production.ConcordanceDelimiters.QUOTE;
import static io.legalhub.production.ConcordanceDelimiters.SEPARATOR;

import java.util.List;
import java.util.Map;

/**
 * Writes a Concordance DAT: header row, one row per document, values wrapped in þ and separated by DC4,
 * line breaks inside a value written as ®. UTF-8 with a byte order mark by default (what current review
 * platforms export); {@link #cp1252()} writes what Concordance itself writes.
 *
 * <p>A value cannot contain þ or DC4 (the format has no escape for them). A literal ® in a value is
 * written as is and will read back as a line break: that is how the format works, not a writer choice.
 */
public final class ConcordanceDatWriter {

    private final LoadFileEncoding encoding;
    private final String lineEnd;

    public ConcordanceDatWriter() {
        this(LoadFileEncoding.UTF_8_BOM, "\r\n");
    }

    public ConcordanceDatWriter(LoadFileEncoding encoding, String lineEnd) {
        if (!lineEnd.equals("\r\n") && !lineEnd.equals("\n")) {
            throw new IllegalArgumentException("a DAT row ends with CRLF or LF");
        }
        this.encoding = encoding;
        this.lineEnd = lineEnd;
    }

    public static ConcordanceDatWriter utf8WithBom() {
        return new ConcordanceDatWriter();
    }

    public static ConcordanceDatWriter cp1252() {
        return new ConcordanceDatWriter(LoadFileEncoding.WINDOWS_1252, "\r\n");
    }

    public ConcordanceDatWriter withEncoding(LoadFileEncoding newEncoding) {
        return new ConcordanceDatWriter(newEncoding, lineEnd);
    }

    public ConcordanceDatWriter withLineEnd(String newLineEnd) {
        return new ConcordanceDatWriter(encoding, newLineEnd);
    }

    /** The DAT as bytes; a row missing a field gets an empty value for it. */
    public byte[] write(List<String> fieldNames, List<? extends Map<String, String>> rows) {
        return LoadFileTextEncoder.encode(text(fieldNames, rows), encoding);
    }

    /** The DAT as text, before encoding. */
    public String text(List<String> fieldNames, List<? extends Map<String, String>> rows) {
        if (fieldNames.isEmpty()) {
            throw new IllegalArgumentException("a DAT needs at least one field");
        }
        StringBuilder out = new StringBuilder(64 * (rows.size() + 1) * fieldNames.size());
        appendRow(out, fieldNames);
        for (Map<String, String> row : rows) {
            appendRow(out, fieldNames.stream().map(name -> row.getOrDefault(name, "")).toList());
        }
        return out.toString();
    }

    private void appendRow(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(QUOTE).append(escape(values.get(i) == null ? "" : values.get(i))).append(QUOTE);
        }
        out.append(lineEnd);
    }

    private static String escape(String value) {
        if (value.indexOf(QUOTE) >= 0 || value.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a DAT value cannot contain þ or DC4 (U+0014)");
        }
        return value.replace("\r\n", "\n").replace('\r', '\n').replace('\n', NEWLINE);
    }
}
