package io.legalhub.reconciliation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.canonical.RecordStateStore;
import io.legalhub.canonical.FanOut;
import io.legalhub.mapping.MappingSettings;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.systems.SystemClient;
import io.legalhub.systems.SystemFailure;
import io.legalhub.systems.TransientSystemFailure;
import io.legalhub.xref.XrefStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Carries out one run: for every target of every flow (or one system's), reads the hub's records, its
 * cross-references and the target's records, compares them and stores the result. A system that cannot
 * be read (down, refusing, misconfigured) fails on its own with its reason; the others are still
 * compared, and the run ends {@code failed} naming it. Logs one summary line per run, counts only.
 */
@Component
public class ReconciliationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationRunner.class);

    /** One target system for one entity: what a run compares. */
    public record Scope(String system, String entity) {
        String label() {
            return system + "/" + entity;
        }
    }

    private final HubSystemsProperties systems;
    private final SystemClient client;
    private final RecordStateStore records;
    private final XrefStore xrefs;
    private final FanOut fanOut;
    private final MappingSettings settings;
    private final ReconciliationStore store;
    private final ReconciliationProperties properties;
    private final ObjectMapper json;
    private final Path mappingsDir;

    public ReconciliationRunner(HubSystemsProperties systems, SystemClient client, RecordStateStore records, XrefStore xrefs,
                                FanOut fanOut, MappingSettings settings, ReconciliationStore store,
                                ReconciliationProperties properties, ObjectMapper json,
                                @Value("${hub.mappings-dir}") String mappingsDir) {
        this.systems = systems;
        this.client = client;
        this.records = records;
        this.xrefs = xrefs;
        this.fanOut = fanOut;
        this.settings = settings;
        this.store = store;
        this.properties = properties;
        this.json = json;
        this.mappingsDir = Path.of(mappingsDir);
    }

    /**
     * What a run covers: each target of each flow ({@code hub.flows.<entity>.targets}), or only those of
     * {@code system}.
     *
     * @throws IllegalArgumentException when {@code system} is no flow's target
     */
    public List<Scope> scope(String system) {
        List<Scope> all = new ArrayList<>();
        systems.getFlows().forEach((entity, flow) -> flow.getTargets().forEach(target -> all.add(new Scope(target, entity))));
        if (system == null) {
            return all;
        }
        List<Scope> chosen = all.stream().filter(s -> s.system().equals(system)).toList();
        if (chosen.isEmpty()) {
            Set<String> targets = all.stream().map(Scope::system).collect(Collectors.toCollection(LinkedHashSet::new));
            throw new IllegalArgumentException("'" + system + "' is not a target of any flow (hub.flows.*.targets); systems to reconcile: "
                    + String.join(", ", targets));
        }
        return chosen;
    }

    public void run(long runId, String systemFilter) {
        long started = System.nanoTime();
        List<SystemResult> results = new ArrayList<>();
        String stopped = null;
        try {
            for (Scope scope : scope(systemFilter)) {
                if (Thread.currentThread().isInterrupted()) {
                    stopped = "the hub stopped during the run";
                    break;
                }
                store.heartbeat(runId);
                results.add(reconcile(runId, scope));
            }
        } catch (RuntimeException | Error e) {
            stopped = "the run stopped: " + e.getMessage();
            log.warn("Reconciliation {} stopped: {}", runId, e.toString());
        } finally {
            // a shutdown interrupts the run; the interrupt must not also break the write that records the end
            boolean interrupted = Thread.interrupted();
            if (interrupted && stopped == null) {
                stopped = "the hub stopped during the run";
            }
            finish(runId, results, stopped, started);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void finish(long runId, List<SystemResult> results, String stopped, long started) {
        List<String> failures = new ArrayList<>();
        results.stream().filter(r -> SystemResult.FAILED.equals(r.status())).forEach(r -> {
            failures.add(r.system() + "/" + r.entity() + ": " + r.reason());
            log.warn("Reconciliation {}: {}/{} could not be compared: {}", runId, r.system(), r.entity(), r.reason());
        });
        if (stopped != null) {
            failures.add(stopped);
        }
        RunStatus status = failures.isEmpty() ? RunStatus.COMPLETED : RunStatus.FAILED;
        String reason = failures.isEmpty() ? null : String.join("; ", failures);
        try {
            store.finish(runId, status, reason);
        } catch (DataAccessException e) {
            log.error("Reconciliation {} finished but its end could not be recorded ({}); it is failed as abandoned after "
                    + "hub.reconciliation.stale-after", runId, e.getClass().getSimpleName());
        }
        log.info("Reconciliation {} {} in {} ms: {}", runId, status.id(), (System.nanoTime() - started) / 1_000_000,
                results.isEmpty() ? "no system compared" : results.stream().map(ReconciliationRunner::summary).collect(Collectors.joining("; ")));
    }

    private static String summary(SystemResult r) {
        SystemResult.Counts c = r.counts();
        return switch (r.status()) {
            case SystemResult.COMPLETED -> r.system() + "/" + r.entity() + " " + c.missing() + " missing, " + c.orphaned() + " orphaned, "
                    + c.differing() + " differing, " + c.unlinked() + " unlinked, " + c.duplicate() + " duplicate, "
                    + c.inStep() + " of " + c.hubRecords() + " in step";
            case SystemResult.SKIPPED -> r.system() + "/" + r.entity() + " skipped";
            default -> r.system() + "/" + r.entity() + " failed";
        };
    }

    private SystemResult reconcile(long runId, Scope scope) {
        String system = scope.system();
        String entity = scope.entity();
        HubSystemsProperties.EntityEndpoints endpoints = systems.findSystem(system).map(s -> s.getEntities().get(entity)).orElse(null);
        SystemResult result;
        List<Finding> findings = List.of();
        String problem = systems.findSystem(system).isEmpty() ? "no connector is configured (hub.systems." + system + ")"
                : TargetListing.configurationProblem(system, entity, endpoints);
        if (problem != null) {
            result = SystemResult.skipped(system, entity, problem);
        } else {
            try {
                TargetComparison.Result compared = compare(runId, scope, endpoints);
                result = SystemResult.completed(system, entity, compared.counts());
                findings = compared.findings();
            } catch (DataAccessException e) {
                throw e;
            } catch (TransientSystemFailure e) {
                result = SystemResult.failed(system, entity, e.getMessage() + "; the next run tries again");
            } catch (SystemFailure | IllegalStateException | IllegalArgumentException e) {
                result = SystemResult.failed(system, entity, e.getMessage());
            }
        }
        store.saveSystem(runId, result, findings);
        return result;
    }

    private TargetComparison.Result compare(long runId, Scope scope, HubSystemsProperties.EntityEndpoints endpoints) {
        String system = scope.system();
        String entity = scope.entity();
        TargetMapping mapping = TargetMapping.load(mappingsDir, system, entity, settings);
        // The hub's side first, then the target's: a record delivered in between shows as "unlinked"
        // (which the next delivery adopts anyway) rather than as a false "missing".
        Map<String, Boolean> meantForTarget = new LinkedHashMap<>();
        Map<String, String> canonical = new HashMap<>();
        for (RecordStateStore.RecordState state : records.all(entity)) {
            canonical.put(state.key(), state.canonical());
            try {
                // the same decision the fan-out makes: the target's rule and the conflicts gate
                meantForTarget.put(state.key(), fanOut.plan(entity, json.readTree(state.canonical())).targets().contains(system));
            } catch (IOException e) {
                throw new IllegalStateException("the hub's record of " + entity + " " + state.key() + " is not readable JSON", e);
            }
        }
        Map<String, String> links = new HashMap<>();
        xrefs.forSystem(entity, system).forEach(x -> links.put(x.hubKey(), x.systemId()));
        // what the delivery hands every mapping: the record's ids in all systems (links.<system>)
        Map<String, Map<String, String>> recordLinks = new HashMap<>();
        xrefs.forEntity(entity).forEach(x -> recordLinks.computeIfAbsent(x.hubKey(), k -> new LinkedHashMap<>()).put(x.system(), x.systemId()));

        TargetListing listing = new TargetListing(client, systems, properties.getMaxRecords());
        java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, com.fasterxml.jackson.databind.JsonNode> view =
                endpoints.getListMapping() == null ? java.util.function.Function.identity()
                        : TargetMapping.named(mappingsDir, system, endpoints.getListMapping(), settings)::mapListed;
        List<TargetComparison.TargetRecord> listed = listing.list(system, entity, read -> store.heartbeat(runId), view);

        Set<String> ignored = new LinkedHashSet<>(endpoints.getCompareIgnore());
        return new TargetComparison(system, entity, ignored)
                .compare(meantForTarget, links, listed, key -> comparable(mapping.map(key, withLinks(canonical.get(key), recordLinks.get(key))),
                        endpoints.getCompareBody()));
    }

    /** The part of the mapped output a listed record is compared with (the connector's compare-body pointer). */
    private static com.fasterxml.jackson.databind.JsonNode comparable(com.fasterxml.jackson.databind.JsonNode mapped, String pointer) {
        return pointer == null || pointer.isEmpty() ? mapped : mapped.at(pointer);
    }

    private String withLinks(String canonical, Map<String, String> recordLinks) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(canonical);
            com.fasterxml.jackson.databind.node.ObjectNode links = node.putObject("links");
            if (recordLinks != null) {
                recordLinks.forEach(links::put);
            }
            return json.writeValueAsString(node);
        } catch (IOException | ClassCastException e) {
            return canonical;
        }
    }
}
