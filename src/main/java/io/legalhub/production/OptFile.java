package io.legalhub.production;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed Opticon OPT.
 *
 * @param pages           the page lines that could be read, in file order
 * @param violations   everything wrong with the file, each naming its line
 * @param droppedLines lines that could not be taken as pages (wrong field count, no image key, a repeated
 *                     key), in order. A dropped line may have held a document break, so the documents
 *                     around it are uncertain: "this DAT document has no image" or "the pages are out of
 *                     sequence" there would only be knock-on errors of the fault already reported.
 */
public record OptFile(List<OptPage> pages, List<LoadFileViolation> violations, List<Integer> droppedLines) {

    public OptFile {
        pages = List.copyOf(pages);
        violations = List.copyOf(violations);
        droppedLines = List.copyOf(droppedLines);
    }

    public int unreadableLines() {
        return droppedLines.size();
    }

    /**
     * True when a dropped line lies inside this document or between it and the next page: that line may
     * have been one of its pages, or the start of a document whose pages were folded into this one.
     */
    public boolean spansDroppedLine(OptDocument document) {
        if (droppedLines.isEmpty()) {
            return false;
        }
        int from = document.firstPage().line();
        int to = nextPageLineAfter(document.lastPage().line());
        return droppedLines.stream().anyMatch(line -> line > from && line < to);
    }

    private int nextPageLineAfter(int line) {
        int low = 0;
        int high = pages.size();
        while (low < high) { // first page with a line greater than `line`
            int mid = (low + high) >>> 1;
            if (pages.get(mid).line() <= line) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low < pages.size() ? pages.get(low).line() : Integer.MAX_VALUE;
    }

    /**
     * The pages grouped into documents: each document break starts one. Pages before the first break
     * (a fault reported by the parser) form a document of their own rather than vanishing.
     */
    public List<OptDocument> documents() {
        List<OptDocument> documents = new ArrayList<>();
        List<OptPage> current = new ArrayList<>();
        for (OptPage page : pages) {
            if (page.documentBreak() && !current.isEmpty()) {
                documents.add(new OptDocument(current));
                current = new ArrayList<>();
            }
            current.add(page);
        }
        if (!current.isEmpty()) {
            documents.add(new OptDocument(current));
        }
        return documents;
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}
