package io.legalhub.reconciliation;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A run's findings as CSV (RFC 4180): a header row, then one row per finding, CRLF line ends, cells
 * quoted when they hold a comma, a quote or a line break. A differing record lists its fields one per
 * line within the cell, and the hub's and the target's values (as JSON, so null and "" stay apart) on
 * the same lines of their cells. A cell that a spreadsheet would run as a formula is prefixed with '.
 */
final class FindingsCsv {

    static final List<String> HEADER = List.of("run_id", "system", "entity", "kind", "key", "target_id", "hub_xref_id",
            "fields", "hub_values", "target_values", "detail", "resync_requested_by");

    private static final String CRLF = "\r\n";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private FindingsCsv() {
    }

    static String write(long runId, List<RecordedFinding> findings) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        for (RecordedFinding recorded : findings) {
            Finding f = recorded.finding();
            row(csv, List.of(Long.toString(runId), f.system(), f.entity(), f.kind().id(), text(f.key()), text(f.targetId()),
                    text(f.xrefId()),
                    f.differences().stream().map(Difference::field).collect(Collectors.joining("\n")),
                    f.differences().stream().map(d -> json(d.hub())).collect(Collectors.joining("\n")),
                    f.differences().stream().map(d -> json(d.target())).collect(Collectors.joining("\n")),
                    text(f.detail()), text(recorded.resyncRequestedBy())));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append(CRLF);
    }

    static String cell(String value) {
        String v = defused(value);
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** Spreadsheets run a cell starting with = + - @ (or a tab/CR) as a formula; target data must not do that. */
    private static String defused(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                || first == '-' && !NUMBER.matcher(value.lines().findFirst().orElse("")).matches();
        return risky ? "'" + value : value;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String json(JsonNode value) {
        return value == null ? "null" : value.toString();
    }
}
