package io.legalhub.ledes;

import static io.legalhub.ledes.Severity.ERROR;
import static io.legalhub.ledes.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every LEDES file in the test resources (the shared samples and our own) with the verdict and the exact
 * violations (line, field, severity) a user should see. Message wording is checked in {@link LedesValidatorTest}.
 */
class LedesFileVerdictTest {

    private static final LedesValidator VALIDATOR = new LedesValidator();

    record Expected(int line, String field, Severity severity) {
        @Override
        public String toString() {
            return line + ":" + field + ":" + severity;
        }
    }

    static Expected error(int line, String field) {
        return new Expected(line, field, ERROR);
    }

    static Expected warning(int line, String field) {
        return new Expected(line, field, WARNING);
    }

    static Stream<Arguments> files() {
        return Stream.of(
                // shared samples
                arguments("valid-two-fee-lines.txt", true, List.of()),
                arguments("valid-fees-expenses-adjustments.txt", true, List.of()),
                arguments("valid-large-discovery-invoice.txt", true, List.of()),
                arguments("invalid-date-format.txt", false, List.of(error(4, "LINE_ITEM_DATE"))),
                arguments("invalid-total-mismatch.txt", false, List.of(error(3, "INVOICE_TOTAL"), error(4, "INVOICE_TOTAL"))),
                arguments("invalid-unknown-utbms-task-code.txt", false, List.of(error(3, "LINE_ITEM_TASK_CODE"))),
                // line 6 has 23 fields; without its 12.00 the other lines sum to 2285.00, not 2297.00
                arguments("invalid-wrong-field-count.txt", false, List.of(error(6, "FIELD_COUNT"),
                        error(3, "INVOICE_TOTAL"), error(4, "INVOICE_TOTAL"), error(5, "INVOICE_TOTAL"),
                        error(7, "INVOICE_TOTAL"), error(8, "INVOICE_TOTAL"), error(9, "INVOICE_TOTAL"))),
                // our own: valid
                arguments("valid-two-invoices.txt", true, List.of()),
                arguments("valid-crlf-line-ends.txt", true, List.of()),
                arguments("valid-utf8-bom.txt", true, List.of()),
                arguments("valid-trailing-blank-line.txt", true, List.of()),
                arguments("valid-invoice-level-adjustments.txt", true, List.of()),
                arguments("valid-negative-line-adjustment.txt", true, List.of()),
                arguments("valid-spec-style-amounts.txt", true, List.of()),
                arguments("valid-four-decimal-amounts.txt", true, List.of()),
                arguments("valid-legacy-timekeeper-class.txt", true, List.of(warning(3, "TIMEKEEPER_CLASSIFICATION"))),
                arguments("valid-invoice-number-with-dash.txt", true, List.of(warning(3, "INVOICE_NUMBER"), warning(4, "INVOICE_NUMBER"))),
                arguments("valid-line-date-outside-period.txt", true, List.of(warning(4, "LINE_ITEM_DATE"))),
                // our own: invalid
                arguments("invalid-impossible-date.txt", false, List.of(error(4, "LINE_ITEM_DATE"))),
                arguments("invalid-billing-start-after-end.txt", false, List.of(error(3, "BILLING_START_DATE"), error(4, "BILLING_START_DATE"))),
                arguments("invalid-missing-required-fields.txt", false, List.of(error(3, "CLIENT_ID"), error(3, "LINE_ITEM_DATE"),
                        error(4, "LAW_FIRM_ID"), error(4, "LINE_ITEM_NUMBER_OF_UNITS"), error(5, "EXP/FEE/INV_ADJ_TYPE"))),
                arguments("invalid-missing-record-end.txt", false, List.of(error(4, "LINE_END"))),
                arguments("invalid-wrong-header-field.txt", false, List.of(error(2, "LINE_ITEM_TOTAL"))),
                arguments("invalid-header-missing-field.txt", false, List.of(error(2, "CLIENT_MATTER_ID"))),
                arguments("invalid-98bi-header.txt", false, List.of(error(1, "HEADER"))),
                arguments("invalid-duplicate-line-numbers.txt", false, List.of(error(5, "LINE_ITEM_NUMBER"))),
                arguments("invalid-inconsistent-invoice-fields.txt", false, List.of(error(4, "INVOICE_DATE"), error(4, "CLIENT_ID"),
                        error(4, "CLIENT_MATTER_ID"), warning(4, "INVOICE_DESCRIPTION"), error(4, "INVOICE_TOTAL"))),
                arguments("invalid-expense-without-code.txt", false, List.of(error(4, "LINE_ITEM_EXPENSE_CODE"))),
                arguments("invalid-code-in-wrong-field.txt", false, List.of(error(3, "LINE_ITEM_TASK_CODE"),
                        error(4, "LINE_ITEM_TASK_CODE"), error(4, "LINE_ITEM_ACTIVITY_CODE"))),
                arguments("invalid-overlong-fields.txt", false, List.of(error(3, "INVOICE_NUMBER"), error(3, "TIMEKEEPER_NAME"),
                        error(3, "CLIENT_MATTER_ID"), error(4, "INVOICE_NUMBER"), error(4, "CLIENT_MATTER_ID"))),
                // line 4 has 25 fields; lines 3 and 5 then sum to 815.00, not 1490.00
                arguments("invalid-too-many-fields.txt", false, List.of(error(4, "FIELD_COUNT"),
                        error(3, "INVOICE_TOTAL"), error(5, "INVOICE_TOTAL"))),
                arguments("invalid-blank-line-in-middle.txt", false, List.of(error(4, "BLANK_LINE"))),
                arguments("invalid-unknown-timekeeper-class.txt", false, List.of(error(3, "TIMEKEEPER_CLASSIFICATION"))),
                arguments("invalid-amount-formats.txt", false, List.of(error(3, "INVOICE_TOTAL"), error(3, "LINE_ITEM_UNIT_COST"),
                        error(4, "INVOICE_TOTAL"), error(4, "LINE_ITEM_TOTAL"),
                        error(5, "INVOICE_TOTAL"), error(5, "LINE_ITEM_NUMBER_OF_UNITS"), error(5, "LINE_ITEM_TOTAL"))),
                arguments("invalid-zero-units.txt", false, List.of(error(3, "LINE_ITEM_NUMBER_OF_UNITS"))),
                arguments("invalid-line-total-arithmetic.txt", false, List.of(error(4, "LINE_ITEM_TOTAL"))),
                arguments("invalid-unknown-line-type.txt", false, List.of(error(3, "EXP/FEE/INV_ADJ_TYPE"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void fileGetsItsVerdictAndExactlyItsViolations(String file, boolean valid, List<Expected> expected) {
        LedesReport report = VALIDATOR.validate(LedesTestFiles.read(file));

        List<Expected> actual = report.violations().stream()
                .map(v -> new Expected(v.line(), v.field(), v.severity())).toList();
        assertThat(actual).as(report.violations().toString()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.valid()).isEqualTo(valid);
        assertThat(report.violations()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    }

    @Test
    void everyLedesTestFileHasAnExpectedVerdict() throws Exception {
        Path dir = Path.of(LedesFileVerdictTest.class.getClassLoader().getResource("ledes").toURI());
        List<String> covered = files().map(a -> (String) a.get()[0]).toList();
        try (Stream<Path> all = Files.list(dir)) {
            assertThat(all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")))
                    .containsExactlyInAnyOrderElementsOf(covered);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void violationsAreListedInLineOrder(String file, boolean valid, List<Expected> expected) {
        List<Integer> lines = VALIDATOR.validate(LedesTestFiles.read(file)).violations().stream().map(LedesViolation::line).toList();
        assertThat(lines).isSorted();
    }
}
