package io.legalhub.console;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.legalhub.messaging.QueueBacklog;
import io.legalhub.messaging.QueueBacklog.QueueDepth;
import io.legalhub.systems.HubSystemsProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dashboard's numbers: per system and per flow, what was delivered and what failed in the last hour
 * (from the record trail), open dead letters (from the dead-letter store), and what is waiting on the
 * hub's queues with the age of the oldest message (browsed on the broker).
 */
@Service
public class Dashboard {

    static final Duration WINDOW = Duration.ofHours(1);
    /** The hub's own stage (canonicalization) appears as a "system" in trails and dead letters. */
    static final String HUB = "hub";

    private final JdbcClient jdbc;
    private final QueueBacklog backlog;
    private final HubSystemsProperties properties;

    Dashboard(JdbcClient jdbc, QueueBacklog backlog, HubSystemsProperties properties) {
        this.jdbc = jdbc;
        this.backlog = backlog;
        this.properties = properties;
    }

    public record SystemRow(String name, String role, long received, long delivered, long failed, long openDeadLetters,
                     int waiting, boolean capped, Duration oldest) {
    }

    public record FlowRow(String entity, String source, List<String> targets, long received, long canonicalized, long delivered,
                   long failed, long openDeadLetters, int waiting, Duration oldest) {
    }

    public record QueueRow(String queue, String flow, String system, int waiting, boolean capped, Duration oldest, String problem) {
    }

    public record OpenCount(String target, String entity, long count) {
    }

    public record View(OffsetDateTime at, List<SystemRow> systems, List<FlowRow> flows, List<QueueRow> queues,
                List<OpenCount> openDeadLetters, long openTotal, long deliveredTotal, long failedTotal, int waitingTotal,
                Duration oldestWaiting) {
    }

    View now() {
        Instant now = Instant.now();
        OffsetDateTime since = OffsetDateTime.ofInstant(now.minus(WINDOW), ZoneOffset.UTC);

        Map<String, Map<String, Long>> stepsBySystem = counts(
                "select system_name, step, count(*) from journal where occurred_at >= :since group by system_name, step", since);
        Map<String, Map<String, Long>> stepsByEntity = counts(
                "select entity_type, step, count(*) from journal where occurred_at >= :since group by entity_type, step", since);
        List<OpenCount> open = jdbc.sql("""
                        select target, entity_type, count(*) from dead_letter where status = 'open'
                        group by target, entity_type order by count(*) desc, target, entity_type""")
                .query((rs, n) -> new OpenCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        List<QueueRow> queues = backlog.depths().stream()
                .map(q -> new QueueRow(q.queue(), q.flow(), q.system(), q.waiting(), q.capped(), q.oldestAge(now), q.problem()))
                .toList();

        List<SystemRow> systems = new ArrayList<>();
        for (String system : systemNames(open)) {
            Map<String, Long> steps = stepsBySystem.getOrDefault(system, Map.of());
            List<QueueRow> own = queues.stream().filter(q -> !q.queue().startsWith("hub.in.") && system.equals(q.system())).toList();
            if (HUB.equals(system)) {
                own = queues.stream().filter(q -> q.queue().startsWith("hub.in.")).toList();
            }
            systems.add(new SystemRow(system, role(system), steps.getOrDefault("received", 0L), steps.getOrDefault("delivered", 0L),
                    steps.getOrDefault("failed", 0L), open.stream().filter(o -> system.equals(o.target())).mapToLong(OpenCount::count).sum(),
                    own.stream().mapToInt(QueueRow::waiting).sum(), own.stream().anyMatch(QueueRow::capped), oldest(own)));
        }

        List<FlowRow> flows = new ArrayList<>();
        properties.getFlows().forEach((entity, flow) -> {
            Map<String, Long> steps = stepsByEntity.getOrDefault(entity, Map.of());
            List<QueueRow> own = queues.stream().filter(q -> entity.equals(q.flow())).toList();
            flows.add(new FlowRow(entity, flow.getSource(), flow.getTargets(), steps.getOrDefault("received", 0L),
                    steps.getOrDefault("canonicalized", 0L), steps.getOrDefault("delivered", 0L), steps.getOrDefault("failed", 0L),
                    open.stream().filter(o -> entity.equals(o.entity())).mapToLong(OpenCount::count).sum(),
                    own.stream().mapToInt(QueueRow::waiting).sum(), oldest(own)));
        });

        return new View(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), systems, flows, queues, open,
                open.stream().mapToLong(OpenCount::count).sum(),
                systems.stream().mapToLong(SystemRow::delivered).sum(),
                systems.stream().mapToLong(SystemRow::failed).sum(),
                queues.stream().mapToInt(QueueRow::waiting).sum(),
                oldest(queues));
    }

    /** Configured systems in configuration order, then the hub itself, then any other system a dead letter names. */
    private List<String> systemNames(List<OpenCount> open) {
        Set<String> names = new LinkedHashSet<>(properties.getSystems().keySet());
        names.add(HUB);
        open.stream().map(OpenCount::target).filter(Objects::nonNull).forEach(names::add);
        return List.copyOf(names);
    }

    private String role(String system) {
        if (HUB.equals(system)) {
            return "canonicalization";
        }
        boolean source = properties.getFlows().values().stream().anyMatch(f -> system.equals(f.getSource()));
        boolean target = properties.getFlows().values().stream().anyMatch(f -> f.getTargets().contains(system));
        return source && target ? "source and target" : source ? "source" : target ? "target" : "";
    }

    private static Duration oldest(List<QueueRow> queues) {
        return queues.stream().map(QueueRow::oldest).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    private Map<String, Map<String, Long>> counts(String sql, OffsetDateTime since) {
        Map<String, Map<String, Long>> result = new HashMap<>();
        jdbc.sql(sql).param("since", since).query(rs -> {
            String group = rs.getString(1);
            if (group != null) {
                result.computeIfAbsent(group, g -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        });
        return result;
    }
}
