package io.legalhub.conflicts;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.xref.XrefStore;
import org.springframework.stereotype.Component;

/**
 * Holds back provisioning of a matter in the gated targets until its conflict check is cleared or
 * waived. Only provisioning is held: a target that already has the matter keeps receiving its changes
 * (closing it, renaming it), whatever a later search says.
 */
@Component
public class ConflictGate {

    private final ConflictGateProperties properties;
    private final XrefStore xrefs;

    public ConflictGate(ConflictGateProperties properties, XrefStore xrefs) {
        this.properties = properties;
        this.xrefs = xrefs;
    }

    /** Why the matter may not go to this target yet, or empty when it may. */
    public Optional<String> holdBack(String target, String entity, JsonNode canonical) {
        if (!properties.isEnabled() || !"matter".equals(entity) || !properties.getTargets().contains(target)) {
            return Optional.empty();
        }
        String status = canonical.path("conflictStatus").asText("not-checked");
        if (properties.getClearStatuses().contains(status)) {
            return Optional.empty();
        }
        if (xrefs.systemId(entity, canonical.path("key").asText(), target).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("declined".equals(status)
                ? "conflicts declined: never provisioned"
                : "waiting for conflicts clearance (status " + status + ")");
    }
}
