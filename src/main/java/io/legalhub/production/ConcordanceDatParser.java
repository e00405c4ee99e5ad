package io.legalhub.production;

import static io.legalhub.production.ConcordanceDelimiters.NEWLINE;
import static io.legalhub.production.ConcordanceDelimiters.QUOTE;
import static io.legalhub.production.ConcordanceDelimiters.SEPARATOR;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a Concordance DAT: first row the field names, then one row per document; every value wrapped in
 * þ, values separated by DC4, ® inside a value meaning a line break. Never throws on bad input: every
 * fault becomes a {@link LoadFileViolation} naming its line, so an operator gets one complete list to
 * fix rather than one error per replay.
 */
public final class ConcordanceDatParser {

    private static final Pattern POSITIVE_WHOLE_NUMBER = Pattern.compile("0*[1-9][0-9]{0,8}");

    public DatFile parse(String text) {
        List<LoadFileViolation> violations = new ArrayList<>();
        List<String> lines = LoadFileLines.of(text == null ? "" : text);
        if (lines.isEmpty()) {
            violations.add(LoadFileViolation.dat(1, null, "the DAT file is empty: it has no header row and no documents"));
            return new DatFile(List.of(), Map.of(), List.of(), violations, 0);
        }

        Optional<List<String>> header = readHeader(lines.get(0), violations);
        if (header.isEmpty()) {
            // Without trustworthy field names no row can be read; the header fault is the one to fix.
            return new DatFile(List.of(), Map.of(), List.of(), violations, lines.size() - 1);
        }
        List<String> fieldNames = header.get();
        Map<DatField, String> columns = DatField.resolveColumns(fieldNames);
        if (!columns.containsKey(DatField.BEGDOC)) {
            violations.add(LoadFileViolation.dat(1, null, "the header has no BEGDOC column (looked for "
                    + String.join(", ", DatField.BEGDOC.aliases().subList(0, 4)) + " and similar names), so the "
                    + "documents' Bates numbers are unknown"));
        }

        List<DatRecord> records = new ArrayList<>();
        Map<String, Integer> lineOfBegDoc = new HashMap<>();
        int unreadable = 0;
        for (int index = 1; index < lines.size(); index++) {
            int lineNumber = index + 1;
            String line = lines.get(index);
            if (LoadFileLines.isBlank(line)) {
                violations.add(LoadFileViolation.dat(lineNumber, null,
                        "blank row in the middle of the file (only the end of the file may have blank lines)"));
                continue;
            }
            Optional<DatRecord> row = readRow(line, lineNumber, fieldNames, violations);
            if (row.isEmpty()) {
                unreadable++;
                continue;
            }
            DatRecord record = row.get();
            List<LoadFileViolation> valueFaults = new DatRecordChecks(columns, record).check();
            violations.addAll(valueFaults);
            String begDoc = columns.containsKey(DatField.BEGDOC) ? record.get(columns.get(DatField.BEGDOC)).trim() : "";
            if (!begDoc.isEmpty()) {
                Integer earlier = lineOfBegDoc.putIfAbsent(begDoc, lineNumber);
                if (earlier != null) {
                    violations.add(LoadFileViolation.dat(lineNumber, columns.get(DatField.BEGDOC), "BEGDOC " + begDoc
                            + " already appears on line " + earlier + "; each document must have its own BEGDOC"));
                    continue; // the first row with this BEGDOC stands for the document
                }
            }
            records.add(record);
        }
        return new DatFile(fieldNames, columns, records, violations, unreadable);
    }

    private Optional<List<String>> readHeader(String line, List<LoadFileViolation> violations) {
        if (line.indexOf(QUOTE) < 0) {
            String looksLike = likelyPlainSeparator(line);
            violations.add(LoadFileViolation.dat(1, null, "the header row has no þ qualifiers, so this is not a "
                    + "Concordance DAT (field names and values must be wrapped in þ and separated by DC4, U+0014)"
                    + (looksLike == null ? "" : "; it looks " + looksLike)
                    + "; if the file shows Ã¾ or ¾ instead of þ, it was saved in the wrong encoding"));
            return Optional.empty();
        }
        char foreign = DatRowSplitter.suspectedForeignSeparator(line);
        if (foreign != 0 && line.indexOf(SEPARATOR) < 0) {
            violations.add(LoadFileViolation.dat(1, null, "the header's fields are separated by "
                    + DatRowSplitter.show(foreign) + " instead of the DC4 character (U+0014) a Concordance DAT uses"));
            return Optional.empty();
        }
        DatRowSplitter.SplitRow row = DatRowSplitter.split(line);
        for (DatRowSplitter.CellProblem problem : row.problems()) {
            violations.add(LoadFileViolation.dat(1, "column " + (problem.column() + 1),
                    "header field name: " + problem.message()));
        }
        if (!row.clean()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> columnOfName = new HashMap<>();
        boolean namesOk = true;
        for (int c = 0; c < row.values().size(); c++) {
            String name = row.values().get(c).trim();
            if (name.isEmpty()) {
                violations.add(LoadFileViolation.dat(1, "column " + (c + 1),
                        "column " + (c + 1) + " of the header has no field name"));
                namesOk = false;
            } else if (name.indexOf(QUOTE) >= 0) {
                violations.add(LoadFileViolation.dat(1, "column " + (c + 1), "field name '" + name + "' contains þ;"
                        + " the header is probably not separated by DC4 (U+0014)"));
                namesOk = false;
            } else {
                Integer earlier = columnOfName.putIfAbsent(name.toUpperCase(Locale.ROOT), c + 1);
                if (earlier != null) {
                    violations.add(LoadFileViolation.dat(1, name, "field name " + name + " appears twice in the header"
                            + " (columns " + earlier + " and " + (c + 1) + ")"));
                    namesOk = false;
                }
            }
            names.add(name);
        }
        return namesOk ? Optional.of(names) : Optional.empty();
    }

    private Optional<DatRecord> readRow(String line, int lineNumber, List<String> fieldNames,
                                        List<LoadFileViolation> violations) {
        DatRowSplitter.SplitRow row = DatRowSplitter.split(line);
        int expected = fieldNames.size();
        int found = row.values().size();
        if (!row.clean()) {
            for (DatRowSplitter.CellProblem problem : row.problems()) {
                String field = problem.column() < expected ? fieldNames.get(problem.column()) : "column " + (problem.column() + 1);
                violations.add(LoadFileViolation.dat(lineNumber, field, problem.message()));
            }
            return Optional.empty();
        }
        if (found != expected) {
            char foreign = DatRowSplitter.suspectedForeignSeparator(line);
            violations.add(LoadFileViolation.dat(lineNumber, null, "wrong number of fields: expected " + expected
                    + " (as in the header), found " + found
                    + (foreign != 0 && found < expected
                        ? "; the values look separated by " + DatRowSplitter.show(foreign) + " instead of DC4 (U+0014)"
                        : "")));
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int c = 0; c < expected; c++) {
            values.put(fieldNames.get(c), row.values().get(c).replace(NEWLINE, '\n'));
        }
        return Optional.of(new DatRecord(lineNumber, values));
    }

    /** For a header without þ: name the separator it seems to use, so the producer knows what to change. */
    private static String likelyPlainSeparator(String line) {
        char[] candidates = {SEPARATOR, ',', '|', '\t', ';'};
        String[] descriptions = {"DC4-separated but unqualified", "comma-separated", "pipe-separated",
            "tab-separated", "semicolon-separated"};
        int best = -1;
        long bestCount = 0;
        for (int i = 0; i < candidates.length; i++) {
            char candidate = candidates[i];
            long count = line.chars().filter(ch -> ch == candidate).count();
            if (count > bestCount) {
                best = i;
                bestCount = count;
            }
        }
        return best < 0 ? null : descriptions[best];
    }

    static boolean isPositiveWholeNumber(String text) {
        return POSITIVE_WHOLE_NUMBER.matcher(text).matches();
    }
}
