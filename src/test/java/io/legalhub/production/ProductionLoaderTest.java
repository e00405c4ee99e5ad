package io.legalhub.production;

import static io.legalhub.production.Fixtures.SAMPLE_DAT;
import static io.legalhub.production.Fixtures.SAMPLE_OPT;
import static io.legalhub.production.Fixtures.load;
import static io.legalhub.production.Fixtures.loadDat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.legalhub.deadletter.Pinpointed;
import org.junit.jupiter.api.Test;

class ProductionLoaderTest {

    @Test
    void theSampleProductionIsReadWithItsBatesSpanCountsFamilyAndCustodians() {
        ProductionReport report = load(SAMPLE_DAT, SAMPLE_OPT);

        assertThat(report.violations()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.datEncoding()).isEqualTo(LoadFileEncoding.UTF_8_BOM);
        Production production = report.production();
        assertThat(production.name()).isEqualTo("GBX001");
        assertThat(production.volume()).isEqualTo("GBX001");
        assertThat(production.begBates()).isEqualTo("GBX0000001");
        assertThat(production.endBates()).isEqualTo("GBX0000007");
        assertThat(production.documentCount()).isEqualTo(3);
        assertThat(production.pageCount()).isEqualTo(7);
        assertThat(production.custodians()).containsExactly("Jordan Lee", "Priya Nair");
        assertThat(production.families()).containsExactly(new AttachmentFamily("GBX0000001", "GBX0000004", "GBX0000001",
                List.of("GBX0000001", "GBX0000004")));
    }

    @Test
    void theSampleDocumentsCarryTheirRangesPagesAndMetadata() {
        List<ProductionDocument> documents = load(SAMPLE_DAT, SAMPLE_OPT).production().documents();

        assertThat(documents).extracting(ProductionDocument::begBates, ProductionDocument::endBates, ProductionDocument::pages)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GBX0000001", "GBX0000003", 3),
                        org.assertj.core.groups.Tuple.tuple("GBX0000004", "GBX0000004", 1),
                        org.assertj.core.groups.Tuple.tuple("GBX0000005", "GBX0000007", 3));
        ProductionDocument email = documents.get(0);
        assertThat(email.fileName()).isEqualTo("msg-0001.msg");
        assertThat(email.md5()).isEqualTo("9e107d9d372bb6826bd81d3542a419d6");
        assertThat(email.parentBates()).isNull();
        assertThat(email.attachmentRange()).isEqualTo(new AttachmentRange("GBX0000001", "GBX0000004"));
        assertThat(email.metadata()).containsOnlyKeys("DATESENT", "FROM", "TO", "SUBJECT", "CONFIDENTIALITY");
        ProductionDocument attachment = documents.get(1);
        assertThat(attachment.parentBates()).isEqualTo("GBX0000001");
        assertThat(attachment.fileName()).isEqualTo("Supply Agreement v3.docx");
        assertThat(documents.get(2).attachmentRange()).isNull();
    }

    @Test
    void theRegisteredSignInTheSampleSubjectBecomesALineBreak() {
        ProductionDocument reply = load(SAMPLE_DAT, SAMPLE_OPT).production().documents().get(2);

        assertThat(reply.metadata().get("SUBJECT")).isEqualTo("Re: delivery schedule\nSee the attached plan");
    }

    @Test
    void aWindows1252DatIsDecodedWithItsAccentedLetters() {
        ProductionReport report = loadDat("encoding-cp1252.dat");

        assertThat(report.violations()).isEmpty();
        assertThat(report.datEncoding()).isEqualTo(LoadFileEncoding.WINDOWS_1252);
        assertThat(report.production().custodians()).containsExactly("Jordan Lee", "Zoë Müller");
        assertThat(report.production().documents().get(2).metadata().get("SUBJECT")).contains("\n");
    }

    @Test
    void aUtf16LittleEndianDatWithBomReadsLikeTheSample() {
        ProductionReport report = loadDat("encoding-utf16le-bom.dat");

        assertThat(report.violations()).isEmpty();
        assertThat(report.datEncoding()).isEqualTo(LoadFileEncoding.UTF_16LE_BOM);
        assertThat(report.production()).isEqualTo(load(SAMPLE_DAT, SAMPLE_OPT).production());
    }

    @Test
    void lfAndCrlfLineEndingsGiveTheSameProduction() {
        ProductionReport lf = load("line-endings-lf.dat", "line-endings-lf.opt");

        assertThat(lf.violations()).isEmpty();
        assertThat(lf.production()).isEqualTo(load(SAMPLE_DAT, SAMPLE_OPT).production());
    }

    @Test
    void aDatRowMissingAFieldIsReportedOnItsLine() {
        ProductionReport report = loadDat("row-missing-field.dat");

        assertThat(report.valid()).isFalse();
        assertThat(report.violations().get(0).describe())
                .isEqualTo("DAT line 3: wrong number of fields: expected 13 (as in the header), found 12");
    }

    @Test
    void anUnterminatedQualifierIsReportedOnItsLineAndField() {
        ProductionReport report = loadDat("unterminated-qualifier.dat");

        assertThat(report.violations().get(0)).satisfies(v -> {
            assertThat(v.line()).isEqualTo(4);
            assertThat(v.field()).isEqualTo("SUBJECT");
            assertThat(v.message()).contains("unterminated qualifier");
        });
    }

    @Test
    void aCommaDelimitedDatIsRejectedNamingTheSeparator() {
        ProductionReport report = loadDat("comma-delimited.dat");

        assertThat(report.violations()).hasSize(1);
        assertThat(report.violations().get(0).describe())
                .isEqualTo("DAT line 1: the header's fields are separated by ',' instead of the DC4 character (U+0014) a Concordance DAT uses");
    }

    @Test
    void anOptLineWithSixFieldsIsReportedOnItsLine() {
        ProductionReport report = load(SAMPLE_DAT, "opt-six-fields.opt");

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.file()).isEqualTo(LoadFile.OPT);
            assertThat(v.line()).isEqualTo(5);
            assertThat(v.message()).contains("expected 7 comma-separated fields", "found 6");
        });
    }

    @Test
    void aPagecountDisagreeingWithTheOptIsReported() {
        ProductionReport report = loadDat("pagecount-mismatch.dat");

        assertThat(report.violations()).singleElement().satisfies(v -> assertThat(v.describe()).isEqualTo(
                "DAT line 4, field PAGECOUNT: PAGECOUNT 4 disagrees with the OPT, which has 3 pages for this document (OPT lines 5–7)"));
    }

    @Test
    void anEnddocNotMatchingTheLastOptPageIsReported() {
        ProductionReport report = loadDat("enddoc-mismatch.dat");

        assertThat(report.violations()).singleElement().satisfies(v -> assertThat(v.describe()).isEqualTo(
                "DAT line 2, field ENDDOC: ENDDOC GBX0000002 does not match the last page of this document in the OPT,"
                        + " GBX0000003 (OPT lines 1–3)"));
    }

    @Test
    void aDatDocumentWithoutImagesInTheOptIsReported() {
        ProductionReport report = loadDat("dat-document-missing-from-opt.dat");

        assertThat(report.violations()).singleElement().satisfies(v -> assertThat(v.describe())
                .isEqualTo("DAT line 5, field BEGDOC: BEGDOC GBX0000008 has no image in the OPT"));
    }

    @Test
    void anOptDocumentWithoutADatRecordIsReported() {
        ProductionReport report = load(SAMPLE_DAT, "opt-document-missing-from-dat.opt");

        assertThat(report.violations()).singleElement().satisfies(v -> assertThat(v.describe())
                .isEqualTo("OPT line 8, field image key: the document starting at GBX0000008 (1 page) has no record in the DAT"));
    }

    @Test
    void aPageOutOfSequenceWithinADocumentIsReported() {
        ProductionReport report = load(SAMPLE_DAT, "opt-page-out-of-sequence.opt");

        assertThat(report.violations()).extracting(LoadFileViolation::describe).contains(
                "OPT line 6, field image key: page GBX0000009 is out of sequence: after GBX0000005 (line 5)"
                        + " the next page of this document should be GBX0000006");
    }

    @Test
    void aDuplicateBegdocIsReported() {
        ProductionReport report = loadDat("duplicate-begdoc.dat");

        assertThat(report.violations()).extracting(LoadFileViolation::describe).contains(
                "DAT line 4, field BEGDOC: BEGDOC GBX0000004 already appears on line 3; each document must have its own BEGDOC");
    }

    @Test
    void anEmptyDatIsReported() {
        ProductionReport report = loadDat("empty.dat");

        assertThat(report.valid()).isFalse();
        assertThat(report.violations()).extracting(LoadFileViolation::describe)
                .containsExactly("DAT line 1: the DAT file is empty: it has no header row and no documents");
        assertThat(report.production().documentCount()).isZero();
    }

    @Test
    void aHeaderOnlyDatIsAnEmptyProductionAndRejectedAsHavingNoDocuments() {
        ProductionReport report = load("header-only.dat", "empty.opt");

        assertThat(report.valid()).isFalse();
        assertThat(report.production().documentCount()).isZero();
        assertThat(report.production().pageCount()).isZero();
        assertThat(report.violations()).extracting(LoadFileViolation::describe).containsExactly(
                "DAT line 1: the production has no documents: the DAT has a header row but no document rows",
                "OPT line 1: the OPT file is empty: it lists no page images");
    }

    @Test
    void anInvalidPairIsDeadLetteredWithTheFirstLineAndFieldPinpointed() {
        ProductionReport report = loadDat("unterminated-qualifier.dat");

        assertThatThrownBy(report::requireValid)
                .isInstanceOf(InvalidLoadFileException.class)
                .isInstanceOf(Pinpointed.class)
                .hasMessageStartingWith("production GBX001: ")
                .hasMessageContaining("DAT line 4, field SUBJECT: ")
                .satisfies(e -> {
                    Pinpointed pinpointed = (Pinpointed) e;
                    assertThat(pinpointed.failedLine()).isEqualTo(4);
                    assertThat(pinpointed.failedField()).isEqualTo("DAT:SUBJECT");
                });
    }

    @Test
    void aValidPairPassesRequireValid() {
        assertThat(load(SAMPLE_DAT, SAMPLE_OPT).requireValid().documentCount()).isEqualTo(3);
    }

    @Test
    void aHeaderOnlyDatWithImagesIsReportedOnceAsHavingNoDocuments() {
        ProductionReport report = load("header-only.dat", SAMPLE_OPT);

        assertThat(report.violations()).extracting(LoadFileViolation::describe).containsExactly(
                "DAT line 1: the production has no documents: the DAT has a header row but no document rows");
    }

    @Test
    void aFamilyGivenOnlyByParentBatesIsFound() {
        List<String> fields = List.of("BEGBATES", "ENDBATES", "PARENT_BATES", "PAGES");
        byte[] dat = ConcordanceDatWriter.utf8WithBom().write(fields, List.of(
                java.util.Map.of("BEGBATES", "ABC-0001", "ENDBATES", "ABC-0002", "PARENT_BATES", "", "PAGES", "2"),
                java.util.Map.of("BEGBATES", "ABC-0003", "ENDBATES", "ABC-0003", "PARENT_BATES", "ABC-0001", "PAGES", "1"),
                java.util.Map.of("BEGBATES", "ABC-0004", "ENDBATES", "ABC-0004", "PARENT_BATES", "ABC-0001", "PAGES", "1")));
        List<OptPage> pages = new java.util.ArrayList<>(OpticonOptWriter.documentPages("V1", BatesNumber.parse("ABC-0001"), 2, 0));
        pages.addAll(OpticonOptWriter.documentPages("V1", BatesNumber.parse("ABC-0003"), 1, 2));
        pages.addAll(OpticonOptWriter.documentPages("V1", BatesNumber.parse("ABC-0004"), 1, 3));

        ProductionReport report = new ProductionLoader().load("ABC", dat, OpticonOptWriter.utf8WithBom().write(pages));

        assertThat(report.violations()).isEmpty();
        assertThat(report.production().volume()).isEqualTo("V1");
        assertThat(report.production().families()).containsExactly(
                new AttachmentFamily("ABC-0001", "ABC-0004", "ABC-0001", List.of("ABC-0001", "ABC-0003", "ABC-0004")));
        assertThat(report.production().documents()).extracting(ProductionDocument::parentBates)
                .containsExactly(null, "ABC-0001", "ABC-0001");
    }
}
