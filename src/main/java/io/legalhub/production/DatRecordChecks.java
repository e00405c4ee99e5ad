package io.legalhub.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks one DAT row must pass on its own: a BEGDOC that is a Bates number, an ENDDOC not before it,
 * a PAGECOUNT that is a positive whole number, an attachment range that holds the document. Bates values
 * are quoted in messages (they are identifiers); other metadata never is, because it may be privileged.
 */
final class DatRecordChecks {

    private final Map<DatField, String> columns;
    private final DatRecord record;
    private final List<LoadFileViolation> violations = new ArrayList<>();

    DatRecordChecks(Map<DatField, String> columns, DatRecord record) {
        this.columns = columns;
        this.record = record;
    }

    List<LoadFileViolation> check() {
        Optional<BatesNumber> begDoc = checkBegDoc();
        begDoc.ifPresent(this::checkEndDoc);
        checkPageCount();
        checkAttachmentRange(begDoc);
        return violations;
    }

    private Optional<BatesNumber> checkBegDoc() {
        if (!columns.containsKey(DatField.BEGDOC)) {
            return Optional.empty();
        }
        String begDoc = value(DatField.BEGDOC);
        if (begDoc.isEmpty()) {
            fault(DatField.BEGDOC, "BEGDOC is empty; every document needs its first Bates number");
            return Optional.empty();
        }
        return bates(DatField.BEGDOC, begDoc);
    }

    private void checkEndDoc(BatesNumber begDoc) {
        String endText = value(DatField.ENDDOC);
        if (endText.isEmpty()) {
            return; // the OPT says where the document ends
        }
        bates(DatField.ENDDOC, endText).ifPresent(endDoc -> {
            if (!endDoc.sameSeries(begDoc)) {
                fault(DatField.ENDDOC, "ENDDOC " + endDoc + " has a different Bates prefix from BEGDOC " + begDoc
                        + "; a document's pages are numbered in one series");
            } else if (endDoc.isBefore(begDoc)) {
                fault(DatField.ENDDOC, "ENDDOC " + endDoc + " comes before BEGDOC " + begDoc);
            }
        });
    }

    private void checkPageCount() {
        String pages = value(DatField.PAGECOUNT);
        if (!pages.isEmpty() && !ConcordanceDatParser.isPositiveWholeNumber(pages)) {
            fault(DatField.PAGECOUNT, "PAGECOUNT '" + pages + "' is not a positive whole number");
        }
    }

    private void checkAttachmentRange(Optional<BatesNumber> begDoc) {
        String begText = value(DatField.BEGATTACH);
        String endText = value(DatField.ENDATTACH);
        Optional<BatesNumber> begAttach = begText.isEmpty() ? Optional.empty() : bates(DatField.BEGATTACH, begText);
        Optional<BatesNumber> endAttach = endText.isEmpty() ? Optional.empty() : bates(DatField.ENDATTACH, endText);
        if (begText.isEmpty() != endText.isEmpty()) {
            fault(begText.isEmpty() ? DatField.BEGATTACH : DatField.ENDATTACH,
                    "BEGATTACH and ENDATTACH must both be given or both be empty");
            return;
        }
        if (begAttach.isEmpty() || endAttach.isEmpty()) {
            return;
        }
        BatesNumber first = begAttach.get();
        BatesNumber last = endAttach.get();
        if (!first.sameSeries(last) || last.isBefore(first)) {
            fault(DatField.ENDATTACH, "ENDATTACH " + last + " comes before BEGATTACH " + first + " or is in another series");
            return;
        }
        BatesRange family = new BatesRange(first, last);
        begDoc.filter(beg -> !family.contains(beg)).ifPresent(beg -> fault(DatField.BEGATTACH,
                "BEGDOC " + beg + " lies outside its attachment range " + first + "–" + last));
    }

    private Optional<BatesNumber> bates(DatField field, String text) {
        Optional<BatesNumber> parsed = BatesNumber.tryParse(text);
        if (parsed.isEmpty()) {
            fault(field, field.canonicalName() + " '" + text + "' is not a Bates number (a prefix followed by digits)");
        }
        return parsed;
    }

    private String value(DatField field) {
        String column = columns.get(field);
        return column == null ? "" : record.get(column).trim();
    }

    private void fault(DatField field, String message) {
        violations.add(LoadFileViolation.dat(record.line(), columns.getOrDefault(field, field.canonicalName()), message));
    }
}
