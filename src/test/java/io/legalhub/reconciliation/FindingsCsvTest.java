package io.legalhub.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.Test;

/** The CSV report: RFC 4180 quoting, one row per finding, and no formulas smuggled in by target data. */
class FindingsCsvTest {

    private static RecordedFinding recorded(Finding finding) {
        return new RecordedFinding(1, 7, finding, null, null);
    }

    @Test
    void oneRowPerFindingAfterTheHeaderWithCrlfLineEnds() {
        String csv = FindingsCsv.write(7, List.of(
                recorded(new Finding("billing", "matter", FindingKind.ORPHANED, "X-1", "BM-9", null, List.of(), "no hub record")),
                recorded(new Finding("dms", "matter", FindingKind.MISSING, "2026-0012", null, "WS-1", List.of(), "gone"))));

        assertThat(List.of(csv.split("\r\n", -1))).hasSize(4).last().isEqualTo("");
        assertThat(csv).startsWith(String.join(",", FindingsCsv.HEADER) + "\r\n");
        assertThat(csv).contains("\r\n7,billing,matter,orphaned,X-1,BM-9,,,,,no hub record,\r\n");
    }

    @Test
    void differingFieldsAreListedOnePerLineWithJsonValuesAndQuotedCells() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Finding differing = new Finding("billing", "matter", FindingKind.DIFFERING, "2026-0012", "BM-1", "BM-1",
                List.of(new Difference("name", f.textNode("Acme v. Globex, \"supply\""), f.textNode("Renamed")),
                        new Difference("close_date", NullNode.getInstance(), f.textNode("2026-01-01"))),
                "2 field(s) differ");

        String row = FindingsCsv.write(7, List.of(recorded(differing))).split("\r\n", 3)[1];

        // fields, hub values and target values line up; each value is JSON; quotes inside cells are doubled
        assertThat(row).isEqualTo("7,billing,matter,differing,2026-0012,BM-1,BM-1,"
                + "\"name\nclose_date\","
                + "\"\"\"Acme v. Globex, \\\"\"supply\\\"\"\"\"\nnull\","
                + "\"\"\"Renamed\"\"\n\"\"2026-01-01\"\"\","
                + "2 field(s) differ,");
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreDefused() {
        assertThat(FindingsCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(FindingsCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FindingsCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(FindingsCsv.cell("-12.5")).isEqualTo("-12.5");
        assertThat(FindingsCsv.cell("2026-0012")).isEqualTo("2026-0012");
    }
}
