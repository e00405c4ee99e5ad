package io.legalhub.console;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import io.legalhub.deadletter.DeadLetterStatus;
import io.legalhub.systems.HubSystemsProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The choices the list's filters offer: what the configuration names plus whatever the store holds. */
@Component
public class DeadLetterFacets {

    private final JdbcClient jdbc;
    private final HubSystemsProperties properties;

    public DeadLetterFacets(JdbcClient jdbc, HubSystemsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public record Choices(List<String> statuses, List<String> sources, List<String> targets, List<String> entities,
                          List<String> errorClasses) {
    }

    public Choices now() {
        TreeSet<String> sources = distinct("source_system");
        TreeSet<String> targets = distinct("target");
        TreeSet<String> entities = distinct("entity_type");
        properties.getFlows().forEach((entity, flow) -> {
            entities.add(entity);
            if (flow.getSource() != null) {
                sources.add(flow.getSource());
            }
            targets.addAll(flow.getTargets());
        });
        targets.add(Dashboard.HUB);
        TreeSet<String> errorClasses = new TreeSet<>();
        distinct("error_class").forEach(c -> errorClasses.add(c.substring(c.lastIndexOf('.') + 1)));
        return new Choices(Arrays.stream(DeadLetterStatus.values()).map(DeadLetterStatus::id).toList(), List.copyOf(sources),
                List.copyOf(targets), List.copyOf(entities), List.copyOf(errorClasses));
    }

    private TreeSet<String> distinct(String column) {
        return new TreeSet<>(jdbc.sql("select distinct " + column + " from dead_letter where " + column + " is not null")
                .query(String.class).list());
    }
}
