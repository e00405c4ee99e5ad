package io.legalhub.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures a fault test prints: records sent, delivered, lost, duplicated, dead-lettered, seconds, and what
 * was broken. Written to target/fault-reports/&lt;test&gt;.txt (and to the test's output), so CI shows them.
 */
final class FaultReport {

    private final String test;
    private final Instant started = Instant.now();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    FaultReport(String test) {
        this.test = test;
    }

    static Path dir() {
        Path dir = HubProcess.projectDir().resolve("target/fault-reports");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    FaultReport put(String figure, Object value) {
        figures.put(figure, value);
        return this;
    }

    FaultReport census(String target, TargetCensus.Result result) {
        figures.put(target + ".delivered", result.delivered());
        figures.put(target + ".lost", result.lost().size());
        figures.put(target + ".duplicated", result.duplicated().size());
        return this;
    }

    long seconds() {
        return Duration.between(started, Instant.now()).toSeconds();
    }

    /** Writes the report; called in a finally block, so a failing run still leaves its figures. */
    void write() {
        figures.put("seconds", seconds());
        StringBuilder text = new StringBuilder(test).append('\n');
        figures.forEach((k, v) -> text.append("  ").append(k).append(" = ").append(v).append('\n'));
        System.out.print(text);
        try {
            Files.writeString(dir().resolve(test + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
