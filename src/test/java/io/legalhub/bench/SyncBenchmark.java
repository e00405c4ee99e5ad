package io.legalhub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;

/**
 * The hub and the sandbox each in a process of its own (the packaged jar, the hub in its default embedded mode), driven
 * over HTTP from this JVM, which also runs a bare copy of the same sync for comparison. One table per run, printed and
 * written to target/benchmarks/sync-&lt;time&gt;.txt and sync-latest.txt; the processes' logs go to
 * target/benchmarks/sync-&lt;time&gt;/. Never a timed assertion: only that every matter arrived everywhere.
 *
 * <p>Run: {@code mvn -Pbenchmark verify -Dbench=SyncBenchmark}, with
 * <ul>
 * <li>{@code -Dbench.phases=sync,bare,latency,webhooks,limited} (default all; {@code heap} too when heapMatters is set)</li>
 * <li>{@code -Dbench.matters=2000}: the sync (hub and bare copy) at no added latency</li>
 * <li>{@code -Dbench.latencies=0,100} and {@code -Dbench.latencyMatters=1000}: each latency above 0 (ms, on every
 *     system) is run again, hub and bare copy, with this many matters</li>
 * <li>{@code -Dbench.webhookRates=20,100} and {@code -Dbench.webhookSeconds=20}: matters created through Clio's API at
 *     each rate; latency until billing and the DMS both have the matter</li>
 * <li>{@code -Dbench.rateLimited=true} and {@code -Dbench.limitedMatters=300}: a sync under the sandbox's rate limits,
 *     a hub of its own keeping to the same limits</li>
 * <li>{@code -Dbench.heapMatters=10000,100000}: heap-only scale runs, a fresh hub each (default none)</li>
 * <li>{@code -Dbench.bareThreads=16}</li>
 * </ul>
 */
class SyncBenchmark {

    private static final String SECRET = "benchmark-webhook-secret";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final List<String> SYSTEMS = SandboxJar.SYSTEMS;
    private static final Duration QUIET = Duration.ofSeconds(3);
    /** The sandbox's rate limits in the limited phase, and the hub's: requests per minute and burst. */
    private static final Map<String, int[]> LIMITS = Map.of("matter-management", new int[]{300, 5}, "billing", new int[]{600, 10});

    private final int matters = Integer.getInteger("bench.matters", 2000);
    private final int latencyMatters = Integer.getInteger("bench.latencyMatters", 1000);
    private final List<Integer> latencies = ints("bench.latencies", "0,100");
    private final List<Integer> webhookRates = ints("bench.webhookRates", "20,100");
    private final int webhookSeconds = Integer.getInteger("bench.webhookSeconds", 20);
    private final boolean rateLimited = Boolean.parseBoolean(System.getProperty("bench.rateLimited", "true"));
    private final int limitedMatters = Integer.getInteger("bench.limitedMatters", 300);
    private final List<Integer> heapMatters = ints("bench.heapMatters", "");
    private final int bareThreads = Integer.getInteger("bench.bareThreads", 16);
    private final int callsMatters = Integer.getInteger("bench.callsMatters", 100);
    private final Set<String> phases = phases();

    private final List<String> problems = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final TextTable heapTable = new TextTable("sync", "matters", "peak heap used MB", "peak after-GC MB", "peak live data MB", "heap max MB");
    private final TextTable hookTable = new TextTable("rate/s", "seconds", "created", "created/s", "arrived", "p50 ms", "p95 ms",
            "p99 ms", "max ms");
    private final TextTable limitTable = new TextTable("matters", "seconds", "bound (min calls) s", "bound (hub's calls) s",
            "dead letters", "429 share MM", "429 share billing", "calls/matter MM", "calls/matter billing");
    private final List<String> idle = new ArrayList<>();
    private String breakdown = "";

    @Test
    void hubAndSandboxInSeparateProcesses() throws Exception {
        Instant started = Instant.now();
        String run = "sync-" + STAMP.format(started);
        Path logs = Path.of("target/benchmarks", run);
        Path data = Path.of("target/bench-data", run);
        progress("run %s: phases %s; logs in %s", run, phases, logs);

        boolean hubPhases = phases.contains("calls") || phases.contains("sync") || phases.contains("webhooks") || latencyPhase();
        boolean barePhases = phases.contains("bare") || latencyPhase();
        if (hubPhases || barePhases) {
            try (Stack stack = Stack.start(logs.resolve("main"), data.resolve("main"), List.of())) {
                idle.add(idle(stack, "just started"));
                if (phases.contains("calls")) {
                    breakdown = breakdown(stack);
                }
                if (phases.contains("sync")) {
                    rows.add(hubSync(stack, "hub", "SYNC0", matters, 0, true));
                }
                if (phases.contains("latency")) {
                    for (int latency : latencies) {
                        if (latency > 0) {
                            stack.sandbox.faultsEverywhere("{\"latencyMs\":" + latency + "}");
                            rows.add(hubSync(stack, "hub", "SYNC" + latency, latencyMatters, latency, false));
                            stack.sandbox.faultsEverywhere("{\"latencyMs\":0}");
                        }
                    }
                }
                SystemsApi api = new SystemsApi(stack.sandbox);
                if (phases.contains("webhooks")) {
                    for (int rate : webhookRates) {
                        webhooks(stack, api, rate);
                    }
                }
                if (hubPhases) {
                    idle.add(idle(stack, "after its phases"));
                }
                // the bare copy must have the sandbox to itself: the hub would sync its matters too
                stack.stopHub();
                if (phases.contains("bare")) {
                    rows.add(bare(stack, api, "BARE0", matters, 0));
                }
                if (phases.contains("latency")) {
                    for (int latency : latencies) {
                        if (latency > 0) {
                            stack.sandbox.faultsEverywhere("{\"latencyMs\":" + latency + "}");
                            rows.add(bare(stack, api, "BARE" + latency, latencyMatters, latency));
                            stack.sandbox.faultsEverywhere("{\"latencyMs\":0}");
                        }
                    }
                }
            }
        }
        if (phases.contains("limited") && rateLimited) {
            limited(logs.resolve("limited"), data.resolve("limited"));
        }
        if (phases.contains("heap")) {
            for (int n : heapMatters) {
                try (Stack stack = Stack.start(logs.resolve("heap-" + n), data.resolve("heap-" + n), List.of())) {
                    stack.hub.awaitQuiet(QUIET, Duration.ofMinutes(2));
                    rows.add(hubSync(stack, "hub (heap run)", "HEAP", n, 0, true));
                }
            }
        }

        String table = render(started, Duration.between(started, Instant.now()));
        System.out.println();
        System.out.println(table);
        Files.createDirectories(logs.getParent());
        Files.writeString(logs.getParent().resolve(run + ".txt"), table);
        Files.writeString(logs.getParent().resolve("sync-latest.txt"), table);
        assertThat(problems).as("every matter arrived in every system it should, the bare copy's too").isEmpty();
    }

    private boolean latencyPhase() {
        return phases.contains("latency") && latencies.stream().anyMatch(l -> l > 0);
    }

    // ------------------------------------------------------------------------------------------ phases

    /** One throughput measurement (hub or bare copy). */
    private record Row(String what, int latencyMs, int matters, int litigation, double arrivedSeconds, double seconds,
                       double cpuMsPerMatter, double sandboxCpuMsPerMatter, SandboxJar.Calls calls) {

        double perMatter(String system) {
            return calls.total().getOrDefault(system, 0L) / (double) matters;
        }
    }

    /** The hub idle (nothing to sync): what its polls alone cost, per second. */
    private String idle(Stack stack, String when) {
        stack.hub.awaitQuiet(QUIET, Duration.ofMinutes(2));
        SandboxJar.Calls before = stack.sandbox.calls();
        Duration cpu = stack.hub.cpu();
        long t0 = System.nanoTime();
        pause(Duration.ofSeconds(5));
        double seconds = (System.nanoTime() - t0) / 1e9;
        SandboxJar.Calls calls = stack.sandbox.calls().since(before);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "hub idle (its polls only), %s: %.0f CPU ms/s; calls/s", when,
                stack.hub.cpu().minus(cpu).toMillis() / seconds));
        for (String system : SYSTEMS) {
            out.append(String.format(Locale.ROOT, " %s %.1f", system, calls.total().get(system) / seconds));
        }
        return out.toString();
    }

    /**
     * Generates {@code n} matters (no webhooks: the hub finds them by its poll) and waits until every system has
     * what it should — billing and the DMS each matter, e-discovery each litigation matter, matter management each
     * conflict result — and the hub is quiet. The phase's time ends when the hub was last seen working.
     */
    private Row hubSync(Stack stack, String what, String prefix, int n, int latencyMs, boolean watchHeap) {
        String label = what + " " + prefix;
        progress("%s: %d matters generated in matter management%s; the hub polls and syncs them", label, n,
                latencyMs > 0 ? ", " + latencyMs + " ms latency on every system" : "");
        SandboxJar sandbox = stack.sandbox;
        Map<String, Long> base = counts(sandbox);
        SandboxJar.Calls calls = sandbox.calls();
        Duration hubCpu = stack.hub.cpu();
        Duration sandboxCpu = sandbox.cpu();
        HeapWatch heap = watchHeap ? new HeapWatch(stack.hub) : null;
        long t0 = System.nanoTime();
        try {
            generate(sandbox, prefix, n);
            int litigation = (int) stack.census.matters(prefix + "-").stream().filter(Census.Matter::litigation).count();
            long arrived = awaitArrival(stack, label, prefix, base, n, litigation, t0);
            long quiet = stack.hub.awaitQuiet(QUIET, Duration.ofMinutes(10));
            Duration cpu = stack.hub.cpu().minus(hubCpu);
            Duration sandboxUsed = sandbox.cpu().minus(sandboxCpu);
            SandboxJar.Calls used = sandbox.calls().since(calls);
            long deadLetters = stack.hub.deadLetters();
            if (deadLetters > 0) {
                progress("%s: the hub has %d dead letters (see %s)", label, deadLetters, stack.logs.resolve("hub.log"));
            }
            check(label, stack.census.missing(prefix + "-"));
            if (heap != null) {
                heap.close();
                heapTable.row(label, n, mb(heap.used.get()), mb(heap.afterGc.get()), mb(heap.live.get()), mb(heap.max));
            }
            Row row = new Row(what, latencyMs, n, litigation, (arrived - t0) / 1e9, (Math.max(quiet, arrived) - t0) / 1e9,
                    cpu.toMillis() / (double) n, sandboxUsed.toMillis() / (double) n, used);
            progress("%s: done in %.1f s (%.1f matters/s)", label, row.seconds, n / row.seconds);
            return row;
        } finally {
            if (heap != null) {
                heap.close();
            }
        }
    }

    private Map<String, Long> counts(SandboxJar sandbox) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("billing", sandbox.records("billing", "matters"));
        counts.put("dms", sandbox.records("dms", "workspaces"));
        counts.put("ediscovery", sandbox.records("ediscovery", "matters"));
        counts.put("conflicts", sandbox.records("conflicts", "searches"));
        return counts;
    }

    /** Until billing, the DMS, conflicts and e-discovery hold their share and every conflict result is written back. */
    private long awaitArrival(Stack stack, String label, String prefix, Map<String, Long> base, int n, int litigation, long t0) {
        AtomicLong lastPrint = new AtomicLong(System.nanoTime());
        await().atMost(Duration.ofSeconds(Math.max(600, n / 2))).pollInterval(Duration.ofSeconds(1)).until(() -> {
            stack.hub.checkAlive();
            Map<String, Long> now = counts(stack.sandbox);
            long billing = now.get("billing") - base.get("billing");
            long dms = now.get("dms") - base.get("dms");
            long ediscovery = now.get("ediscovery") - base.get("ediscovery");
            long searches = now.get("conflicts") - base.get("conflicts");
            if (System.nanoTime() - lastPrint.get() >= 10_000_000_000L) {
                lastPrint.set(System.nanoTime());
                progress("%s: %.0f s: billing %d/%d, DMS %d/%d, conflict searches %d/%d, e-discovery %d/%d", label,
                        (System.nanoTime() - t0) / 1e9, billing, n, dms, n, searches, n, ediscovery, litigation);
            }
            if (billing < n || dms < n || searches < n || ediscovery < litigation) {
                return false;
            }
            return stack.census.matters(prefix + "-").stream().allMatch(m -> m.conflictStatus() != null);
        });
        return System.nanoTime();
    }

    /** The bare copy of the same sync, on the same sandbox (the hub stopped), its own generated matters. */
    private Row bare(Stack stack, SystemsApi api, String prefix, int n, int latencyMs) throws Exception {
        String label = "bare copy " + prefix;
        progress("%s: %d matters generated; %d threads copy them%s", label, n, bareThreads,
                latencyMs > 0 ? ", " + latencyMs + " ms latency on every system" : "");
        SandboxJar sandbox = stack.sandbox;
        SandboxJar.Calls calls = sandbox.calls();
        Duration cpu = ownCpu();
        Duration sandboxCpu = sandbox.cpu();
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        BareCopy.Result result;
        try (Ticker ticker = new Ticker(() -> progress("%s: %.0f s: %d/%d copied", label, (System.nanoTime() - t0) / 1e9, done.get(), n))) {
            generate(sandbox, prefix, n);
            result = new BareCopy(api, bareThreads).run(prefix + "-", done::incrementAndGet);
        }
        long t1 = System.nanoTime();
        Duration used = ownCpu().minus(cpu);
        Duration sandboxUsed = sandbox.cpu().minus(sandboxCpu);
        SandboxJar.Calls made = sandbox.calls().since(calls);
        if (result.matters() != n) {
            problems.add(label + ": copied " + result.matters() + " of " + n + " matters");
        }
        check(label, stack.census.missing(prefix + "-"));
        double seconds = (t1 - t0) / 1e9;
        progress("%s: done in %.1f s (%.1f matters/s)", label, seconds, n / seconds);
        return new Row("bare copy", latencyMs, n, result.litigation(), seconds, seconds, used.toMillis() / (double) n,
                sandboxUsed.toMillis() / (double) n, made);
    }

    /**
     * Open loop: {@code rate} matters a second created through Clio's API for webhookSeconds, whatever the answers
     * take; each one's latency is from its created_at in matter management to the later of its billing matter's
     * created_at and its DMS workspace's create_date (one clock: the sandbox's).
     */
    private void webhooks(Stack stack, SystemsApi api, int rate) throws Exception {
        String prefix = "HOOK" + rate;
        int count = rate * webhookSeconds;
        String label = "webhooks " + rate + "/s";
        progress("%s: %d matters created through matter management's API at %d/s; its webhooks go to the hub", label, count, rate);
        SandboxClient control = stack.sandbox.client;
        List<Long> clients = new ArrayList<>();
        for (JsonNode c : control.ok("GET", "/matter-management/api/v4/contacts.json?fields=id,ledes_client_id&limit=200", null).path("data")) {
            if (c.hasNonNull("ledes_client_id")) {
                clients.add(c.path("id").asLong());
            }
        }
        List<Long> areas = ids(control.ok("GET", "/matter-management/api/v4/practice_areas.json?fields=id&limit=200", null));
        List<Long> attorneys = ids(control.ok("GET", "/matter-management/api/v4/users.json?fields=id&limit=200", null));
        Map<String, Long> base = counts(stack.sandbox);

        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch sent = new CountDownLatch(count);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        long t0 = System.nanoTime();
        try (Ticker ticker = new Ticker(() -> progress("%s: %.0f s: %d/%d created", label, (System.nanoTime() - t0) / 1e9, created.get(), count))) {
            ScheduledFuture<?> ticks = clock.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= count) {
                    return;
                }
                senders.execute(() -> {
                    try {
                        long client = clients.get(i % clients.size());
                        ObjectNode matter = SandboxClient.JSON.createObjectNode();
                        ObjectNode m = matter.putObject("data");
                        String number = String.format(Locale.ROOT, "%s-%06d", prefix, i + 1);
                        m.put("display_number", number).put("description", "Webhook load matter " + number);
                        m.putObject("client").put("id", client);
                        m.putObject("practice_area").put("id", areas.get(i % areas.size()));
                        m.putObject("responsible_attorney").put("id", attorneys.get(i % attorneys.size()));
                        m.putArray("relationships").addObject().put("description", "Client").putObject("contact").put("id", client);
                        api.clio("POST", "/api/v4/matters.json?fields=id", matter);
                        created.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e.getMessage());
                    } finally {
                        sent.countDown();
                    }
                });
            }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
            boolean allSent = sent.await(webhookSeconds + 300L, TimeUnit.SECONDS);
            ticks.cancel(false);
            if (!allSent) {
                problems.add(label + ": not every create was answered");
            }
        } finally {
            clock.shutdownNow();
            senders.shutdownNow();
        }
        if (!failures.isEmpty()) {
            problems.add(label + ": " + failures.size() + " creates failed, e.g. " + failures.peek());
        }
        int n = created.get();
        AtomicLong lastPrint = new AtomicLong(System.nanoTime());
        try {
            await().atMost(Duration.ofSeconds(Math.max(300, n / 2))).pollInterval(Duration.ofSeconds(1)).until(() -> {
                stack.hub.checkAlive();
                Map<String, Long> now = counts(stack.sandbox);
                long billing = now.get("billing") - base.get("billing");
                long dms = now.get("dms") - base.get("dms");
                if (System.nanoTime() - lastPrint.get() >= 10_000_000_000L) {
                    lastPrint.set(System.nanoTime());
                    progress("%s: %.0f s: billing %d/%d, DMS %d/%d", label, (System.nanoTime() - t0) / 1e9, billing, n, dms, n);
                }
                return billing >= n && dms >= n;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            problems.add(label + ": not every matter arrived in billing and the DMS in time");
        }
        List<Census.Matter> made = stack.census.matters(prefix + "-");
        Map<String, Instant> billing = stack.census.billing();
        Map<String, Instant> dms = stack.census.dms();
        List<Long> latencies = new ArrayList<>();
        for (Census.Matter m : made) {
            Instant b = billing.get(m.number());
            Instant d = dms.get(m.number());
            if (b != null && d != null) {
                latencies.add(Duration.between(m.created(), b.isAfter(d) ? b : d).toMillis());
            }
        }
        latencies.sort(null);
        // the rate the creates were achieved at, by matter management's own created_at
        Instant first = made.stream().map(Census.Matter::created).min(Instant::compareTo).orElse(Instant.EPOCH);
        Instant last = made.stream().map(Census.Matter::created).max(Instant::compareTo).orElse(Instant.EPOCH);
        double span = Duration.between(first, last).toMillis() / 1000.0;
        hookTable.row(rate, webhookSeconds, made.size(), span > 0 ? fmt1((made.size() - 1) / span) : "-", latencies.size(), percentile(latencies, 50), percentile(latencies, 95),
                percentile(latencies, 99), latencies.isEmpty() ? "-" : latencies.get(latencies.size() - 1));
        stack.hub.awaitQuiet(QUIET, Duration.ofMinutes(10));
        check(label, stack.census.missing(prefix + "-"));
        progress("%s: %d of %d arrived, p50 %s ms, p99 %s ms", label, latencies.size(), made.size(), percentile(latencies, 50),
                percentile(latencies, 99));
    }

    /**
     * Every request the hub makes for a matter, from the sandbox's request log of a small sync (the log keeps the last
     * 5,000 requests of each system, so this phase is small; it also warms the hub up for the measured phases).
     */
    private String breakdown(Stack stack) {
        for (String system : SYSTEMS) {
            stack.sandbox.client.ok("DELETE", "/" + system + "/_control/requests", null);
        }
        Row row = hubSync(stack, "hub (request log)", "CALLS", callsMatters, 0, false);
        rows.add(row);
        TextTable t = new TextTable("system", "request", "per matter").left(2);
        for (String system : SYSTEMS) {
            Map<String, Integer> byRequest = new java.util.TreeMap<>();
            JsonNode log = stack.sandbox.client.ok("GET", "/" + system + "/_control/requests?limit=5000", null).path("requests");
            for (JsonNode r : log) {
                byRequest.merge(r.path("method").asText() + " " + shape(r.path("path").asText(), r.path("query").asText(null)), 1, Integer::sum);
            }
            boolean cut = row.calls.total().get(system) > log.size();
            byRequest.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(e -> t.row(system,
                    e.getKey().replaceFirst("^(\\S+) /" + java.util.regex.Pattern.quote(system), "$1 "),
                    fmt2(e.getValue() / (double) row.matters) + (cut ? " (log cut)" : "")));
        }
        return t.render();
    }

    /** A request's path with its ids as {id} and its query as the parameter names only. */
    static String shape(String path, String query) {
        String p = path.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{job}").replaceAll("/[0-9]{3,}", "/{id}");
        if (query == null || query.isBlank()) {
            return p;
        }
        List<String> names = new ArrayList<>();
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            names.add(name.equals("matter_id") || name.equals("number") ? pair.replaceAll("=.*", "={…}") : name);
        }
        return p + "?" + String.join("&", names);
    }

    /** A sync under rate limits: the sandbox refuses what exceeds them, a hub of its own keeps to the same limits. */
    private void limited(Path logs, Path data) throws Exception {
        // polls every 10 s, not every second: against a limit each poll spends a call of the budget (a second's polls
        // would take a fifth of matter management's 300 a minute)
        List<String> args = new ArrayList<>(List.of("--hub.poll.matter.interval-ms=10000", "--hub.poll.conflict.interval-ms=10000"));
        LIMITS.forEach((system, limit) -> {
            args.add("--hub.systems." + system + ".rate-limit.requests=" + limit[0]);
            args.add("--hub.systems." + system + ".rate-limit.per=1m");
            args.add("--hub.systems." + system + ".rate-limit.burst=" + limit[1]);
        });
        try (Stack stack = Stack.start(logs, data, args)) {
            stack.hub.awaitQuiet(QUIET, Duration.ofMinutes(2));
            LIMITS.forEach((system, limit) -> stack.sandbox.faults(system,
                    "{\"rateLimit\":{\"perMinute\":" + limit[0] + ",\"burst\":" + limit[1] + "}}"));
            Row row = hubSync(stack, "hub, rate-limited", "LIMIT", limitedMatters, 0, false);
            rows.add(row);
            int n = row.matters;
            // the fewest calls the sync needs (see the minimum per matter) against each limit; the larger bound wins
            double minBound = Math.max(minimum("matter-management", n, row.litigation) * n / (LIMITS.get("matter-management")[0] / 60.0),
                    minimum("billing", n, row.litigation) * n / (LIMITS.get("billing")[0] / 60.0));
            double hubBound = 0;
            for (String system : LIMITS.keySet()) {
                long answered = row.calls.total().get(system) - row.calls.rateLimited().get(system);
                hubBound = Math.max(hubBound, answered / (LIMITS.get(system)[0] / 60.0));
            }
            limitTable.row(n, fmt1(row.seconds), fmt1(minBound), fmt1(hubBound), stack.hub.deadLetters(),
                    share(row.calls, "matter-management"), share(row.calls, "billing"),
                    fmt2(row.perMatter("matter-management")), fmt2(row.perMatter("billing")));
        }
    }

    private static String share(SandboxJar.Calls calls, String system) {
        long total = calls.total().get(system);
        return total == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100.0 * calls.rateLimited().get(system) / total);
    }

    // ------------------------------------------------------------------------------------------ the table

    /**
     * The fewest API calls per matter a sync of new matters needs of a system (why: see {@link #MINIMUM_WHY}). For
     * e-discovery, 5 per litigation matter, so the share of litigation matters times 5.
     */
    private static double minimum(String system, int matters, int litigation) {
        return switch (system) {
            case "matter-management" -> 2 + 1 / 200.0;
            case "conflicts", "billing", "dms" -> 1;
            case "ediscovery" -> 5.0 * litigation / matters;
            default -> 0;
        };
    }

    private static final String MINIMUM_WHY = """
            the minimum per matter, why:
              matter-management  2 + 1/200: its page of the matter list (200 a page), its relationships (a Clio matter lists
                                 them without their contacts; the parties are what the conflict search needs), and the
                                 conflict result written back (one PATCH, its custom field values created by field id)
              conflicts          1: the search POST (its answer carries the auto-clear decision; nothing to read back)
              billing            1: the matter POST
              dms                1: the createWorkspace POST (its answer carries the workspace id the e-discovery link needs)
              ediscovery         5 per litigation matter: the client's lookup (its ArtifactID), the matter POST, the workspace
                                 job POST, one read of the job (it takes the sandbox 300 ms), the DMS link update""";

    private String render(Instant started, Duration took) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Legal Hub sync benchmark, %s (took %d min), %d cores; hub and sandbox in separate processes%n",
                started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), took.toMinutes(), Runtime.getRuntime().availableProcessors()));
        out.append("hub: java -Xmx1g -jar target/legal-hub-*.jar, embedded mode (Artemis, H2 file); polls every 1 s, pages of 200;\n"
                + "     conflicts gate off; matter targets conflicts, billing, dms, ediscovery (litigation matters only)\n");
        out.append("sandbox: java -jar … sandbox --no-seed --threads=64, plus matter management's and e-discovery's reference data\n");
        idle.forEach(line -> out.append(line).append('\n'));
        if (!rows.isEmpty()) {
            out.append('\n').append("throughput (until quiet: the hub last seen working; the bare copy: until its last call answered)\n");
            TextTable t = new TextTable("phase", "latency", "matters", "litigation", "all arrived s", "until quiet s", "matters/s",
                    "CPU ms/matter", "sandbox CPU ms/matter");
            for (Row r : rows) {
                t.row(r.what, r.latencyMs + " ms", r.matters, r.litigation, fmt1(r.arrivedSeconds), fmt1(r.seconds),
                        fmt1(r.matters / r.seconds), fmt1(r.cpuMsPerMatter), fmt1(r.sandboxCpuMsPerMatter));
            }
            for (Row hub : rows) {
                Row bare = rows.stream().filter(r -> r.what.equals("bare copy") && r.latencyMs == hub.latencyMs).findFirst().orElse(null);
                if (hub.what.equals("hub") && bare != null) {
                    t.row("ratio hub/bare", hub.latencyMs + " ms", "", "", "", "",
                            fmt2((hub.matters / hub.seconds) / (bare.matters / bare.seconds)), fmt1(hub.cpuMsPerMatter / bare.cpuMsPerMatter),
                            fmt1(hub.sandboxCpuMsPerMatter / bare.sandboxCpuMsPerMatter));
                }
            }
            out.append(t.render());
            out.append("  CPU ms/matter: the hub process's (utime+stime) for the hub; this JVM's for the bare copy\n");

            out.append('\n').append("API calls per matter (delta of the sandbox's requests.total / matters) [the minimum]\n");
            List<String> header = new ArrayList<>(List.of("phase", "latency"));
            header.addAll(SYSTEMS);
            TextTable c = new TextTable(header.toArray(String[]::new));
            for (Row r : rows) {
                List<Object> cells = new ArrayList<>(List.of(r.what, r.latencyMs + " ms"));
                for (String system : SYSTEMS) {
                    cells.add(fmt2(r.perMatter(system)) + " [" + fmt2(minimum(system, r.matters, r.litigation)) + "]");
                }
                c.row(cells.toArray());
            }
            out.append(c.render()).append(MINIMUM_WHY).append('\n');
        }
        if (!breakdown.isEmpty()) {
            out.append('\n').append("every request the hub makes, per matter (the sandbox's request log of the ").append(callsMatters)
                    .append("-matter sync, its idle polls included)\n").append(breakdown);
        }
        if (!hookTable.isEmpty()) {
            out.append('\n').append("webhook latency (open loop through Clio's API; created_at in matter management -> the later of billing's\n"
                    + "created_at and the DMS workspace's create_date, the sandbox's clock; the hub's matter poll runs too)\n");
            out.append(hookTable.render());
        }
        if (!heapTable.isEmpty()) {
            out.append('\n').append("hub heap during the sync (/actuator/metrics every 250 ms: jvm.memory.used area:heap; "
                    + "jvm.memory.usage.after.gc x max; jvm.gc.live.data.size)\n");
            out.append(heapTable.render());
        }
        if (!limitTable.isEmpty()) {
            StringBuilder limits = new StringBuilder();
            LIMITS.forEach((system, l) -> limits.append(String.format(Locale.ROOT, " %s %d/min burst %d;", system, l[0], l[1])));
            out.append('\n').append("rate-limited sync (sandbox rateLimit and hub.systems.<name>.rate-limit alike:").append(limits)
                    .append(" a hub of its own)\n").append("  bound = the calls needed / the limit, the larger of the two systems; "
                            + "429 share = requests.rateLimited / requests.total\n");
            out.append(limitTable.render());
        }
        if (!problems.isEmpty()) {
            out.append('\n').append("PROBLEMS\n");
            problems.forEach(p -> out.append("  ").append(p).append('\n'));
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A sandbox and a hub, each its own process; the hub's port is chosen first, as conflicts' webhooks go there. */
    private static final class Stack implements AutoCloseable {
        final SandboxJar sandbox;
        final Census census;
        final Path logs;
        HubJar hub;

        private Stack(SandboxJar sandbox, HubJar hub, Path logs) {
            this.sandbox = sandbox;
            this.census = new Census(sandbox.client);
            this.hub = hub;
            this.logs = logs;
        }

        static Stack start(Path logs, Path data, List<String> hubArgs) throws IOException {
            int hubPort = PackagedJar.freePort();
            SandboxJar sandbox = SandboxJar.start(logs.resolve("sandbox.log"), hubPort, SECRET);
            try {
                progress("sandbox up on port %d; starting the hub on port %d", sandbox.port, hubPort);
                HubJar hub = HubJar.start(logs.resolve("hub.log"), data, hubPort, sandbox.port, SECRET, hubArgs);
                progress("hub ready (pid %d)", hub.pid());
                return new Stack(sandbox, hub, logs);
            } catch (RuntimeException | IOException e) {
                sandbox.close();
                throw e;
            }
        }

        /** Stops the hub and removes the webhook subscription it made in matter management. */
        void stopHub() {
            if (hub != null) {
                hub.close();
                hub = null;
                sandbox.deleteWebhookSubscriptions();
            }
        }

        @Override
        public void close() {
            try {
                if (hub != null) {
                    hub.close();
                }
            } finally {
                sandbox.close();
            }
        }
    }

    /** Polls the hub's heap metrics every 250 ms and keeps the peaks. */
    private static final class HeapWatch implements AutoCloseable {
        final AtomicLong used = new AtomicLong();
        final AtomicLong afterGc = new AtomicLong();
        final AtomicLong live = new AtomicLong();
        final long max;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        HeapWatch(HubJar hub) {
            this.max = (long) hub.metric("jvm.memory.max", "area:heap");
            timer.scheduleWithFixedDelay(() -> {
                try {
                    used.accumulateAndGet((long) hub.metric("jvm.memory.used", "area:heap"), Math::max);
                    afterGc.accumulateAndGet((long) (hub.metric("jvm.memory.usage.after.gc", "area:heap") * max), Math::max);
                    double liveData = hub.metric("jvm.gc.live.data.size", null);
                    if (!Double.isNaN(liveData)) {
                        live.accumulateAndGet((long) liveData, Math::max);
                    }
                } catch (RuntimeException e) {
                    // a missed sample; the next one comes in 250 ms
                }
            }, 0, 250, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /** Prints a progress line every 10 s while open, so a user sees the run is alive. */
    private static final class Ticker implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        Ticker(Runnable line) {
            timer.scheduleAtFixedRate(line, 10, 10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    private void check(String label, List<String> missing) {
        if (!missing.isEmpty()) {
            problems.add(label + ": " + missing.size() + " missing, e.g. " + missing.subList(0, Math.min(5, missing.size())));
            progress("%s: %d problems, e.g. %s", label, missing.size(), missing.get(0));
        }
    }

    private static void generate(SandboxJar sandbox, String prefix, int n) {
        sandbox.client.ok("POST", "/matter-management/_control/matters/generate",
                "{\"count\":" + n + ",\"prefix\":\"" + prefix + "\",\"webhooks\":false}");
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("data").forEach(r -> ids.add(r.path("id").asLong()));
        return ids;
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** A measuring window: the hub is left alone for this long. */
    private static void pause(Duration window) {
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return String.valueOf(sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
    }

    private static String mb(long bytes) {
        return bytes <= 0 ? "-" : String.valueOf(bytes / (1024 * 1024));
    }

    private static String fmt1(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-";
    }

    private static String fmt2(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "-";
    }

    static void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %tT] %s%n", Instant.now().atZone(ZoneOffset.UTC), String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private static List<Integer> ints(String property, String defaults) {
        String value = System.getProperty(property, defaults).trim();
        List<Integer> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(Integer.parseInt(part.trim()));
            }
        }
        return out;
    }

    private Set<String> phases() {
        Set<String> selected = new LinkedHashSet<>(Arrays.asList(System.getProperty("bench.phases", "calls,sync,bare,latency,webhooks,limited")
                .replace(" ", "").split(",")));
        if (!heapMatters.isEmpty()) {
            selected.add("heap");
        }
        return selected;
    }
}
