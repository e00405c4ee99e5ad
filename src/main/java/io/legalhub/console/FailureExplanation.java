package io.legalhub.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.legalhub.deadletter.DeadLetter;

/**
 * A dead letter's failure in the words of the people who fix it: one sentence saying what happened, and
 * one saying what to do about it. The stored error message is already mostly plain; this rephrases the
 * common shapes (a system refusing a record, a system out of reach, a record that does not fit the
 * canonical model, a mapping that could not read it) and leaves anything else as the hub wrote it.
 */
public record FailureExplanation(Kind kind, String headline, String hint) {

    /** The families of failure an operator tells apart, each with its usual remedy. */
    public enum Kind {
        UNAVAILABLE("System unavailable"),
        REJECTED("Rejected by the target"),
        SCHEMA("Does not fit the canonical model"),
        MAPPING("Could not be translated"),
        WAITING("Waiting for another system"),
        OTHER("Failed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final int SHORT_LENGTH = 160;
    private static final Pattern GAVE_UP = Pattern.compile("\\s*\\(gave up after (\\d+) attempts\\)\\s*$");
    private static final Pattern REJECTED = Pattern.compile("^(\\S+) rejected the request \\(HTTP (\\d{3})\\): (.*)$", Pattern.DOTALL);
    private static final Pattern UNREACHABLE = Pattern.compile("^(\\S+) could not be reached: (.*)$", Pattern.DOTALL);
    private static final Pattern ANSWERED = Pattern.compile("^(\\S+) answered HTTP (\\d{3})(?:: (.*))?$", Pattern.DOTALL);
    private static final Pattern PAUSED = Pattern.compile("^Calls to (\\S+) are paused.*$", Pattern.DOTALL);
    private static final Pattern SCHEMA = Pattern.compile("^The record does not match the schema (\\S+?): (.*)$", Pattern.DOTALL);
    private static final Pattern MAPPING = Pattern.compile("^Mapping (\\S+) failed: (.*)$", Pattern.DOTALL);

    public static FailureExplanation of(DeadLetter dl) {
        String message = dl.errorMessage() == null || dl.errorMessage().isBlank() ? "no error message was recorded" : dl.errorMessage().strip();
        String errorClass = dl.errorClass() == null ? "" : dl.errorClass();
        String attempts = null;
        Matcher gaveUp = GAVE_UP.matcher(message);
        if (gaveUp.find()) {
            attempts = gaveUp.group(1);
            message = message.substring(0, gaveUp.start());
        }
        String prefix = attempts == null ? "" : "gave up after " + attempts + " attempts: ";
        String field = dl.failedField() == null ? null : dl.failedField().replaceFirst("^\\$\\.?", "");

        Matcher m;
        if ((m = REJECTED.matcher(message)).matches()) {
            String system = m.group(1);
            int status = Integer.parseInt(m.group(2));
            String reason = m.group(3);
            if (status == 401 || status == 403) {
                return new FailureExplanation(Kind.REJECTED, system + " refused the hub's credentials (HTTP " + status + "): " + reason,
                        "Ask whoever runs " + system + " to check the hub's access (its token is hub.systems." + system
                                + ".token), then replay.");
            }
            if (status == 404) {
                return new FailureExplanation(Kind.REJECTED, system + " does not have the record this change is for (HTTP 404): " + reason,
                        "The record may have been deleted or merged in " + system + ". Recreate it there and replay, or mark this resolved.");
            }
            return new FailureExplanation(Kind.REJECTED, system + " refused this record (HTTP " + status + "): " + reason,
                    "Fix the data in the source system, or edit the payload below, then replay. If " + system
                            + " was changed to accept it, just replay.");
        }
        if ((m = UNREACHABLE.matcher(message)).matches()) {
            return unavailable(m.group(1), prefix + "the " + m.group(1) + " system could not be reached (" + m.group(2) + ")");
        }
        if ((m = ANSWERED.matcher(message)).matches()) {
            return unavailable(m.group(1), prefix + m.group(1) + " kept answering HTTP " + m.group(2)
                    + (m.group(3) == null || m.group(3).isBlank() ? "" : " (" + m.group(3) + ")"));
        }
        if ((m = PAUSED.matcher(message)).matches()) {
            return unavailable(m.group(1), prefix + "calls to " + m.group(1) + " were paused after repeated failures");
        }
        if ((m = SCHEMA.matcher(message)).matches() || errorClass.endsWith("JsonValidationException")) {
            String problems = m.matches() ? m.group(2) : message;
            String named = field == null || field.isBlank() ? "the field it names" : "the field " + field;
            return new FailureExplanation(Kind.SCHEMA,
                    "The record does not fit the canonical " + dl.entityType() + " model: " + schemaProblems(problems),
                    "canonicalize".equals(dl.stage())
                            ? "The payload below is the record as " + source(dl) + " sent it: correct the value that becomes " + named
                            + " (or correct it in " + source(dl) + "), then replay."
                            : "Edit " + named + " in the payload below so it fits the model, then replay.");
        }
        if ((m = MAPPING.matcher(message)).matches()) {
            return new FailureExplanation(Kind.MAPPING, "The mapping " + m.group(1) + " could not translate this record: " + m.group(2),
                    "Look at the field it names in the payload; correct the data (here or in the source system) and replay. "
                            + "If the data is right, the mapping needs a fix first.");
        }
        if (errorClass.endsWith("PrerequisiteMissing")) {
            return new FailureExplanation(Kind.WAITING, prefix + message,
                    "Another system must hold the record first. Check the record's trail; replay once that system has it.");
        }
        if (errorClass.endsWith("MissingLink")) {
            return new FailureExplanation(Kind.WAITING, message,
                    "The hub does not know where this record is in " + dl.target() + ". Make sure it exists there, then replay; "
                            + "or mark this resolved if it was handled by hand.");
        }
        if ("transient".equals(dl.failureKind())) {
            return unavailable(dl.target(), prefix + message);
        }
        return new FailureExplanation(Kind.OTHER, message,
                "Fix the data in the source system or edit the payload, then replay. If it cannot be fixed, discard it with a reason.");
    }

    private static final Pattern PROBLEM = Pattern.compile("^\\$\\.?([^:]*): (.*)$", Pattern.DOTALL);
    private static final Pattern ENUMERATION = Pattern.compile("^does not have a value in the enumeration \\[(.*)]$", Pattern.DOTALL);
    private static final Pattern REQUIRED = Pattern.compile("^required property '(.+)' not found$");
    private static final Pattern NOT_ALLOWED = Pattern.compile("^property '(.+)' is not defined in the schema.*$");
    private static final Pattern WRONG_TYPE = Pattern.compile("^(\\w+) found, (\\w+) expected$");

    /** "$.status: does not have a value in the enumeration [..]" → "status must be one of .."; and the like. */
    static String schemaProblems(String problems) {
        List<String> sentences = new ArrayList<>();
        for (String problem : problems.split("; ")) {
            Matcher p = PROBLEM.matcher(problem.strip());
            if (!p.matches()) {
                sentences.add(problem.strip());
                continue;
            }
            String path = p.group(1);
            String what = p.group(2).strip();
            String prefix = path.isBlank() ? "" : path + ".";
            Matcher w;
            if ((w = ENUMERATION.matcher(what)).matches()) {
                sentences.add(label(path) + " must be one of " + w.group(1));
            } else if ((w = REQUIRED.matcher(what)).matches()) {
                sentences.add(prefix + w.group(1) + " is missing");
            } else if ((w = NOT_ALLOWED.matcher(what)).matches()) {
                sentences.add(prefix + w.group(1) + " is not part of the model");
            } else if ((w = WRONG_TYPE.matcher(what)).matches()) {
                sentences.add(label(path) + " is " + article(w.group(1)) + " where " + article(w.group(2)) + " is expected");
            } else {
                sentences.add(label(path) + ": " + what);
            }
        }
        return String.join("; ", sentences);
    }

    private static String label(String path) {
        return path.isBlank() ? "the record" : path;
    }

    private static String article(String word) {
        return ("aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
    }

    private static String source(DeadLetter dl) {
        return dl.sourceSystem() == null ? "the source system" : dl.sourceSystem();
    }

    private static FailureExplanation unavailable(String system, String headline) {
        return new FailureExplanation(Kind.UNAVAILABLE, headline,
                "The " + system + " system was unavailable. Nothing is wrong with the record: replay once " + system
                        + " is back (the dashboard shows whether its queue is moving).");
    }

    /** The headline cut to fit a table row. */
    public String shortHeadline() {
        return headline.length() <= SHORT_LENGTH ? headline : headline.substring(0, SHORT_LENGTH - 1).stripTrailing() + "…";
    }
}
