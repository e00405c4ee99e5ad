package io.legalhub.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LargeProductionTest {

    private static final List<String> FIELDS = List.of("BEGDOC", "ENDDOC", "BEGATTACH", "ENDATTACH", "CUSTODIAN",
            "SUBJECT", "FILENAME", "PAGECOUNT", "MD5HASH");

    @Test
    void tenThousandDocumentsAndAboutThirtyThousandPagesAreReadCompletely() {
        Random random = new Random(20260044);
        List<Map<String, String>> rows = new ArrayList<>();
        List<OptPage> pages = new ArrayList<>();
        BatesNumber next = BatesNumber.parse("BIG0000001");
        int families = 0;
        while (rows.size() < 10_000) {
            // every tenth document is an email with one attachment
            boolean family = rows.size() % 10 == 0 && rows.size() < 9_999;
            int parentPages = 1 + random.nextInt(5);
            int childPages = family ? 1 + random.nextInt(3) : 0;
            BatesNumber parentEnd = next.plus(parentPages - 1);
            BatesNumber familyEnd = family ? parentEnd.plus(childPages) : null;
            rows.add(row(next, parentEnd, family ? next : null, familyEnd, rows.size()));
            pages.addAll(OpticonOptWriter.documentPages("VOL001", next, parentPages, pages.size()));
            if (family) {
                families++;
                BatesNumber childBeg = parentEnd.next();
                rows.add(row(childBeg, familyEnd, next, familyEnd, rows.size()));
                pages.addAll(OpticonOptWriter.documentPages("VOL001", childBeg, childPages, pages.size()));
                next = familyEnd.next();
            } else {
                next = parentEnd.next();
            }
        }
        byte[] dat = ConcordanceDatWriter.utf8WithBom().write(FIELDS, rows);
        byte[] opt = OpticonOptWriter.utf8WithBom().write(pages);

        ProductionReport report = new ProductionLoader().load("VOL001", dat, opt);

        assertThat(report.violations()).isEmpty();
        Production production = report.production();
        assertThat(production.documentCount()).isEqualTo(10_000);
        assertThat(production.pageCount()).isEqualTo(pages.size()).isBetween(25_000, 35_000);
        assertThat(production.begBates()).isEqualTo("BIG0000001");
        assertThat(production.endBates()).isEqualTo(pages.get(pages.size() - 1).imageKey());
        assertThat(production.families()).hasSize(families);
        assertThat(production.custodians()).hasSize(7);
        assertThat(production.documents().stream().mapToInt(ProductionDocument::pages).sum()).isEqualTo(pages.size());
    }

    private static Map<String, String> row(BatesNumber beg, BatesNumber end, BatesNumber begAttach, BatesNumber endAttach, int n) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("BEGDOC", beg.toString());
        row.put("ENDDOC", end.toString());
        row.put("BEGATTACH", begAttach == null ? "" : begAttach.toString());
        row.put("ENDATTACH", endAttach == null ? "" : endAttach.toString());
        row.put("CUSTODIAN", "Custodian " + (n % 7));
        row.put("SUBJECT", "Subject " + n + "\nsecond line");
        row.put("FILENAME", "doc-" + n + ".msg");
        row.put("PAGECOUNT", Long.toString(end.number() - beg.number() + 1));
        row.put("MD5HASH", String.format("%032x", n));
        return row;
    }
}
