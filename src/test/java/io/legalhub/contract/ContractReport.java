package io.legalhub.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.legalhub.contract.ContractResult.Outcome;
import io.legalhub.sandbox.SandboxSystem;

/**
 * The per-test-class report {@code target/contract-reports/<TestClass>.txt}: per system and operation, how many
 * exchanges were valid, failed (with their distinct violations), not covered (with the reason) or covered by
 * text only, so that whoever converts a system sees what is left before it can be enforced.
 */
final class ContractReport {

    /** Relative to the project directory, which is surefire's working directory. */
    static final Path DIRECTORY = Path.of("target", "contract-reports");
    private static final int VIOLATIONS_PER_OPERATION = 5;

    private ContractReport() {
    }

    /** What one run of checks found, and what it cost. */
    record Run(String testName, List<ContractResult> results, int distinct, int notRecorded, long checkMillis,
               Set<SandboxSystem> enforced, VendorSpecs specs) {
    }

    static Path write(Path directory, Run run) {
        StringBuilder out = new StringBuilder();
        out.append("Contract check of the sandbox exchanges recorded during ").append(run.testName()).append('\n');
        out.append("Specs: ").append(run.specs().directory());
        List<String> parsed = run.specs().loadedSoFar().stream()
                .map(s -> s.spec().label() + " (" + s.loadMillis() + " ms)").toList();
        out.append(parsed.isEmpty() ? "" : "; parsed in this JVM: " + String.join(", ", parsed)).append('\n');
        out.append("Exchanges: ").append(run.results().size()).append(" recorded, ").append(run.distinct())
                .append(" distinct, checked in ").append(run.checkMillis()).append(" ms");
        out.append(run.notRecorded() > 0 ? "; " + run.notRecorded() + " more not recorded (over the recorder's limit)" : "").append('\n');
        out.append("Enforced systems: ").append(run.enforced().isEmpty() ? "none"
                        : run.enforced().stream().map(SandboxSystem::prefix).sorted().collect(Collectors.joining(", ")))
                .append(" (io.legalhub.contract.ContractCoverage.ENFORCED_SYSTEMS)\n");

        Map<SandboxSystem, Map<String, List<ContractResult>>> bySystem = new EnumMap<>(SandboxSystem.class);
        for (ContractResult r : run.results()) {
            bySystem.computeIfAbsent(r.exchange().system(), s -> new TreeMap<>()).computeIfAbsent(r.operation(), o -> new ArrayList<>()).add(r);
        }
        bySystem.forEach((system, operations) -> {
            out.append("\n== ").append(system.prefix()).append(run.enforced().contains(system) ? " (enforced)" : " (not enforced)").append('\n');
            operations.forEach((operation, results) -> describe(out, operation, results));
        });
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(run.testName() + ".txt");
            Files.writeString(file, out, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the contract report to " + directory, e);
        }
    }

    static Path writeSkipped(Path directory, String testName, int recorded, String reason) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(testName + ".txt");
            Files.writeString(file, "Contract check of the sandbox exchanges recorded during " + testName + ": skipped, "
                    + reason + " (" + recorded + " exchanges recorded)\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the contract report to " + directory, e);
        }
    }

    private static void describe(StringBuilder out, String operation, List<ContractResult> results) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        results.forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
        out.append(operation).append(": ").append(results.size()).append(results.size() == 1 ? " exchange: " : " exchanges: ")
                .append(counts.entrySet().stream().map(e -> e.getValue() + " " + words(e.getKey())).collect(Collectors.joining(", ")))
                .append('\n');
        Map<String, Long> notes = count(results.stream().filter(r -> r.note() != null).map(ContractResult::note).toList());
        notes.forEach((note, n) -> out.append("    note: ").append(note).append(n > 1 ? " (×" + n + ")" : "").append('\n'));
        Map<String, Long> violations = count(results.stream().flatMap(r -> r.violations().stream()).map(Violation::toString).toList());
        violations.entrySet().stream().limit(VIOLATIONS_PER_OPERATION).forEach(v ->
                out.append("    - ").append(v.getKey()).append(v.getValue() > 1 ? " (×" + v.getValue() + ")" : "").append('\n'));
        if (violations.size() > VIOLATIONS_PER_OPERATION) {
            out.append("    … ").append(violations.size() - VIOLATIONS_PER_OPERATION).append(" more distinct violations\n");
        }
    }

    private static String words(Outcome outcome) {
        return switch (outcome) {
            case VALID -> "valid";
            case FAILED -> "failed";
            case NOT_COVERED -> "not covered";
            case COVERED_BY_TEXT -> "covered by text only";
        };
    }

    static Map<String, Long> count(List<String> texts) {
        Map<String, Long> counted = new LinkedHashMap<>();
        texts.forEach(t -> counted.merge(t, 1L, Long::sum));
        return counted;
    }
}
