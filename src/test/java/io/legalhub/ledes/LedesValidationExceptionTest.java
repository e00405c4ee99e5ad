package io.legalhub.ledes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LedesValidationExceptionTest {

    private final LedesValidator validator = new LedesValidator();

    @Test
    void theMessageNamesItsSubjectAndListsErrorsBeforeWarnings() {
        LedesReport report = validator.validate(LedesTestFiles.read("invalid-date-format.txt"));

        LedesValidationException e = new LedesValidationException("LEDES file march.txt", report);

        assertThat(e.getMessage()).startsWith("LEDES file march.txt is invalid: " + report.errorCount() + " error");
        List<String> lines = e.getMessage().lines().skip(1).toList();
        assertThat(lines).hasSize(report.violations().size());
        assertThat(lines.get(0)).isEqualTo(report.errors().get(0).toString());
        assertThat(e.failedLine()).isEqualTo(report.errors().get(0).line());
        assertThat(e.failedField()).isEqualTo(report.errors().get(0).field());
    }

    @Test
    void aFileWithHundredsOfProblemsListsTheFirstFiftyAndSaysHowManyMore() {
        String text = LedesTestFiles.read("invalid-date-format.txt");
        List<String> lines = text.lines().toList();
        StringBuilder many = new StringBuilder(lines.get(0)).append('\n').append(lines.get(1)).append('\n');
        for (int i = 0; i < 120; i++) {
            many.append(lines.get(3)).append('\n');
        }
        LedesReport report = validator.validate(many.toString());
        assertThat(report.violations().size()).isGreaterThan(LedesValidationException.MAX_LISTED);

        String message = new LedesValidationException(report).getMessage();

        List<String> listed = message.lines().skip(1).toList();
        assertThat(listed).hasSize(LedesValidationException.MAX_LISTED + 1);
        assertThat(listed.get(LedesValidationException.MAX_LISTED))
                .startsWith("… and " + (report.violations().size() - LedesValidationException.MAX_LISTED) + " more not listed here")
                .endsWith("POST the file to /api/ledes/validate for every one");
    }
}
