package io.legalhub.ledes;

/** How a value from the file appears in a message: as written, quoted if it has spaces, shortened if long. */
final class Shown {

    private static final int MAX = 40;

    private Shown() {
    }

    static String value(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "(empty)";
        }
        String text = raw.length() > MAX ? raw.substring(0, MAX) + "…" : raw;
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            quote = Character.isWhitespace(text.charAt(i));
        }
        return quote ? "'" + text + "'" : text;
    }

    /** "a"/"an" before a code kind, for messages like "is an expense code". */
    static String withArticle(String words) {
        char first = Character.toLowerCase(words.charAt(0));
        return ("aeiou".indexOf(first) >= 0 ? "an " : "a ") + words;
    }
}
