package io.legalhub.sandbox.systems;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fuzzy party-name similarity for the conflicts system. Names are normalised (case, accents, punctuation,
 * {@code &} → and, legal suffixes such as Inc./LLC/Ltd/Corp and honorifics dropped) and compared token by token:
 * each token scores its best Jaro-Winkler match in the other name (below 0.8 counts as 0), and the score is the
 * average over the tokens of both names, so word order does not matter. Identical normalised names score 1.0.
 * Internal.
 */
public final class NameMatcher {

    private static final Set<String> DROPPED = Set.of(
            "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "corp", "corporation", "co", "company",
            "plc", "gmbh", "ag", "sa", "bv", "nv", "pllc", "pc", "the", "dr", "hon", "mr", "mrs", "ms");

    private NameMatcher() {
    }

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replace("&", " and ");
        s = s.replaceAll("[^a-z0-9 ]", " ");
        List<String> tokens = new ArrayList<>();
        for (String t : s.trim().split("\\s+")) {
            if (!t.isEmpty() && !DROPPED.contains(t)) {
                tokens.add(t);
            }
        }
        if (tokens.isEmpty()) {
            return s.trim().replaceAll("\\s+", " ");
        }
        return String.join(" ", tokens);
    }

    /** Similarity in [0, 1] of two raw names. */
    public static double similarity(String a, String b) {
        return similarityNormalized(normalize(a), normalize(b));
    }

    public static double similarityNormalized(String na, String nb) {
        if (na.isEmpty() || nb.isEmpty()) {
            return 0;
        }
        if (na.equals(nb)) {
            return 1.0;
        }
        List<String> ta = Arrays.asList(na.split(" "));
        List<String> tb = Arrays.asList(nb.split(" "));
        double sum = 0;
        for (String t : ta) {
            sum += best(t, tb);
        }
        for (String t : tb) {
            sum += best(t, ta);
        }
        return sum / (ta.size() + tb.size());
    }

    private static double best(String token, List<String> others) {
        double best = 0;
        for (String o : others) {
            best = Math.max(best, jaroWinkler(token, o));
        }
        return best < 0.8 ? 0 : best;
    }

    static double jaroWinkler(String s1, String s2) {
        if (s1.equals(s2)) {
            return 1.0;
        }
        int len1 = s1.length();
        int len2 = s2.length();
        if (len1 == 0 || len2 == 0) {
            return 0;
        }
        int window = Math.max(0, Math.max(len1, len2) / 2 - 1);
        boolean[] m1 = new boolean[len1];
        boolean[] m2 = new boolean[len2];
        int matches = 0;
        for (int i = 0; i < len1; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(len2 - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!m2[j] && s1.charAt(i) == s2.charAt(j)) {
                    m1[i] = true;
                    m2[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < len1; i++) {
            if (m1[i]) {
                while (!m2[k]) {
                    k++;
                }
                if (s1.charAt(i) != s2.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / len1 + m / len2 + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        for (int i = 0; i < Math.min(4, Math.min(len1, len2)) && s1.charAt(i) == s2.charAt(i); i++) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
