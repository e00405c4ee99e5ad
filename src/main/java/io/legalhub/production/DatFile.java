package io.legalhub.production;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Concordance DAT.
 *
 * @param fieldNames      the header row, in order
 * @param columns         which header column plays each role the hub understands (see {@link DatField})
 * @param records         the document rows that could be read, in file order (a row with a structural
 *                        fault, or repeating an earlier BEGDOC, is not among them)
 * @param violations      everything wrong with the file, each naming its line
 * @param unreadableRows  how many rows were dropped because they could not be split into fields; when
 *                        non-zero, "this OPT document has no DAT record" is not a trustworthy conclusion
 */
public record DatFile(List<String> fieldNames, Map<DatField, String> columns, List<DatRecord> records,
                      List<LoadFileViolation> violations, int unreadableRows) {

    public DatFile {
        fieldNames = List.copyOf(fieldNames);
        columns = Map.copyOf(columns);
        records = List.copyOf(records);
        violations = List.copyOf(violations);
    }

    /** The header name of the column playing {@code field}, if the DAT has one. */
    public Optional<String> column(DatField field) {
        return Optional.ofNullable(columns.get(field));
    }

    public boolean has(DatField field) {
        return columns.containsKey(field);
    }

    /** The trimmed value of {@code field} on {@code record}; "" when the DAT has no such column. */
    public String value(DatRecord record, DatField field) {
        String column = columns.get(field);
        return column == null ? "" : record.get(column).trim();
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}
