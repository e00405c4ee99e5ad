package io.legalhub.production;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Opticon OPT: one line per page image, seven comma-separated fields — image key, volume,
 * image path, document break (Y on a document's first page), folder break, box break, page count (on a
 * document's first page). Fields are not quoted in this format, so a comma inside a path shows up as an
 * extra field and is reported as such. Like the DAT parser it reports rather than throws.
 */
public final class OpticonOptParser {

    static final int FIELD_COUNT = 7;

    public OptFile parse(String text) {
        List<LoadFileViolation> violations = new ArrayList<>();
        List<String> lines = LoadFileLines.of(text == null ? "" : text);
        if (lines.isEmpty()) {
            violations.add(LoadFileViolation.opt(1, null, "the OPT file is empty: it lists no page images"));
            return new OptFile(List.of(), violations, List.of());
        }
        List<OptPage> pages = new ArrayList<>();
        Map<String, Integer> lineOfKey = new HashMap<>();
        List<Integer> dropped = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            int lineNumber = index + 1;
            String line = lines.get(index);
            if (LoadFileLines.isBlank(line)) {
                violations.add(LoadFileViolation.opt(lineNumber, null,
                        "blank row in the middle of the file (only the end of the file may have blank lines)"));
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != FIELD_COUNT) {
                violations.add(LoadFileViolation.opt(lineNumber, null, "wrong number of fields: expected "
                        + FIELD_COUNT + " comma-separated fields (image key, volume, image path, document break,"
                        + " folder break, box break, page count), found " + fields.length));
                dropped.add(lineNumber);
                continue;
            }
            String key = fields[0].trim();
            if (key.isEmpty()) {
                violations.add(LoadFileViolation.opt(lineNumber, "image key", "the image key (the page's Bates number) is empty"));
                dropped.add(lineNumber);
                continue;
            }
            String documentBreak = fields[3].trim();
            if (!documentBreak.isEmpty() && !documentBreak.equalsIgnoreCase("Y")) {
                violations.add(LoadFileViolation.opt(lineNumber, "document break",
                        "the document break must be Y or empty, found '" + documentBreak + "'"));
            }
            Integer pageCount = readPageCount(fields[6].trim(), lineNumber, violations);
            OptPage page = new OptPage(lineNumber, key, fields[1].trim(), fields[2].trim(),
                    documentBreak.equalsIgnoreCase("Y"), isYes(fields[4]), isYes(fields[5]), pageCount);
            Integer earlier = lineOfKey.putIfAbsent(key, lineNumber);
            if (earlier != null) {
                violations.add(LoadFileViolation.opt(lineNumber, "image key", "image key " + key
                        + " already appears on line " + earlier + "; each page image must have its own key"));
                dropped.add(lineNumber);
                continue;
            }
            if (pages.isEmpty() && !page.documentBreak()) {
                violations.add(LoadFileViolation.opt(lineNumber, "document break", "the first image, " + key
                        + ", is not marked as the start of a document (document break Y)"));
            }
            pages.add(page);
        }
        OptFile file = new OptFile(pages, violations, dropped);
        List<LoadFileViolation> all = new ArrayList<>(violations);
        all.addAll(checkPageCounts(file));
        all.sort(LoadFileViolations.IN_FILE_ORDER);
        return new OptFile(pages, all, dropped);
    }

    /** Folder and box breaks are informational; anything but Y counts as no break. */
    private static boolean isYes(String field) {
        return field.trim().equalsIgnoreCase("Y");
    }

    private static Integer readPageCount(String text, int lineNumber, List<LoadFileViolation> violations) {
        if (text.isEmpty()) {
            return null;
        }
        if (!ConcordanceDatParser.isPositiveWholeNumber(text)) {
            violations.add(LoadFileViolation.opt(lineNumber, "page count",
                    "the page count '" + text + "' is not a positive whole number"));
            return null;
        }
        return Integer.valueOf(text);
    }

    /** A page count on a first page must match the pages that follow it up to the next document break. */
    private static List<LoadFileViolation> checkPageCounts(OptFile file) {
        List<LoadFileViolation> violations = new ArrayList<>();
        for (OptDocument document : file.documents()) {
            if (file.spansDroppedLine(document)) {
                continue; // its pages are not known for sure
            }
            Integer declared = document.firstPage().pageCount();
            if (declared != null && declared != document.pageCount()) {
                violations.add(LoadFileViolation.opt(document.firstPage().line(), "page count", "the page count says "
                        + declared + " pages for document " + document.firstKey() + ", but " + document.pageCount()
                        + (document.pageCount() == 1 ? " page follows" : " pages follow") + " before the next document break"));
            }
        }
        return violations;
    }
}
