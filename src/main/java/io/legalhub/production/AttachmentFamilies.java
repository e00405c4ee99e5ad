package io.legalhub.production;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds parent/attachment families. With BEGATTACH/ENDATTACH, documents sharing a range form a family; a
 * range that covers only its own document (some platforms fill it in for every stand-alone document) is
 * not a family. With only a PARENT_BATES column, a parent and the documents naming it form one.
 */
final class AttachmentFamilies {

    private AttachmentFamilies() {
    }

    static List<AttachmentFamily> of(DatFile dat, List<ProductionDocument> documents) {
        if (dat.has(DatField.BEGATTACH) && dat.has(DatField.ENDATTACH)) {
            return byRange(documents);
        }
        if (dat.has(DatField.PARENT)) {
            return byParent(documents);
        }
        return List.of();
    }

    private static List<AttachmentFamily> byRange(List<ProductionDocument> documents) {
        Map<AttachmentRange, List<ProductionDocument>> members = new LinkedHashMap<>();
        for (ProductionDocument document : documents) {
            if (document.attachmentRange() != null) {
                members.computeIfAbsent(document.attachmentRange(), r -> new ArrayList<>()).add(document);
            }
        }
        List<AttachmentFamily> families = new ArrayList<>();
        members.forEach((range, docs) -> {
            boolean onlyItself = docs.size() == 1 && range.beg().equals(docs.get(0).begBates())
                    && range.end().equals(docs.get(0).endBates());
            if (!onlyItself) {
                families.add(new AttachmentFamily(range.beg(), range.end(), range.beg(),
                        docs.stream().map(ProductionDocument::begBates).toList()));
            }
        });
        return families;
    }

    private static List<AttachmentFamily> byParent(List<ProductionDocument> documents) {
        Map<String, ProductionDocument> byBeg = new LinkedHashMap<>();
        documents.forEach(d -> byBeg.putIfAbsent(d.begBates(), d));
        Map<String, List<ProductionDocument>> children = new LinkedHashMap<>();
        for (ProductionDocument document : documents) {
            if (document.parentBates() != null) {
                children.computeIfAbsent(document.parentBates(), p -> new ArrayList<>()).add(document);
            }
        }
        List<AttachmentFamily> families = new ArrayList<>();
        children.forEach((parent, kids) -> {
            List<ProductionDocument> all = new ArrayList<>();
            if (byBeg.containsKey(parent)) {
                all.add(byBeg.get(parent));
            }
            all.addAll(kids);
            String end = all.stream().map(ProductionDocument::endBates).max(AttachmentFamilies::compareBates).orElse(parent);
            families.add(new AttachmentFamily(parent, end, parent, all.stream().map(ProductionDocument::begBates).toList()));
        });
        return families;
    }

    /** By Bates order where both parse, else as text (a faulty value was already reported). */
    private static int compareBates(String a, String b) {
        return BatesNumber.tryParse(a).flatMap(x -> BatesNumber.tryParse(b).map(x::compareTo)).orElse(a.compareTo(b));
    }
}
