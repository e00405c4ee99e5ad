package io.legalhub.production;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes an Opticon OPT: one line per page, seven comma-separated fields. UTF-8 with a byte order mark by
 * default, like {@link ConcordanceDatWriter}; {@link #cp1252()} for tools that expect ANSI.
 */
public final class OpticonOptWriter {

    private final LoadFileEncoding encoding;
    private final String lineEnd;

    public OpticonOptWriter() {
        this(LoadFileEncoding.UTF_8_BOM, "\r\n");
    }

    public OpticonOptWriter(LoadFileEncoding encoding, String lineEnd) {
        if (!lineEnd.equals("\r\n") && !lineEnd.equals("\n")) {
            throw new IllegalArgumentException("an OPT line ends with CRLF or LF");
        }
        this.encoding = encoding;
        this.lineEnd = lineEnd;
    }

    public static OpticonOptWriter utf8WithBom() {
        return new OpticonOptWriter();
    }

    public static OpticonOptWriter cp1252() {
        return new OpticonOptWriter(LoadFileEncoding.WINDOWS_1252, "\r\n");
    }

    public OpticonOptWriter withEncoding(LoadFileEncoding newEncoding) {
        return new OpticonOptWriter(newEncoding, lineEnd);
    }

    public byte[] write(List<OptPage> pages) {
        return LoadFileTextEncoder.encode(text(pages), encoding);
    }

    public String text(List<OptPage> pages) {
        StringBuilder out = new StringBuilder(64 * pages.size());
        for (OptPage page : pages) {
            out.append(field(page.imageKey())).append(',')
                    .append(field(page.volume())).append(',')
                    .append(field(page.imagePath())).append(',')
                    .append(page.documentBreak() ? "Y" : "").append(',')
                    .append(page.folderBreak() ? "Y" : "").append(',')
                    .append(page.boxBreak() ? "Y" : "").append(',')
                    .append(page.documentBreak() && page.pageCount() != null ? page.pageCount().toString() : "")
                    .append(lineEnd);
        }
        return out.toString();
    }

    /**
     * The pages of one document numbered on from {@code first}: document break and page count on the first
     * page, images under {@code IMAGES\<folder>\} with a new folder (and folder break) every 1,000 pages of
     * the volume, counted by {@code pagesBefore}.
     */
    public static List<OptPage> documentPages(String volume, BatesNumber first, int pageCount, int pagesBefore) {
        if (pageCount < 1) {
            throw new IllegalArgumentException("a document has at least one page");
        }
        List<OptPage> pages = new ArrayList<>(pageCount);
        for (int i = 0; i < pageCount; i++) {
            BatesNumber key = first.plus(i);
            int index = pagesBefore + i;
            String path = String.format("IMAGES\\%03d\\%s.tif", index / 1000 + 1, key);
            pages.add(new OptPage(0, key.toString(), volume, path, i == 0, index > 0 && index % 1000 == 0, false,
                    i == 0 ? pageCount : null));
        }
        return pages;
    }

    private static String field(String value) {
        String v = value == null ? "" : value;
        if (v.indexOf(',') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an OPT field cannot contain a comma or a line break: " + v);
        }
        return v;
    }
}
