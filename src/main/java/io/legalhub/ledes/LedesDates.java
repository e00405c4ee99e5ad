package io.legalhub.ledes;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** CCYYMMDD dates: eight digits that must name a real calendar day (no 20260230). */
final class LedesDates {

    private LedesDates() {
    }

    /** Why the text is not a CCYYMMDD date, or null when it is one. */
    static String problem(String text) {
        if (text.length() != 8 || !allDigits(text)) {
            return "is not a date in the form CCYYMMDD (for example 20261031)";
        }
        if (parseOrNull(text) == null) {
            return "is not a real calendar day";
        }
        return null;
    }

    /** The date, or null when the text is not a real CCYYMMDD date. */
    static LocalDate parseOrNull(String text) {
        if (text.length() != 8 || !allDigits(text)) {
            return null;
        }
        try {
            // LocalDate.of rejects day 30 of February etc.; parsing the digits by hand avoids a formatter per call.
            return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 4, 6, 10),
                    Integer.parseInt(text, 6, 8, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String format(LocalDate date) {
        return date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
