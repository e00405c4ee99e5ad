package io.legalhub.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LoadFileRoundTripTest {

    private final ProductionLoader loader = new ProductionLoader();

    private Production sample() {
        return Fixtures.load(Fixtures.SAMPLE_DAT, Fixtures.SAMPLE_OPT).requireValid();
    }

    @Test
    void aProductionWrittenAsUtf8WithBomReadsBackTheSame() {
        LoadFilePair pair = new ProductionLoadFileWriter().write(sample());

        ProductionReport again = loader.load("GBX001", pair.dat(), pair.opt());

        assertThat(again.violations()).isEmpty();
        assertThat(again.datEncoding()).isEqualTo(LoadFileEncoding.UTF_8_BOM);
        assertThat(again.production()).isEqualTo(sample());
    }

    @Test
    void aProductionWrittenAsWindows1252ReadsBackTheSame() {
        LoadFilePair pair = new ProductionLoadFileWriter(ConcordanceDatWriter.cp1252(), OpticonOptWriter.cp1252()).write(sample());

        ProductionReport again = loader.load("GBX001", pair.dat(), pair.opt());

        assertThat(again.violations()).isEmpty();
        assertThat(again.datEncoding()).isEqualTo(LoadFileEncoding.WINDOWS_1252);
        assertThat(again.production()).isEqualTo(sample());
    }

    @Test
    void aProductionWrittenAsUtf16ReadsBackTheSame() {
        LoadFilePair pair = new ProductionLoadFileWriter(
                new ConcordanceDatWriter(LoadFileEncoding.UTF_16LE_BOM, "\n"), new OpticonOptWriter()).write(sample());

        assertThat(loader.load("GBX001", pair.dat(), pair.opt()).production()).isEqualTo(sample());
    }

    @Test
    void theDatWriterWritesThornsDc4AndRegisteredSignsAsConcordanceDoes() {
        String text = ConcordanceDatWriter.utf8WithBom().text(List.of("BEGDOC", "SUBJECT"),
                List.of(Map.of("BEGDOC", "A001", "SUBJECT", "line one\r\nline two")));

        assertThat(text).isEqualTo("þBEGDOCþ\u0014þSUBJECTþ\r\nþA001þ\u0014þline one®line twoþ\r\n");
    }

    @Test
    void theWritersRefuseWhatTheFormatCannotHold() {
        assertThatThrownBy(() -> ConcordanceDatWriter.utf8WithBom().write(List.of("BEGDOC"), List.of(Map.of("BEGDOC", "aþb"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConcordanceDatWriter.cp1252().write(List.of("BEGDOC"), List.of(Map.of("BEGDOC", "日本"))))
                .hasMessageContaining("Windows-1252 cannot represent");
        assertThatThrownBy(() -> OpticonOptWriter.utf8WithBom().write(List.of(
                new OptPage(0, "A1", "V", "a,b.tif", true, false, false, 1)))).hasMessageContaining("comma");
    }

    @Test
    void theWrittenSampleOptMatchesTheOriginalPageForPage() {
        LoadFilePair pair = new ProductionLoadFileWriter().write(sample());
        OptFile written = new OpticonOptParser().parse(LoadFileDecoder.decode(pair.opt()).text());
        OptFile original = new OpticonOptParser().parse(LoadFileDecoder.decode(Fixtures.bytes(Fixtures.SAMPLE_OPT)).text());

        assertThat(written.pages()).extracting(OptPage::imageKey, OptPage::documentBreak, OptPage::pageCount)
                .isEqualTo(original.pages().stream()
                        .map(p -> org.assertj.core.groups.Tuple.tuple(p.imageKey(), p.documentBreak(), p.pageCount())).toList());
    }
}
