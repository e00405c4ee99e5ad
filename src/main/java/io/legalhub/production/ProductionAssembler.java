package io.legalhub.production;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Builds the {@link Production} summary from a parsed DAT and OPT, as far as they could be read. */
final class ProductionAssembler {

    private ProductionAssembler() {
    }

    static Production assemble(String name, DatFile dat, OptFile opt, LoadFileCrossChecks matcher) {
        List<ProductionDocument> documents = new ArrayList<>();
        for (DatRecord record : dat.records()) {
            documents.add(document(dat, record, matcher.optDocumentOf(record)));
        }
        Set<String> custodians = new TreeSet<>();
        documents.stream().map(ProductionDocument::custodian).filter(c -> c != null).forEach(custodians::add);
        String volume = opt.pages().stream().map(OptPage::volume).filter(v -> !v.isEmpty()).findFirst().orElse(name);
        String[] span = span(documents, opt);
        return new Production(name, volume, span[0], span[1], documents.size(), opt.pages().size(),
                AttachmentFamilies.of(dat, documents), List.copyOf(custodians), documents, dat.fieldNames());
    }

    private static ProductionDocument document(DatFile dat, DatRecord record, Optional<OptDocument> images) {
        String begBates = dat.value(record, DatField.BEGDOC);
        String endDoc = dat.value(record, DatField.ENDDOC);
        String endBates = !endDoc.isEmpty() ? endDoc : images.map(OptDocument::lastKey).orElse(begBates);
        String pageCount = dat.value(record, DatField.PAGECOUNT);
        int pages = images.map(OptDocument::pageCount).orElse(
                ConcordanceDatParser.isPositiveWholeNumber(pageCount) ? Integer.parseInt(pageCount) : 0);

        String begAttach = dat.value(record, DatField.BEGATTACH);
        String endAttach = dat.value(record, DatField.ENDATTACH);
        AttachmentRange range = begAttach.isEmpty() || endAttach.isEmpty() ? null : new AttachmentRange(begAttach, endAttach);
        // An attachment names its parent either directly (PARENT_BATES) or through the family range, whose
        // first page is the parent's BEGDOC.
        String parent = dat.has(DatField.PARENT) ? dat.value(record, DatField.PARENT) : begAttach;
        String parentBates = parent.isEmpty() || parent.equals(begBates) ? null : parent;

        Map<String, String> metadata = new LinkedHashMap<>(record.values());
        for (DatField field : DatField.values()) { // columns with a role are named properties, not metadata
            dat.column(field).ifPresent(metadata::remove);
        }
        return new ProductionDocument(begBates, endBates, pages, emptyToNull(dat.value(record, DatField.CUSTODIAN)),
                emptyToNull(dat.value(record, DatField.FILENAME)), emptyToNull(dat.value(record, DatField.MD5HASH)),
                parentBates, range, metadata);
    }

    /**
     * First and last Bates number of the production. In one series that is the lowest and highest number
     * (robust to a DAT not sorted by Bates); across several prefixes there is no natural order, so it is
     * the first document's first page and the last document's last page as the DAT lists them.
     */
    private static String[] span(List<ProductionDocument> documents, OptFile opt) {
        List<BatesNumber> all = Stream.concat(
                documents.stream().flatMap(d -> Stream.of(d.begBates(), d.endBates())),
                opt.pages().stream().map(OptPage::imageKey))
                .map(BatesNumber::tryParse).flatMap(Optional::stream).toList();
        if (all.isEmpty()) {
            return new String[] {null, null};
        }
        boolean oneSeries = all.stream().allMatch(b -> b.sameSeries(all.get(0)));
        if (oneSeries || documents.isEmpty()) {
            BatesNumber first = all.stream().min(BatesNumber::compareTo).orElseThrow();
            BatesNumber last = all.stream().max(BatesNumber::compareTo).orElseThrow();
            return new String[] {first.toString(), last.toString()};
        }
        return new String[] {documents.get(0).begBates(), documents.get(documents.size() - 1).endBates()};
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
