package io.legalhub.production;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the DAT and the OPT against each other: both describe the same documents, one by metadata and
 * one by page images, and a production is only trustworthy when they agree. Each violation names the line
 * in the file the operator should look at first, and the other file's line where that helps.
 */
final class LoadFileCrossChecks {

    private final DatFile dat;
    private final OptFile opt;
    private final List<OptDocument> optDocuments;
    private final Map<String, OptDocument> optDocumentByFirstKey = new HashMap<>();
    private final Map<String, OptPage> optPageByKey = new HashMap<>();
    private final List<LoadFileViolation> violations = new ArrayList<>();

    LoadFileCrossChecks(DatFile dat, OptFile opt) {
        this.dat = dat;
        this.opt = opt;
        this.optDocuments = opt.documents();
        for (OptDocument document : optDocuments) {
            optDocumentByFirstKey.put(document.firstKey(), document);
        }
        for (OptPage page : opt.pages()) {
            optPageByKey.put(page.imageKey(), page);
        }
    }

    /** The OPT document a DAT record stands for, if its BEGDOC starts one. */
    Optional<OptDocument> optDocumentOf(DatRecord record) {
        return Optional.ofNullable(optDocumentByFirstKey.get(dat.value(record, DatField.BEGDOC)));
    }

    List<LoadFileViolation> check() {
        optDocuments.stream().filter(d -> !opt.spansDroppedLine(d)).forEach(this::checkPagesInSequence);
        if (!dat.has(DatField.BEGDOC)) {
            return violations; // already reported; without Bates numbers there is nothing to match
        }
        Set<String> matchedOptDocuments = new HashSet<>();
        for (DatRecord record : dat.records()) {
            String begDoc = dat.value(record, DatField.BEGDOC);
            if (begDoc.isEmpty()) {
                continue; // reported by the DAT parser
            }
            OptDocument document = optDocumentByFirstKey.get(begDoc);
            if (document == null) {
                reportMissingImage(record, begDoc);
                continue;
            }
            matchedOptDocuments.add(begDoc);
            if (opt.spansDroppedLine(document)) {
                continue; // a dropped OPT line may hold this document's last page or the next one's break
            }
            checkEndDoc(record, document);
            checkPageCount(record, document);
        }
        // A DAT row that could not be read may be the record this OPT document is looking for; and a DAT
        // with no rows at all is reported once as such, not once per OPT document.
        if (dat.unreadableRows() == 0 && !dat.records().isEmpty()) {
            for (OptDocument document : optDocuments) {
                if (!matchedOptDocuments.contains(document.firstKey())) {
                    violations.add(LoadFileViolation.opt(document.firstPage().line(), "image key", "the document starting at "
                            + document.firstKey() + " (" + document.pageCount() + (document.pageCount() == 1 ? " page" : " pages")
                            + ") has no record in the DAT"));
                }
            }
        }
        return violations;
    }

    private void reportMissingImage(DatRecord record, String begDoc) {
        OptPage page = optPageByKey.get(begDoc);
        if (page != null) {
            violations.add(datFault(record, DatField.BEGDOC, "BEGDOC " + begDoc + " is on OPT line " + page.line()
                    + ", but that page does not start a document (its document break is not Y)"));
        } else if (opt.unreadableLines() == 0 && !opt.pages().isEmpty()) {
            violations.add(datFault(record, DatField.BEGDOC, "BEGDOC " + begDoc + " has no image in the OPT"));
        }
    }

    private void checkEndDoc(DatRecord record, OptDocument document) {
        String endDoc = dat.value(record, DatField.ENDDOC);
        if (!endDoc.isEmpty() && !endDoc.equals(document.lastKey())) {
            violations.add(datFault(record, DatField.ENDDOC, "ENDDOC " + endDoc + " does not match the last page of"
                    + " this document in the OPT, " + document.lastKey() + " (" + document.describeLines() + ")"));
        }
    }

    private void checkPageCount(DatRecord record, OptDocument document) {
        String pages = dat.value(record, DatField.PAGECOUNT);
        if (ConcordanceDatParser.isPositiveWholeNumber(pages) && Integer.parseInt(pages) != document.pageCount()) {
            violations.add(datFault(record, DatField.PAGECOUNT, "PAGECOUNT " + Integer.parseInt(pages)
                    + " disagrees with the OPT, which has " + document.pageCount()
                    + (document.pageCount() == 1 ? " page" : " pages") + " for this document (" + document.describeLines() + ")"));
        }
    }

    /** Within a document each page is the next number in the same Bates series. */
    private void checkPagesInSequence(OptDocument document) {
        OptPage previous = null;
        Optional<BatesNumber> previousBates = Optional.empty();
        for (OptPage page : document.pages()) {
            Optional<BatesNumber> bates = BatesNumber.tryParse(page.imageKey());
            if (bates.isEmpty()) {
                violations.add(LoadFileViolation.opt(page.line(), "image key", "image key " + page.imageKey()
                        + " is not a Bates number (a prefix followed by digits)"));
                return;
            }
            if (previousBates.isPresent() && !bates.get().directlyFollows(previousBates.get())) {
                violations.add(LoadFileViolation.opt(page.line(), "image key", "page " + page.imageKey()
                        + " is out of sequence: after " + previous.imageKey() + " (line " + previous.line()
                        + ") the next page of this document should be " + previousBates.get().next()));
            }
            previous = page;
            previousBates = bates;
        }
    }

    private LoadFileViolation datFault(DatRecord record, DatField field, String message) {
        return LoadFileViolation.dat(record.line(), dat.column(field).orElse(field.canonicalName()), message);
    }
}
