package io.legalhub.reconciliation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.reconciliation}: the schedule (enabled, cron: read by routes/reconciliation.yaml as placeholders,
 * bound here so the keys are typed and documented in one place) and the limits of a run.
 */
@ConfigurationProperties(prefix = "hub.reconciliation")
public class ReconciliationProperties {

    private boolean enabled = true;
    private String cron = "0 0 2 * * ?";
    private Duration staleAfter = Duration.ofMinutes(10);
    private int maxRecords = 500_000;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    /** A "running" run whose hub has shown no progress for this long is taken as abandoned (its hub stopped). */
    public Duration getStaleAfter() {
        return staleAfter;
    }

    public void setStaleAfter(Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    /** Most records one target may list for one entity in a run: a guard against paging that never ends. */
    public int getMaxRecords() {
        return maxRecords;
    }

    public void setMaxRecords(int maxRecords) {
        this.maxRecords = maxRecords;
    }
}
