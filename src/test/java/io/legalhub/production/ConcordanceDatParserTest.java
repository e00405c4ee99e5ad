package io.legalhub.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ConcordanceDatParserTest {

    private final ConcordanceDatParser parser = new ConcordanceDatParser();

    /** One DAT row: values wrapped in þ, separated by DC4. */
    static String row(String... values) {
        return Arrays.stream(values).map(v -> "þ" + v + "þ").collect(Collectors.joining("\u0014"));
    }

    static String dat(String... rows) {
        return String.join("\r\n", rows) + "\r\n";
    }

    private static final String HEADER = row("BEGDOC", "ENDDOC", "PAGECOUNT", "SUBJECT");

    @Test
    void readsHeaderAndRowsKeepingEveryFieldInHeaderOrder() {
        DatFile file = parser.parse(dat(HEADER, row("A001", "A002", "2", "Hello"), row("A003", "A003", "1", "")));

        assertThat(file.valid()).isTrue();
        assertThat(file.fieldNames()).containsExactly("BEGDOC", "ENDDOC", "PAGECOUNT", "SUBJECT");
        assertThat(file.records()).hasSize(2);
        assertThat(file.records().get(0).line()).isEqualTo(2);
        assertThat(file.records().get(0).values()).containsExactly(
                java.util.Map.entry("BEGDOC", "A001"), java.util.Map.entry("ENDDOC", "A002"),
                java.util.Map.entry("PAGECOUNT", "2"), java.util.Map.entry("SUBJECT", "Hello"));
        assertThat(file.records().get(1).get("SUBJECT")).isEmpty();
    }

    @Test
    void registeredSignInsideAValueBecomesALineBreak() {
        DatFile file = parser.parse(dat(HEADER, row("A001", "A001", "1", "Re: plan®See attached")));

        assertThat(file.records().get(0).get("SUBJECT")).isEqualTo("Re: plan\nSee attached");
    }

    @Test
    void acceptsLfRowEndsAndTrailingBlankLines() {
        DatFile file = parser.parse(HEADER + "\n" + row("A001", "A001", "1", "x") + "\n\n\n");

        assertThat(file.valid()).isTrue();
        assertThat(file.records()).hasSize(1);
    }

    @Test
    void matchesFieldNamesCaseInsensitivelyAndByAlias() {
        DatFile file = parser.parse(dat(row("BegBates", "End_Bates", "Beg Attach", "ENDATT", "Pages", "Custodian"),
                row("A001", "A001", "A001", "A002", "1", "Jordan Lee")));

        assertThat(file.valid()).isTrue();
        assertThat(file.column(DatField.BEGDOC)).contains("BegBates");
        assertThat(file.column(DatField.ENDDOC)).contains("End_Bates");
        assertThat(file.column(DatField.BEGATTACH)).contains("Beg Attach");
        assertThat(file.column(DatField.ENDATTACH)).contains("ENDATT");
        assertThat(file.column(DatField.PAGECOUNT)).contains("Pages");
        assertThat(file.value(file.records().get(0), DatField.CUSTODIAN)).isEqualTo("Jordan Lee");
    }

    @Test
    void aRowWithAFieldMissingIsReportedOnItsLine() {
        DatFile file = parser.parse(dat(HEADER, row("A001", "A001", "1", "x"), row("A002", "A002", "1")));

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(3);
            assertThat(v.message()).contains("expected 4", "found 3");
        });
        assertThat(file.records()).hasSize(1);
        assertThat(file.unreadableRows()).isEqualTo(1);
    }

    @Test
    void aValueWithoutItsClosingThornIsAnUnterminatedQualifierOnThatLineAndField() {
        String broken = "þA001þ\u0014þA001þ\u0014þ1þ\u0014þno closing thorn";
        DatFile file = parser.parse(dat(HEADER, broken));

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(2);
            assertThat(v.field()).isEqualTo("SUBJECT");
            assertThat(v.message()).contains("unterminated qualifier");
        });
    }

    @Test
    void anUnterminatedQualifierBeforeTheNextSeparatorNamesTheFieldItOpened() {
        String broken = "þA001þ\u0014þA001\u0014þ1þ\u0014þxþ";
        DatFile file = parser.parse(dat(HEADER, broken));

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("ENDDOC");
            assertThat(v.message()).contains("no closing þ before the next DC4 separator");
        });
    }

    @Test
    void aValueNotWrappedInThornIsReported() {
        String broken = "þA001þ\u0014A001\u0014þ1þ\u0014þxþ";
        DatFile file = parser.parse(dat(HEADER, broken));

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(2);
            assertThat(v.field()).isEqualTo("ENDDOC");
            assertThat(v.message()).contains("not wrapped in þ");
        });
    }

    @Test
    void aCommaDelimitedDatIsToldApartFromAConcordanceDat() {
        DatFile file = parser.parse("þBEGDOCþ,þENDDOCþ\r\nþA001þ,þA001þ\r\n");

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(1);
            assertThat(v.message()).contains("separated by ','", "DC4");
        });
        assertThat(file.records()).isEmpty();
    }

    @Test
    void aHeaderWithoutThornsIsNotAConcordanceDat() {
        DatFile file = parser.parse("BEGDOC,ENDDOC\r\nA001,A001\r\n");

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(1);
            assertThat(v.message()).contains("no þ qualifiers", "comma-separated");
        });
    }

    @Test
    void aBlankRowInTheMiddleIsReported() {
        DatFile file = parser.parse(dat(HEADER, row("A001", "A001", "1", "x"), "", row("A002", "A002", "1", "y")));

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(3);
            assertThat(v.message()).contains("blank row");
        });
        assertThat(file.records()).hasSize(2);
    }

    @Test
    void missingAndDuplicateHeaderNamesAreReported() {
        DatFile file = parser.parse(dat(row("BEGDOC", "", "Subject", "SUBJECT"), row("A", "B", "C", "D")));

        assertThat(file.violations()).extracting(LoadFileViolation::message).containsExactly(
                "column 2 of the header has no field name",
                "field name SUBJECT appears twice in the header (columns 3 and 4)");
        assertThat(file.violations()).allSatisfy(v -> assertThat(v.line()).isEqualTo(1));
    }

    @Test
    void aDatWithoutABegdocColumnIsReported() {
        DatFile file = parser.parse(dat(row("DOCID", "SUBJECT"), row("X1", "y")));

        assertThat(file.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("no BEGDOC column"));
    }

    @Test
    void anEmptyBegdocIsReported() {
        DatFile file = parser.parse(dat(HEADER, row("", "A001", "1", "x")));

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("BEGDOC");
            assertThat(v.message()).contains("BEGDOC is empty");
        });
    }

    @Test
    void anEnddocBeforeItsBegdocIsReported() {
        DatFile file = parser.parse(dat(HEADER, row("A005", "A003", "1", "x")));

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("ENDDOC");
            assertThat(v.message()).isEqualTo("ENDDOC A003 comes before BEGDOC A005");
        });
    }

    @Test
    void aPagecountThatIsNotAPositiveWholeNumberIsReported() {
        DatFile file = parser.parse(dat(HEADER, row("A001", "A001", "0", "x"), row("A002", "A002", "two", "x"),
                row("A003", "A003", "-1", "x"), row("A004", "A004", "", "x")));

        assertThat(file.violations()).extracting(LoadFileViolation::line, LoadFileViolation::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "PAGECOUNT"),
                        org.assertj.core.groups.Tuple.tuple(3, "PAGECOUNT"),
                        org.assertj.core.groups.Tuple.tuple(4, "PAGECOUNT"));
    }

    @Test
    void aRepeatedBegdocIsReportedWithTheLineItFirstAppearedOn() {
        DatFile file = parser.parse(dat(HEADER, row("A001", "A001", "1", "x"), row("A001", "A001", "1", "y")));

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(3);
            assertThat(v.message()).contains("BEGDOC A001 already appears on line 2");
        });
        assertThat(file.records()).hasSize(1);
    }

    @Test
    void aDocumentOutsideItsAttachmentRangeIsReported() {
        DatFile file = parser.parse(dat(row("BEGDOC", "ENDDOC", "BEGATTACH", "ENDATTACH"),
                row("A009", "A009", "A001", "A004")));

        assertThat(file.violations()).singleElement().satisfies(v ->
                assertThat(v.message()).contains("lies outside its attachment range A001–A004"));
    }

    @Test
    void anEmptyFileIsReportedOnLineOne() {
        DatFile file = parser.parse("");

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(1);
            assertThat(v.message()).contains("empty");
        });
    }

    @Test
    void anEmptyValueIsTwoThornsAndAThornInsideAValueIsText() {
        DatFile file = parser.parse(dat(HEADER, row("A001", "A001", "1", "þorn þ here")));

        assertThat(file.valid()).isTrue();
        assertThat(file.records().get(0).get("SUBJECT")).isEqualTo("þorn þ here");
    }
}
