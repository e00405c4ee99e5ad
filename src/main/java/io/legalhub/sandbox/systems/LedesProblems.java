package io.legalhub.sandbox.systems;

import io.legalhub.sandbox.http.ApiException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The problems an e-billing platform found in one uploaded LEDES text, answered together as one 422 so a law firm
 * can fix them all at once. Each names its line (1-based, in the uploaded text) and, when it is about one value,
 * the LEDES field; {@code fields} lists them as {@code ledes:<line>:<FIELD>} (or {@code ledes:<line>}). Internal.
 */
final class LedesProblems {

    /** Enough to show what is wrong with a badly broken file without an answer the size of the file. */
    private static final int MAX_SHOWN = 50;

    private record Problem(int line, String field, String message) {
        String pointer() {
            return field == null ? "ledes:" + line : "ledes:" + line + ":" + field;
        }

        String text() {
            return "line " + line + (field == null ? "" : " " + field) + " " + message;
        }
    }

    private final List<Problem> problems = new ArrayList<>();

    void add(int line, String field, String message) {
        problems.add(new Problem(line, field, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    /** Throws the 422 when anything was found. */
    void check() {
        if (problems.isEmpty()) {
            return;
        }
        List<String> shown = new ArrayList<>();
        LinkedHashSet<String> pointers = new LinkedHashSet<>();
        for (Problem p : problems.subList(0, Math.min(MAX_SHOWN, problems.size()))) {
            shown.add(p.text());
            pointers.add(p.pointer());
        }
        String more = problems.size() > MAX_SHOWN ? "; and " + (problems.size() - MAX_SHOWN) + " more" : "";
        throw ApiException.validation("LEDES 1998B invoice not accepted: " + String.join("; ", shown) + more,
                new ArrayList<>(pointers));
    }
}
