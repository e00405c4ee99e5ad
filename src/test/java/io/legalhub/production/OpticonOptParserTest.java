package io.legalhub.production;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpticonOptParserTest {

    private final OpticonOptParser parser = new OpticonOptParser();

    @Test
    void readsSevenFieldsPerPageAndGroupsPagesIntoDocuments() {
        OptFile file = parser.parse(new String(Fixtures.bytes(Fixtures.SAMPLE_OPT), java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(file.valid()).isTrue();
        assertThat(file.pages()).hasSize(7);
        assertThat(file.pages().get(0)).isEqualTo(
                new OptPage(1, "GBX0000001", "GBX001", "IMAGES\\001\\GBX0000001.tif", true, false, false, 3));
        assertThat(file.documents()).extracting(OptDocument::firstKey, OptDocument::lastKey, OptDocument::pageCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GBX0000001", "GBX0000003", 3),
                        org.assertj.core.groups.Tuple.tuple("GBX0000004", "GBX0000004", 1),
                        org.assertj.core.groups.Tuple.tuple("GBX0000005", "GBX0000007", 3));
    }

    @Test
    void aLineWithSixFieldsIsReportedOnItsLine() {
        OptFile file = parser.parse("A1,V,a.tif,Y,,,1\nA2,V,b.tif,Y,,1\n");

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.file()).isEqualTo(LoadFile.OPT);
            assertThat(v.line()).isEqualTo(2);
            assertThat(v.message()).contains("expected 7", "found 6");
        });
        assertThat(file.unreadableLines()).isEqualTo(1);
    }

    @Test
    void documentBreakIsYInEitherCaseOrEmpty() {
        OptFile file = parser.parse("A1,V,a.tif,y,,,\nA2,V,b.tif,,,,\nA3,V,c.tif,X,,,\n");

        assertThat(file.pages()).extracting(OptPage::documentBreak).containsExactly(true, false, false);
        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(3);
            assertThat(v.field()).isEqualTo("document break");
            assertThat(v.message()).contains("must be Y or empty, found 'X'");
        });
    }

    @Test
    void aPageCountThatIsNotAWholeNumberIsReported() {
        OptFile file = parser.parse("A1,V,a.tif,Y,,,three\n");

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("page count");
            assertThat(v.message()).contains("'three'");
        });
    }

    @Test
    void aPageCountDisagreeingWithThePagesThatFollowIsReported() {
        OptFile file = parser.parse("A1,V,a.tif,Y,,,3\nA2,V,b.tif,,,,\nA3,V,c.tif,Y,,,1\n");

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(1);
            assertThat(v.message()).contains("says 3 pages for document A1, but 2 pages follow");
        });
    }

    @Test
    void aDuplicateImageKeyIsReportedWithTheFirstLine() {
        OptFile file = parser.parse("A1,V,a.tif,Y,,,1\nA1,V,a.tif,Y,,,1\n");

        assertThat(file.violations()).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(2);
            assertThat(v.message()).contains("image key A1 already appears on line 1");
        });
        assertThat(file.pages()).hasSize(1);
    }

    @Test
    void theFirstPageMustStartADocument() {
        OptFile file = parser.parse("A1,V,a.tif,,,,\n");

        assertThat(file.violations()).singleElement().satisfies(v ->
                assertThat(v.message()).contains("is not marked as the start of a document"));
        assertThat(file.documents()).hasSize(1);
    }

    @Test
    void crlfAndTrailingBlankLinesAreAccepted() {
        OptFile file = parser.parse("A1,V,a.tif,Y,,,1\r\nA2,V,b.tif,Y,,,1\r\n\r\n");

        assertThat(file.valid()).isTrue();
        assertThat(file.pages()).hasSize(2);
    }
}
