package io.legalhub.production;

import static io.legalhub.production.ConcordanceDelimiters.QUOTE;
import static io.legalhub.production.ConcordanceDelimiters.SEPARATOR;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits one physical DAT line into its values. A row is one line: a line break inside a value must be
 * written as ®, so a qualifier still open at the end of the line is an error on that line (rather than a
 * value running on into the next rows, which would bury the real fault under knock-on errors).
 *
 * <p>A value closes at a þ followed (after optional spaces) by DC4 or the end of the line; any other þ
 * is kept as text. A DC4 met while a value is open means the closing þ is missing.
 */
final class DatRowSplitter {

    /** A value that could not be read cleanly; {@code column} is 0-based. */
    record CellProblem(int column, String message) {
    }

    record SplitRow(List<String> values, List<CellProblem> problems) {
        boolean clean() {
            return problems.isEmpty();
        }
    }

    private DatRowSplitter() {
    }

    static SplitRow split(String line) {
        List<String> values = new ArrayList<>();
        List<CellProblem> problems = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (true) {
            int column = values.size();
            i = skipSpaces(line, i);
            if (i < n && line.charAt(i) == QUOTE) {
                int valueStart = ++i;
                int close = -1;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == QUOTE) {
                        int after = skipSpaces(line, i + 1);
                        if (after == n || line.charAt(after) == SEPARATOR) {
                            close = i;
                            i = after;
                            break;
                        }
                    } else if (c == SEPARATOR) {
                        break;
                    }
                    i++;
                }
                if (close < 0) {
                    problems.add(new CellProblem(column, i < n
                            ? "the value opens with þ but has no closing þ before the next DC4 separator (unterminated qualifier)"
                            : "the value opens with þ but has no closing þ before the end of the line (unterminated"
                                + " qualifier; a line break inside a value must be written ®)"));
                    values.add(line.substring(valueStart, i));
                } else {
                    values.add(line.substring(valueStart, close));
                }
            } else {
                int end = line.indexOf(SEPARATOR, i);
                end = end < 0 ? n : end;
                problems.add(new CellProblem(column, end == i
                        ? "the value is empty but not wrapped in þ (an empty value is written þþ)"
                        : "the value is not wrapped in þ"));
                values.add(line.substring(i, end));
                i = end;
            }
            if (i >= n) {
                return new SplitRow(values, problems);
            }
            i++; // past the DC4; a DC4 at the very end of the line opens one more (empty, unwrapped) value
        }
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * The character most often found between a closing and an opening þ (as in {@code þaþ,þbþ}), when the
     * line has no DC4 there: the tell-tale of a DAT written with the wrong separator. 0 when none.
     */
    static char suspectedForeignSeparator(String line) {
        Map<Character, Integer> seen = new HashMap<>();
        for (int i = 0; i + 2 < line.length(); i++) {
            if (line.charAt(i) == QUOTE && line.charAt(i + 2) == QUOTE) {
                char between = line.charAt(i + 1);
                if (between != SEPARATOR && between != QUOTE && !Character.isLetterOrDigit(between)) {
                    seen.merge(between, 1, Integer::sum);
                }
            }
        }
        return seen.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse((char) 0);
    }

    /** How a separator is shown in a message: ',' or "TAB". */
    static String show(char c) {
        return switch (c) {
            case '\t' -> "TAB";
            case ' ' -> "a space";
            default -> "'" + c + "'";
        };
    }
}
