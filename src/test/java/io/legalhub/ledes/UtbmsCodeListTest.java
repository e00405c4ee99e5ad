package io.legalhub.ledes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UtbmsCodeListTest {

    private final UtbmsCodeList codes = new UtbmsCodeList();

    @Test
    void shippedListIsReadFromTheClasspathWithEveryRow() {
        // 34 litigation + 11 activity + 24 expense + 51 timekeeper + 6 legacy
        assertThat(codes.size()).isEqualTo(126);
    }

    @Test
    void codesAreSortedIntoTheirFieldsByCodeSet() {
        assertThat(codes.isTaskCode("L110")).isTrue();
        assertThat(codes.isTaskCode("E101")).isFalse();
        assertThat(codes.isActivityCode("A111")).isTrue();
        assertThat(codes.isExpenseCode("E124")).isTrue();
        assertThat(codes.find("PARTNR", UtbmsCode.Kind.TIMEKEEPER)).isPresent();
        assertThat(codes.find("PT", UtbmsCode.Kind.LEGACY_TIMEKEEPER)).isPresent();
    }

    @Test
    void quotedNamesWithCommasAreRead() {
        assertThat(codes.find("L100", UtbmsCode.Kind.TASK)).get().extracting(UtbmsCode::name)
                .isEqualTo("Case Assessment, Development and Administration");
    }

    @Test
    void legacyTimekeeperCodesPointToTheCurrentCodeWithTheSameName() {
        UtbmsCode paralegal = codes.find("PL", UtbmsCode.Kind.LEGACY_TIMEKEEPER).orElseThrow();
        assertThat(codes.currentEquivalentOf(paralegal)).get().extracting(UtbmsCode::code).isEqualTo("PARALG");
    }

    @Test
    void aFirmsOwnCsvCanBeLoadedFromAFile(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("codes.csv");
        Files.writeString(csv, "\uFEFFcode,name,code_set\r\nB110,\"Case Administration, general\",bankruptcy\r\n");

        UtbmsCodeList own = UtbmsCodeList.fromPath(csv);

        assertThat(own.size()).isEqualTo(1);
        assertThat(own.isTaskCode("b110")).isTrue();
        assertThat(own.isTaskCode("L110")).isFalse();
    }

    @Test
    void csvWithoutTheNeededColumnsIsRefusedWithTheColumnName() {
        assertThatThrownBy(() -> new UtbmsCodeList(new StringReader("set,code,name\nlitigation,L110,x\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("code_set");
    }
}
