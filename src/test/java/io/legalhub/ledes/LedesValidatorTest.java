package io.legalhub.ledes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a user sees for particular mistakes: the verdict, the line, the field and the words of the message. */
class LedesValidatorTest {

    private final LedesValidator validator = new LedesValidator();

    private static final String TWO_FEE_LINES = LedesTestFiles.read("valid-two-fee-lines.txt");
    private static final String LINE_3 = TWO_FEE_LINES.lines().toList().get(2);
    private static final String LINE_4 = TWO_FEE_LINES.lines().toList().get(3);

    private static String file(String... dataLines) {
        return LedesFormat.VERSION_LINE + "\n" + LedesFormat.HEADER_LINE + "\n" + String.join("\n", dataLines) + "\n";
    }

    private static String set(String line, LedesField field, String value) {
        String[] fields = line.substring(0, line.length() - 2).split("\\|", -1);
        fields[field.index()] = value;
        return String.join("|", fields) + "[]";
    }

    private LedesViolation only(LedesReport report) {
        assertThat(report.violations()).hasSize(1);
        return report.violations().get(0);
    }

    @Nested
    class Messages {

        @Test
        void wrongLineTotalShowsTheArithmetic() {
            LedesViolation violation = only(validator.validate(file(LINE_3, set(LINE_4, LedesField.LINE_ITEM_TOTAL, "700.00"))
                    .replace("1350.00", "1375.00")));

            assertThat(violation.line()).isEqualTo(4);
            assertThat(violation.field()).isEqualTo("LINE_ITEM_TOTAL");
            assertThat(violation.message())
                    .isEqualTo("LINE_ITEM_TOTAL 700.00 does not equal units 2.25 × unit cost 300.00 + adjustment 0.00 = 675.00");
            assertThat(violation.invoiceNumber()).isEqualTo("INV20260415");
        }

        @Test
        void emptyOperandsCountAsZeroAndSaySo() {
            String adjustment = set(set(set(set(set(LINE_4, LedesField.TYPE, "IF"), LedesField.LINE_ITEM_NUMBER_OF_UNITS, "1"),
                    LedesField.LINE_ITEM_UNIT_COST, ""), LedesField.LINE_ITEM_ADJUSTMENT_AMOUNT, ""), LedesField.LINE_ITEM_TOTAL, "-100.00");
            LedesViolation violation = only(validator.validate(file(LINE_3, adjustment).replace("1350.00", "575.00")));

            assertThat(violation.field()).isEqualTo("LINE_ITEM_TOTAL");
            assertThat(violation.message()).isEqualTo(
                    "LINE_ITEM_TOTAL -100.00 does not equal units 1 × unit cost empty (0) + adjustment empty (0) = 0.00");
        }

        @Test
        void invoiceTotalMismatchNamesStatedTotalAndSum() {
            LedesReport report = validator.validate(LedesTestFiles.read("invalid-total-mismatch.txt"));

            assertThat(report.violations()).extracting(LedesViolation::message)
                    .allSatisfy(m -> assertThat(m).contains("INVOICE_TOTAL 1360.00").contains("1350.00"));
        }

        @Test
        void wrongFieldCountStatesExpectedAndFoundCounts() {
            LedesViolation violation = validator.validate(LedesTestFiles.read("invalid-wrong-field-count.txt")).violations().stream()
                    .filter(v -> v.field().equals("FIELD_COUNT")).findFirst().orElseThrow();

            assertThat(violation.line()).isEqualTo(6);
            assertThat(violation.message()).contains("has 23 fields").contains("24");
            assertThat(violation.invoiceNumber()).isEqualTo("INV20260415");
        }

        @Test
        void knockOnTotalMismatchExplainsTheUnreadableLine() {
            LedesReport report = validator.validate(LedesTestFiles.read("invalid-wrong-field-count.txt"));

            assertThat(report.violations()).filteredOn(v -> v.field().equals("INVOICE_TOTAL"))
                    .extracting(LedesViolation::message)
                    .allSatisfy(m -> assertThat(m).contains("2297.00").contains("2285.00").contains("line 6 could not be read"));
        }

        @Test
        void dashedDateIsExplainedWithTheExpectedForm() {
            LedesViolation violation = only(validator.validate(LedesTestFiles.read("invalid-date-format.txt")));

            assertThat(violation.message()).contains("2026-10-06").contains("CCYYMMDD");
        }

        @Test
        void impossibleDateIsCalledNotARealDay() {
            LedesViolation violation = only(validator.validate(file(LINE_3, set(LINE_4, LedesField.LINE_ITEM_DATE, "20260230"))));

            assertThat(violation.message()).isEqualTo("LINE_ITEM_DATE 20260230 is not a real calendar day");
        }

        @Test
        void unknownTaskCodeIsNamed() {
            LedesViolation violation = only(validator.validate(LedesTestFiles.read("invalid-unknown-utbms-task-code.txt")));

            assertThat(violation.message()).contains("L999").contains("task code");
        }

        @Test
        void codeInTheWrongFieldSaysWhereItBelongs() {
            LedesViolation violation = only(validator.validate(file(set(LINE_3, LedesField.LINE_ITEM_TASK_CODE, "E101"), LINE_4)));

            assertThat(violation.field()).isEqualTo("LINE_ITEM_TASK_CODE");
            assertThat(violation.message()).contains("E101 is an expense code").contains("LINE_ITEM_EXPENSE_CODE");
        }

        @Test
        void legacyTimekeeperClassWarnsWithTheCurrentCode() {
            LedesReport report = validator.validate(LedesTestFiles.read("valid-legacy-timekeeper-class.txt"));

            assertThat(report.valid()).isTrue();
            assertThat(only(report).message()).contains("PT").contains("PARTNR");
            assertThat(only(report).severity()).isEqualTo(Severity.WARNING);
        }

        @Test
        void legacyTimekeeperClassWithoutCurrentEquivalentStillOnlyWarns() {
            LedesReport report = validator.validate(file(set(LINE_3, LedesField.TIMEKEEPER_CLASSIFICATION, "OT"), LINE_4));

            assertThat(report.valid()).isTrue();
            assertThat(only(report).message()).contains("OT").contains("current 6-letter");
        }

        @Test
        void missingHeaderFieldIsNamed() {
            LedesViolation violation = only(validator.validate(LedesTestFiles.read("invalid-header-missing-field.txt")));

            assertThat(violation.line()).isEqualTo(2);
            assertThat(violation.message()).contains("missing CLIENT_MATTER_ID");
        }

        @Test
        void misnamedHeaderFieldShowsBothNames() {
            LedesViolation violation = only(validator.validate(LedesTestFiles.read("invalid-wrong-header-field.txt")));

            assertThat(violation.message()).contains("LINE_ITEM_TOTAL").contains("LINE_TOTAL");
        }

        @Test
        void unknownExtraHeaderFieldIsNamed() {
            String text = file(LINE_3, LINE_4).replace("CLIENT_MATTER_ID[]", "CLIENT_MATTER_ID|PO_NUMBER[]");
            LedesViolation violation = only(validator.validate(text));

            assertThat(violation.field()).isEqualTo("HEADER");
            assertThat(violation.message()).contains("PO_NUMBER");
        }

        @Test
        void ledes98biIsReportedOnceAsUnsupported() {
            LedesViolation violation = only(validator.validate(LedesTestFiles.read("invalid-98bi-header.txt")));

            assertThat(violation.line()).isEqualTo(1);
            assertThat(violation.field()).isEqualTo("HEADER");
            assertThat(violation.message()).contains("LEDES98BI").contains("not supported").contains("LEDES1998B[]");
        }

        @Test
        void overlongFieldGivesLengthAndLimit() {
            LedesViolation violation = only(validator.validate(file(set(LINE_3, LedesField.TIMEKEEPER_ID, "T".repeat(21)), LINE_4)));

            assertThat(violation.field()).isEqualTo("TIMEKEEPER_ID");
            assertThat(violation.message()).contains("21 characters").contains("at most 20");
        }

        @Test
        void overlongDescriptionIsNotEchoedInFull() {
            LedesViolation violation = only(validator.validate(
                    file(set(LINE_3, LedesField.LINE_ITEM_DESCRIPTION, "x".repeat(15_001)), LINE_4)));

            assertThat(violation.field()).isEqualTo("LINE_ITEM_DESCRIPTION");
            assertThat(violation.message()).contains("15001 characters").contains("at most 15000").hasSizeLessThan(200);
        }

        @Test
        void recordEndMarkerInsideAFieldIsReported() {
            LedesViolation violation = only(validator.validate(
                    file(set(LINE_3, LedesField.LINE_ITEM_DESCRIPTION, "Review [] notes"), LINE_4)));

            assertThat(violation.field()).isEqualTo("LINE_ITEM_DESCRIPTION");
            assertThat(violation.message()).contains("[]");
        }

        @Test
        void invoiceNumberWithOtherPunctuationIsAnError() {
            String text = file(LINE_3, LINE_4).replace("INV20260415", "INV 2026/415");
            LedesReport report = validator.validate(text);

            assertThat(report.valid()).isFalse();
            assertThat(report.violations()).extracting(LedesViolation::field).containsOnly("INVOICE_NUMBER");
            assertThat(report.violations().get(0).message()).contains("' '").contains("'/'").contains("letters");
        }
    }

    @Nested
    class Structure {

        @Test
        void emptyFileIsOneError() {
            for (String empty : new String[] {null, "", "  \n\n", "\uFEFF"}) {
                LedesViolation violation = only(validator.validate(empty));
                assertThat(violation.line()).isEqualTo(1);
                assertThat(violation.field()).isEqualTo("FILE");
                assertThat(violation.message()).contains("empty");
            }
        }

        @Test
        void versionLineAloneReportsMissingFieldNames() {
            LedesViolation violation = only(validator.validate("LEDES1998B[]\n"));

            assertThat(violation.line()).isEqualTo(2);
            assertThat(violation.field()).isEqualTo("HEADER");
            assertThat(violation.message()).contains("field-name line is missing");
        }

        @Test
        void headerWithoutLinesReportsNoLineItems() {
            LedesViolation violation = only(validator.validate(file().replace("[]\n\n", "[]\n")));

            assertThat(violation.line()).isEqualTo(3);
            assertThat(violation.field()).isEqualTo("FILE");
        }

        @Test
        void versionLineWithoutRecordEndIsReportedButTheRestIsChecked() {
            LedesReport report = validator.validate(file(LINE_3, set(LINE_4, LedesField.LINE_ITEM_DATE, "2026-10-06"))
                    .replaceFirst("LEDES1998B\\[\\]", "LEDES1998B"));

            assertThat(report.violations()).extracting(LedesViolation::line, LedesViolation::field).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, "HEADER"), org.assertj.core.groups.Tuple.tuple(4, "LINE_ITEM_DATE"));
        }

        @Test
        void whitespaceAroundTheVersionLineIsTolerated() {
            assertThat(validator.validate("\n  " + file(LINE_3, LINE_4).replaceFirst("\\[\\]\n", "[]  \t\n")).violations()).isEmpty();
        }

        @Test
        void fileStartingWithFieldNamesIsReportedAndStillChecked() {
            String text = LedesFormat.HEADER_LINE + "\n" + LINE_3 + "\n" + set(LINE_4, LedesField.LINE_ITEM_TOTAL, "1.00") + "\n";
            LedesReport report = validator.validate(text);

            assertThat(report.violations()).extracting(LedesViolation::line, LedesViolation::field).contains(
                    org.assertj.core.groups.Tuple.tuple(1, "HEADER"), org.assertj.core.groups.Tuple.tuple(3, "LINE_ITEM_TOTAL"));
        }

        @Test
        void missingFieldNameLineIsOneErrorAndTheLinesAreStillChecked() {
            String text = LedesFormat.VERSION_LINE + "\n" + LINE_3 + "\n" + set(LINE_4, LedesField.LINE_ITEM_DATE, "x") + "\n";
            LedesReport report = validator.validate(text);

            assertThat(report.violations()).extracting(LedesViolation::line, LedesViolation::field).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(2, "HEADER"), org.assertj.core.groups.Tuple.tuple(3, "LINE_ITEM_DATE"));
            assertThat(report.lineItems()).isEqualTo(2);
        }

        @Test
        void blankLineBeforeTheFieldNamesIsReportedOnce() {
            LedesViolation violation = only(validator.validate(file(LINE_3, LINE_4).replaceFirst("\n", "\n\n")));

            assertThat(violation.line()).isEqualTo(2);
            assertThat(violation.field()).isEqualTo("BLANK_LINE");
        }

        @Test
        void notALedesFileIsOneErrorNotOnePerLine() {
            LedesViolation violation = only(validator.validate("name,amount\nAcme,100\nGlobex,200\n"));

            assertThat(violation.field()).isEqualTo("HEADER");
            assertThat(violation.message()).contains("not a LEDES 1998B file");
        }

        @Test
        void otherLedesVersionsAndXmlAreUnsupported() {
            assertThat(only(validator.validate("LEDES2000[]\nX[]\n")).message()).contains("does not support");
            assertThat(only(validator.validate("<?xml version=\"1.0\"?><ledesxmlebilling/>")).message()).contains("XML");
        }

        @Test
        void lineEndingsLfCrlfAndLoneCrAreAllRead() {
            String lf = file(LINE_3, LINE_4);
            assertThat(validator.validate(lf).violations()).isEmpty();
            assertThat(validator.validate(lf.replace("\n", "\r\n")).violations()).isEmpty();
            assertThat(validator.validate(lf.replace("\n", "\r")).violations()).isEmpty();
        }

        @Test
        void spacesAfterTheRecordEndAreTolerated() {
            assertThat(validator.validate(file(LINE_3 + "  ", LINE_4 + "\t")).violations()).isEmpty();
        }

        @Test
        void missingRecordEndOnAShortLineGivesBothProblems() {
            String shortLine = LINE_4.substring(0, LINE_4.lastIndexOf('|'));
            LedesReport report = validator.validate(file(LINE_3, shortLine));

            assertThat(report.violations()).extracting(LedesViolation::line, LedesViolation::field).contains(
                    org.assertj.core.groups.Tuple.tuple(4, "LINE_END"), org.assertj.core.groups.Tuple.tuple(4, "FIELD_COUNT"));
        }
    }

    @Nested
    class Rules {

        @Test
        void lineTypesAreReadIgnoringCase() {
            String discount = set(set(set(set(set(LINE_4, LedesField.TYPE, "if"), LedesField.LINE_ITEM_NUMBER_OF_UNITS, ""),
                    LedesField.LINE_ITEM_UNIT_COST, ""), LedesField.LINE_ITEM_ADJUSTMENT_AMOUNT, "-75.00"), LedesField.LINE_ITEM_TOTAL, "-75.00");
            LedesReport report = validator.validate(file(set(LINE_3, LedesField.TYPE, "f"), discount).replace("1350.00", "600.00"));

            assertThat(report.violations()).isEmpty();
            assertThat(report.invoices().get(0).lines()).extracting(LedesLineItem::type)
                    .containsExactly(LineItemType.FEE, LineItemType.FEE_ADJUSTMENT);
        }

        @Test
        void lineTotalsAreComparedToTheCentWhateverTheRoundingRule() {
            // 0.3 × 175.55 = 52.665: half-up gives 52.67, truncation 52.66; both are within a cent
            for (String total : new String[] {"52.67", "52.66", "52.665"}) {
                String line = set(set(set(LINE_3, LedesField.LINE_ITEM_NUMBER_OF_UNITS, "0.3"), LedesField.LINE_ITEM_UNIT_COST, "175.55"),
                        LedesField.LINE_ITEM_TOTAL, total);
                String text = file(line).replace("1350.00", total);
                assertThat(validator.validate(text).violations()).as(total).isEmpty();
            }
            String wrong = set(set(set(LINE_3, LedesField.LINE_ITEM_NUMBER_OF_UNITS, "0.3"), LedesField.LINE_ITEM_UNIT_COST, "175.55"),
                    LedesField.LINE_ITEM_TOTAL, "52.68");
            assertThat(only(validator.validate(file(wrong).replace("1350.00", "52.68"))).field()).isEqualTo("LINE_ITEM_TOTAL");
        }

        @Test
        void invoiceTotalOffByOneCentIsAnError() {
            LedesReport report = validator.validate(file(LINE_3, LINE_4).replace("1350.00", "1350.01"));

            assertThat(report.violations()).extracting(LedesViolation::field).containsExactly("INVOICE_TOTAL", "INVOICE_TOTAL");
        }

        @Test
        void invoiceTotalWrittenWithOtherDecimalsStillMatches() {
            assertThat(validator.validate(file(LINE_3, LINE_4).replace("1350.00", "1350")).violations()).isEmpty();
        }

        @Test
        void expenseLineWithUnitCostZeroIsAnError() {
            String expense = LedesTestFiles.read("valid-fees-expenses-adjustments.txt").lines().toList().get(6);
            LedesReport report = validator.validate(file(set(expense, LedesField.LINE_ITEM_UNIT_COST, "0.00")));

            assertThat(report.violations()).extracting(LedesViolation::field).contains("LINE_ITEM_UNIT_COST");
            assertThat(report.violations()).filteredOn(v -> v.field().equals("LINE_ITEM_UNIT_COST"))
                    .extracting(LedesViolation::message).allSatisfy(m -> assertThat(m).contains("expense (E) lines"));
        }

        @Test
        void feeLineWithoutTaskAndActivityCodeGivesTwoErrors() {
            LedesReport report = validator.validate(file(set(set(LINE_3, LedesField.LINE_ITEM_TASK_CODE, ""),
                    LedesField.LINE_ITEM_ACTIVITY_CODE, ""), LINE_4));

            assertThat(report.violations()).extracting(LedesViolation::line, LedesViolation::field).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(3, "LINE_ITEM_TASK_CODE"),
                    org.assertj.core.groups.Tuple.tuple(3, "LINE_ITEM_ACTIVITY_CODE"));
        }

        @Test
        void unknownExpenseCodeOnAnyLineIsAnError() {
            LedesViolation violation = only(validator.validate(file(set(LINE_3, LedesField.LINE_ITEM_EXPENSE_CODE, "E999"), LINE_4)));

            assertThat(violation.field()).isEqualTo("LINE_ITEM_EXPENSE_CODE");
            assertThat(violation.message()).contains("E999");
        }

        @Test
        void codesAndClassificationsAreMatchedIgnoringCase() {
            String line = set(set(LINE_3, LedesField.LINE_ITEM_TASK_CODE, "l110"), LedesField.TIMEKEEPER_CLASSIFICATION, "partnr");
            assertThat(validator.validate(file(line, LINE_4)).violations()).isEmpty();
        }

        @Test
        void phaseCodesAreAcceptedAsTaskCodes() {
            assertThat(validator.validate(file(set(LINE_3, LedesField.LINE_ITEM_TASK_CODE, "L100"), LINE_4)).violations()).isEmpty();
        }

        @Test
        void invoiceLevelAdjustmentDatedAfterThePeriodIsNotWarnedAbout() {
            String discount = set(set(set(set(set(set(LINE_4, LedesField.TYPE, "IF"), LedesField.LINE_ITEM_NUMBER_OF_UNITS, ""),
                    LedesField.LINE_ITEM_UNIT_COST, ""), LedesField.LINE_ITEM_ADJUSTMENT_AMOUNT, "-75.00"),
                    LedesField.LINE_ITEM_TOTAL, "-75.00"), LedesField.LINE_ITEM_DATE, "20261105");
            assertThat(validator.validate(file(LINE_3, discount).replace("1350.00", "600.00")).violations()).isEmpty();
        }

        @Test
        void aFirmsOwnCodeListCanAddTaskCodeSets() {
            String line = set(LINE_3, LedesField.LINE_ITEM_TASK_CODE, "B110");
            assertThat(only(validator.validate(file(line, LINE_4))).field()).isEqualTo("LINE_ITEM_TASK_CODE");

            String csv = "code_set,code,name\nbankruptcy,B110,Case Administration\nlitigation,L120,Analysis/Strategy\n"
                    + "activity,A101,Plan and prepare for\nactivity,A104,Review/analyze\ntimekeeper,PARTNR,Partner\ntimekeeper,ASSOC,Associate\n";
            LedesValidator firm = new LedesValidator(new UtbmsCodeList(new StringReader(csv)));
            assertThat(firm.validate(file(line, LINE_4)).violations()).isEmpty();
        }
    }

    @Nested
    class Parsing {

        @Test
        void valuesAreParsedIntoTheModel() {
            LedesReport report = validator.validate(LedesTestFiles.read("valid-fees-expenses-adjustments.txt"));

            LedesInvoice invoice = report.invoices().get(0);
            assertThat(invoice.invoiceNumber()).isEqualTo("INV20260415");
            assertThat(invoice.invoiceDate()).isEqualTo(LocalDate.of(2026, 10, 31));
            assertThat(invoice.total()).isEqualByComparingTo("2297.00");
            assertThat(invoice.totalAsWritten()).isEqualTo("2297.00");
            assertThat(invoice.billingStartDate()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(invoice.clientMatterId()).isEqualTo("ACME-LIT-77");
            assertThat(invoice.lines()).hasSize(7);

            LedesLineItem expense = invoice.lines().get(3);
            assertThat(expense.type()).isEqualTo(LineItemType.EXPENSE);
            assertThat(expense.units()).isEqualByComparingTo("120");
            assertThat(expense.unitCost()).isEqualTo(new BigDecimal("0.10"));
            assertThat(expense.expenseCode()).isEqualTo("E101");
            assertThat(expense.taskCode()).isNull();
            assertThat(expense.timekeeperId()).isNull();

            LedesLineItem discount = invoice.lines().get(6);
            assertThat(discount.type()).isEqualTo(LineItemType.FEE_ADJUSTMENT);
            assertThat(discount.units()).isNull();
            assertThat(discount.adjustmentAmount()).isEqualByComparingTo("-100");
            assertThat(discount.date()).isEqualTo(LocalDate.of(2026, 10, 31));
        }

        @Test
        void invoicesAreGroupedByNumberInFileOrder() {
            LedesReport report = validator.validate(LedesTestFiles.read("valid-two-invoices.txt"));

            assertThat(report.lineItems()).isEqualTo(4);
            assertThat(report.invoices()).extracting(LedesInvoice::invoiceNumber).containsExactly("INV20260415", "INV20260416");
            assertThat(report.invoices()).extracting(i -> i.lines().size()).containsExactly(2, 2);
            assertThat(report.invoices().get(1).lawFirmMatterId()).isEqualTo("2026-0019");
        }

        @Test
        void invalidFilesAreStillParsedAsFarAsPossible() {
            LedesReport report = validator.validate(LedesTestFiles.read("invalid-date-format.txt"));

            assertThat(report.invoices()).hasSize(1);
            assertThat(report.invoices().get(0).lines()).hasSize(2);
            assertThat(report.invoices().get(0).lines().get(1).date()).isNull();
            assertThat(report.invoices().get(0).lines().get(1).total()).isEqualByComparingTo("675.00");
        }

        @Test
        void oneBadInvoiceDoesNotSpoilTheOtherInTheSameFile() {
            String text = LedesTestFiles.read("valid-two-invoices.txt").replace("|20261006|", "|2026-10-06|");
            LedesReport report = validator.validate(text);

            assertThat(report.valid()).isFalse();
            assertThat(report.invoiceValid("INV20260415")).isFalse();
            assertThat(report.invoiceValid("INV20260416")).isTrue();
            assertThat(report.violationsFor("INV20260416")).isEmpty();
        }

        @Test
        void fileLevelErrorsSpoilEveryInvoice() {
            String text = LedesTestFiles.read("valid-two-invoices.txt").replace("[]\n2026", "[]\n\n2026");
            LedesReport report = validator.validate(text);

            assertThat(report.invoiceValid("INV20260416")).isFalse();
        }

        @Test
        void requireValidThrowsWithEveryViolationAndPinpointsTheFirstError() {
            LedesReport report = validator.validate(LedesTestFiles.read("invalid-wrong-field-count.txt"));

            assertThatThrownBy(report::requireValid).isInstanceOfSatisfying(LedesValidationException.class, e -> {
                assertThat(e.failedLine()).isEqualTo(3);
                assertThat(e.failedField()).isEqualTo("INVOICE_TOTAL");
                assertThat(e.getMessage()).contains("7 errors").contains("line 6, FIELD_COUNT").contains("line 9, INVOICE_TOTAL");
            });
            assertThat(validator.validate(TWO_FEE_LINES).requireValid()).hasSize(1);
        }

        @Test
        void tenThousandLineFileIsValid() {
            String text = GeneratedLedesFile.build(10_000, 7);
            LedesReport report = validator.validate(text);

            assertThat(report.violations()).isEmpty();
            assertThat(report.lineItems()).isEqualTo(10_000);
            assertThat(report.invoices()).hasSize(7);
        }

        @Test
        void validatorIsSafeToShareBetweenThreads() throws Exception {
            String valid = GeneratedLedesFile.build(500, 2);
            String invalid = LedesTestFiles.read("invalid-wrong-field-count.txt");
            List<Thread> threads = new java.util.ArrayList<>();
            java.util.concurrent.ConcurrentLinkedQueue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
            for (int t = 0; t < 8; t++) {
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 20; i++) {
                        if (!validator.validate(valid).valid() || validator.validate(invalid).errorCount() != 7) {
                            failures.add("unexpected verdict");
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failures).isEmpty();
        }
    }
}
