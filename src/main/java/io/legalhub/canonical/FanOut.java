package io.legalhub.canonical;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.conflicts.ConflictGate;
import io.legalhub.messaging.Queues;
import io.legalhub.systems.HubSystemsProperties;
import org.springframework.stereotype.Component;

/**
 * Decides which target queues a canonical record goes to: the flow's targets, less those whose rule says
 * no, less those the conflicts gate holds back.
 */
@Component
public class FanOut {

    private final HubSystemsProperties properties;
    private final TargetRules rules;
    private final ConflictGate gate;

    public FanOut(HubSystemsProperties properties, TargetRules rules, ConflictGate gate) {
        this.properties = properties;
        this.rules = rules;
        this.gate = gate;
    }

    public record Plan(List<String> targets, List<String> skipped) {
        public String recipients(String entity) {
            return String.join(",", targets.stream().map(t -> Queues.jms(Queues.outbound(t, entity))).toList());
        }
    }

    public Plan plan(String entity, JsonNode canonical) {
        List<String> targets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String target : properties.flow(entity).getTargets()) {
            TargetRules.Verdict verdict = rules.accepts(target, entity, canonical);
            if (!verdict.accepted()) {
                skipped.add(target + " (" + verdict.reason() + ")");
                continue;
            }
            gate.holdBack(target, entity, canonical).ifPresentOrElse(
                    reason -> skipped.add(target + " (" + reason + ")"),
                    () -> targets.add(target));
        }
        return new Plan(targets, skipped);
    }
}
