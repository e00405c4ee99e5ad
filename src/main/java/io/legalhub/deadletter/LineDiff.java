package io.legalhub.deadletter;

import java.util.ArrayList;
import java.util.List;

/**
 * A compact line diff of an edited payload ("- old", "+ new", two lines of context), kept in the dead
 * letter's history so anyone can see who changed what. Large inputs are trimmed to the changed block
 * rather than diffed line by line.
 */
final class LineDiff {

    private static final int CONTEXT = 2;
    private static final long MAX_CELLS = 4_000_000;

    private LineDiff() {
    }

    static String of(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> oldMiddle = a.subList(prefix, a.size() - suffix);
        List<String> newMiddle = b.subList(prefix, b.size() - suffix);
        if (oldMiddle.isEmpty() && newMiddle.isEmpty()) {
            return "(no change)";
        }
        List<String> out = new ArrayList<>();
        out.add("@@ line " + (prefix + 1) + " @@");
        for (int i = Math.max(0, prefix - CONTEXT); i < prefix; i++) {
            out.add("  " + a.get(i));
        }
        if ((long) oldMiddle.size() * newMiddle.size() > MAX_CELLS) {
            oldMiddle.forEach(l -> out.add("- " + l));
            newMiddle.forEach(l -> out.add("+ " + l));
        } else {
            out.addAll(lcsDiff(oldMiddle, newMiddle));
        }
        for (int i = a.size() - suffix; i < Math.min(a.size(), a.size() - suffix + CONTEXT); i++) {
            out.add("  " + a.get(i));
        }
        return String.join("\n", out);
    }

    private static List<String> lcsDiff(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add("  " + a.get(i));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add("- " + a.get(i++));
            } else {
                out.add("+ " + b.get(j++));
            }
        }
        while (i < a.size()) {
            out.add("- " + a.get(i++));
        }
        while (j < b.size()) {
            out.add("+ " + b.get(j++));
        }
        return out;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
    }
}
