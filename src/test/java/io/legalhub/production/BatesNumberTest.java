package io.legalhub.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatesNumberTest {

    @Test
    void splitsPrefixNumberAndWidth() {
        BatesNumber bates = BatesNumber.parse("GBX0000123");

        assertThat(bates.prefix()).isEqualTo("GBX");
        assertThat(bates.number()).isEqualTo(123);
        assertThat(bates.width()).isEqualTo(7);
        assertThat(bates).hasToString("GBX0000123");
    }

    @Test
    void keepsPunctuationAndEarlierDigitsInThePrefix() {
        assertThat(BatesNumber.parse("ABC-000123").prefix()).isEqualTo("ABC-");
        assertThat(BatesNumber.parse("ABC0001.0002")).extracting(BatesNumber::prefix, BatesNumber::number)
                .containsExactly("ABC0001.", 2L);
        assertThat(BatesNumber.parse("0000042").prefix()).isEmpty();
    }

    @Test
    void textWithoutTrailingDigitsIsNotABatesNumber() {
        assertThat(BatesNumber.tryParse("GBX")).isEmpty();
        assertThat(BatesNumber.tryParse("")).isEmpty();
        assertThatThrownBy(() -> BatesNumber.parse("ABC-X")).hasMessageContaining("not a Bates number");
    }

    @Test
    void nextKeepsTheZeroPaddingAndGrowsPastIt() {
        assertThat(BatesNumber.parse("GBX0000009").next()).hasToString("GBX0000010");
        assertThat(BatesNumber.parse("A99").next()).hasToString("A100");
    }

    @Test
    void ordersByPrefixThenNumber() {
        assertThat(BatesNumber.parse("GBX0000002")).isGreaterThan(BatesNumber.parse("GBX0000001"));
        assertThat(BatesNumber.parse("GBX10")).isGreaterThan(BatesNumber.parse("GBX0000009"));
        assertThat(BatesNumber.parse("AAA9")).isLessThan(BatesNumber.parse("BBB1"));
    }

    @Test
    void rangeCountsItsPagesAndKnowsWhatItContains() {
        BatesRange range = BatesRange.of("GBX0000001", "GBX0000003");

        assertThat(range.size()).isEqualTo(3);
        assertThat(range.contains(BatesNumber.parse("GBX0000002"))).isTrue();
        assertThat(range.contains(BatesNumber.parse("GBX0000004"))).isFalse();
        assertThat(range.contains(BatesNumber.parse("XYZ0000002"))).isFalse();
    }

    @Test
    void rangesAreContiguousOnlyWhenTheNextStartsRightAfterInTheSamePrefix() {
        BatesRange first = BatesRange.of("GBX0000001", "GBX0000003");

        assertThat(first.isContiguousWith(BatesRange.of("GBX0000004", "GBX0000004"))).isTrue();
        assertThat(first.isContiguousWith(BatesRange.of("GBX0000005", "GBX0000006"))).isFalse();
        assertThat(first.isContiguousWith(BatesRange.of("XYZ0000004", "XYZ0000004"))).isFalse();
    }

    @Test
    void aRangeCannotCrossPrefixesOrRunBackwards() {
        assertThatThrownBy(() -> BatesRange.of("ABC0009", "XYZ0001")).hasMessageContaining("cannot cross prefixes");
        assertThatThrownBy(() -> BatesRange.of("ABC0009", "ABC0001")).hasMessageContaining("cannot end before");
    }
}
