package io.legalhub.production;

import java.util.List;

/** The pages of one document in an OPT: a page with a document break and the pages up to the next one. */
public record OptDocument(List<OptPage> pages) {

    public OptDocument {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a document has at least one page");
        }
        pages = List.copyOf(pages);
    }

    public OptPage firstPage() {
        return pages.get(0);
    }

    public OptPage lastPage() {
        return pages.get(pages.size() - 1);
    }

    public String firstKey() {
        return firstPage().imageKey();
    }

    public String lastKey() {
        return lastPage().imageKey();
    }

    public int pageCount() {
        return pages.size();
    }

    /** "OPT line 5" or "OPT lines 5–7", for messages. */
    public String describeLines() {
        return pages.size() == 1 ? "OPT line " + firstPage().line()
                : "OPT lines " + firstPage().line() + "–" + lastPage().line();
    }
}
