package io.legalhub.contract;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.legalhub.sandbox.ExchangeTap;
import io.legalhub.sandbox.SandboxServer;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.sandbox.TappedExchange;

/**
 * Records what the hub sends the sandbox during one end-to-end test class, then checks it against the vendors'
 * specs: the class fails when an exchange of an enforced system ({@link ContractCoverage#ENFORCED_SYSTEMS})
 * breaks its spec, and a report ({@link ContractReport}) lists every system either way.
 */
public final class ContractRecorder implements ExchangeTap {

    /** Violations listed in a failure message; the rest are counted (the report has them all). */
    static final int VIOLATIONS_SHOWN = 20;
    /** Enough for any end-to-end class; past it exchanges are counted, not kept (bodies can be large). */
    private static final int MAX_RECORDED = 20_000;

    private final SandboxServer sandbox;
    private final ConcurrentLinkedQueue<TappedExchange> recorded = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger notRecorded = new AtomicInteger();

    private ContractRecorder(SandboxServer sandbox) {
        this.sandbox = sandbox;
    }

    /** Starts recording the sandbox's exchanges. */
    public static ContractRecorder tapping(SandboxServer sandbox) {
        ContractRecorder recorder = new ContractRecorder(sandbox);
        sandbox.tap(recorder);
        return recorder;
    }

    @Override
    public void exchange(TappedExchange exchange) {
        if (size.incrementAndGet() <= MAX_RECORDED) {
            recorded.add(exchange);
        } else {
            notRecorded.incrementAndGet();
        }
    }

    /** Stops recording; what was recorded stays. */
    public void stop() {
        sandbox.untap(this);
    }

    /** What was recorded so far, oldest first. */
    public List<TappedExchange> recorded() {
        return List.copyOf(recorded);
    }

    /**
     * After a test class: stops recording, checks, writes {@code target/contract-reports/<testName>.txt}, and fails
     * for the enforced systems' violations. Without specs this is skipped, or fails where they are required (CI).
     */
    public void finish(String testName) {
        stop();
        Optional<VendorSpecs> specs = VendorSpecs.configured();
        if (specs.isEmpty()) {
            ContractReport.writeSkipped(ContractReport.DIRECTORY, testName, size.get(),
                    "the vendor specs are not at -D" + SpecsDirectory.PROPERTY + " or <project>/../shared/specs");
            return;
        }
        check(testName, ContractCoverage.ENFORCED_SYSTEMS, specs.get(), ContractReport.DIRECTORY);
    }

    /**
     * Checks what was recorded and writes the report to {@code reportDirectory}.
     *
     * @throws AssertionError listing the violations of the exchanges with {@code enforced} systems
     */
    List<ContractResult> check(String testName, Set<SandboxSystem> enforced, VendorSpecs specs, Path reportDirectory) {
        List<TappedExchange> exchanges = recorded();
        ContractCheck check = new ContractCheck(specs);
        long t0 = System.nanoTime();
        // Polls repeat the same exchange many times: each distinct one is checked once.
        Map<String, ContractResult> byContent = new HashMap<>();
        List<ContractResult> results = new ArrayList<>(exchanges.size());
        for (TappedExchange exchange : exchanges) {
            ContractResult known = byContent.computeIfAbsent(fingerprint(exchange), k -> check.check(exchange));
            results.add(known.exchange() == exchange ? known
                    : new ContractResult(exchange, known.operation(), known.outcome(), known.note(), known.violations()));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Path report = ContractReport.write(reportDirectory, new ContractReport.Run(testName, results, byContent.size(),
                notRecorded.get(), millis, enforced, specs));
        List<String> failures = results.stream().filter(r -> r.failed() && enforced.contains(r.exchange().system()))
                .flatMap(r -> r.violations().stream()).map(Violation::toString).toList();
        if (!failures.isEmpty()) {
            throw new AssertionError(failureMessage(testName, failures, report));
        }
        return results;
    }

    private static String failureMessage(String testName, List<String> failures, Path report) {
        Map<String, Long> distinct = ContractReport.count(failures);
        StringBuilder message = new StringBuilder("The hub's exchanges with the sandbox during " + testName
                + " break the vendors' API specs (" + failures.size() + " violations, " + distinct.size()
                + " distinct; report: " + report + "):");
        distinct.entrySet().stream().limit(VIOLATIONS_SHOWN).forEach(v -> message.append("\n  - ").append(v.getKey())
                .append(v.getValue() > 1 ? " (×" + v.getValue() + ")" : ""));
        if (distinct.size() > VIOLATIONS_SHOWN) {
            message.append("\n  … and ").append(distinct.size() - VIOLATIONS_SHOWN).append(" more distinct violations");
        }
        return message.toString();
    }

    private static String fingerprint(TappedExchange exchange) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {exchange.system().name(), exchange.method(), exchange.rawPath(),
                    String.valueOf(exchange.rawQuery()), String.valueOf(exchange.requestHeader("Content-Type")),
                    String.valueOf(exchange.status()), String.valueOf(exchange.responseHeader("Content-Type"))}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            exchange.requestHeaders().forEach((name, values) -> {
                digest.update((name.toLowerCase(Locale.ROOT) + ": " + values).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            digest.update(exchange.requestBody());
            digest.update((byte) 0);
            digest.update(exchange.responseBody());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
