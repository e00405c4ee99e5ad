package io.legalhub.sandbox.systems;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameMatcherTest {

    @Test
    void normalisationIgnoresCasePunctuationAccentsAndLegalSuffixes() {
        assertThat(NameMatcher.normalize("Globex Inc.")).isEqualTo("globex");
        assertThat(NameMatcher.normalize("GLOBEX, Corp")).isEqualTo("globex");
        assertThat(NameMatcher.normalize("Hartwell & Sons Ltd")).isEqualTo("hartwell and sons");
        assertThat(NameMatcher.normalize("Société Générale S.A.")).isEqualTo("societe generale s a");
        assertThat(NameMatcher.normalize("The Company")).isEqualTo("the company");
    }

    @Test
    void similarNamesScoreAboveTheDefaultThresholdAndDifferentNamesBelow() {
        assertThat(NameMatcher.similarity("Globex Inc.", "Globex Corporation")).isEqualTo(1.0);
        assertThat(NameMatcher.similarity("Massive Dynamics Corp", "Massive Dynamic, Inc.")).isGreaterThan(0.85);
        assertThat(NameMatcher.similarity("Jon Marsh", "Jonathan Marsh")).isGreaterThan(0.85);
        assertThat(NameMatcher.similarity("Smith, John", "John Smith")).isEqualTo(1.0);
        assertThat(NameMatcher.similarity("Northwind Traders", "Northwind Logistics")).isLessThan(0.85);
        assertThat(NameMatcher.similarity("Acme Corporation", "Initech Software")).isZero();
        assertThat(NameMatcher.similarity("", "Acme")).isZero();
    }

    @Test
    void jaroWinklerMatchesTheTextbookValues() {
        assertThat(NameMatcher.jaroWinkler("martha", "marhta")).isCloseTo(0.961, org.assertj.core.data.Offset.offset(0.001));
        assertThat(NameMatcher.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.813, org.assertj.core.data.Offset.offset(0.001));
    }
}
