package io.legalhub.conflicts;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The conflicts gate: which targets may only provision a matter once its conflict check allows it.
 * Switched off, matters are provisioned whatever their conflict status.
 */
@ConfigurationProperties(prefix = "hub.conflicts.gate")
public class ConflictGateProperties {

    private boolean enabled = true;
    private List<String> targets = List.of("billing", "dms", "ediscovery");
    private List<String> clearStatuses = List.of("cleared", "waived");

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getTargets() {
        return targets;
    }

    public void setTargets(List<String> targets) {
        this.targets = targets;
    }

    public List<String> getClearStatuses() {
        return clearStatuses;
    }

    public void setClearStatuses(List<String> clearStatuses) {
        this.clearStatuses = clearStatuses;
    }
}
