package io.legalhub.console;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * How the console writes times, ages, class names and payloads. Used from the templates as
 * {@code @consoleFormat}. Times are UTC, always labelled, so two operators in different offices read the same.
 */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ObjectMapper json;

    public ConsoleFormat(ObjectMapper json) {
        this.json = json;
    }

    public String time(OffsetDateTime t) {
        return t == null ? "" : TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public String time(Instant t) {
        return t == null ? "" : time(t.atOffset(ZoneOffset.UTC));
    }

    /** Machine-readable time for a {@code <time datetime>} attribute. */
    public String iso(OffsetDateTime t) {
        return t == null ? "" : t.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    }

    /** "3 min ago", "2 h 5 min ago"… */
    public String ago(OffsetDateTime t) {
        return t == null ? "" : age(Duration.between(t.toInstant(), Instant.now())) + " ago";
    }

    /** A duration the way people say it: "42 s", "3 min 5 s", "2 h 5 min", "3 d 4 h". */
    public String age(Duration d) {
        if (d == null) {
            return "—";
        }
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        if (s < 86_400) {
            return (s / 3600) + " h" + ((s % 3600) / 60 == 0 ? "" : " " + ((s % 3600) / 60) + " min");
        }
        return (s / 86_400) + " d" + ((s % 86_400) / 3600 == 0 ? "" : " " + ((s % 86_400) / 3600) + " h");
    }

    /** A value for a datetime-local field, in UTC. */
    public String input(OffsetDateTime t) {
        return t == null ? "" : INPUT.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** "io.legalhub.systems.PermanentSystemFailure" → "PermanentSystemFailure". */
    public String simpleName(String className) {
        if (className == null) {
            return "";
        }
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    /** JSON indented for reading and editing (the layout the edit history's diffs use); other text as it is. */
    public String pretty(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof JsonNode node && node.isTextual()) {
            value = node.asText();
        }
        try {
            if (value instanceof String text) {
                String t = text.stripLeading();
                if (!t.startsWith("{") && !t.startsWith("[")) {
                    return text;
                }
                return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(text));
            }
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (Exception notJson) {
            return String.valueOf(value);
        }
    }

    /** "$.client.name" (a JSON path as the schema check reports it) → "client.name". */
    public String fieldName(String path) {
        return path == null ? "" : path.replaceFirst("^\\$\\.?", "");
    }

    /** A diff line's class: added, removed or context. */
    public String diffClass(String line) {
        if (line.startsWith("+ ")) {
            return "diff-add";
        }
        if (line.startsWith("- ")) {
            return "diff-del";
        }
        if (line.startsWith("@@")) {
            return "diff-hunk";
        }
        return "diff-ctx";
    }

    public String[] lines(String text) {
        return text == null ? new String[0] : text.split("\r?\n", -1);
    }
}
