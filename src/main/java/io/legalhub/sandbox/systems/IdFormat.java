package io.legalhub.sandbox.systems;

/** Renders sequence numbers as string ids such as {@code BM-000123} and parses them back. Internal. */
record IdFormat(String prefix, int width) {

    String format(long seq) {
        String digits = Long.toString(seq);
        return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** The sequence number of an id, or null when the id does not have this format. */
    Long parse(String id) {
        if (id == null || !id.startsWith(prefix)) {
            return null;
        }
        String digits = id.substring(prefix.length());
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(digits);
    }

    /** Parses a plain numeric id such as {@code 1001}. */
    static Long parseNumber(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(id);
    }
}
