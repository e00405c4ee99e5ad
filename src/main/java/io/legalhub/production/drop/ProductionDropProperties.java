package io.legalhub.production.drop;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The production drop folder ({@code hub.productions}): where load-file pairs land and how long to wait for them. */
@ConfigurationProperties(prefix = "hub.productions")
public class ProductionDropProperties {

    private boolean enabled = true;
    private Path dropDir = Path.of("./data/drop/productions");
    private long scanIntervalMs = 5_000;
    private long settleMs = 3_000;
    private long orphanAfterMs = 600_000;

    /** Whether the drop folder is scanned (the production-drop route starts). */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Path getDropDir() {
        return dropDir;
    }

    public void setDropDir(Path dropDir) {
        this.dropDir = dropDir;
    }

    public long getScanIntervalMs() {
        return scanIntervalMs;
    }

    public void setScanIntervalMs(long scanIntervalMs) {
        this.scanIntervalMs = scanIntervalMs;
    }

    /** A file counts as complete once it has not been modified for this long. */
    public long getSettleMs() {
        return settleMs;
    }

    public void setSettleMs(long settleMs) {
        this.settleMs = settleMs;
    }

    /** A DAT without its OPT (or the reverse) for this long is taken in as incomplete. */
    public long getOrphanAfterMs() {
        return orphanAfterMs;
    }

    public void setOrphanAfterMs(long orphanAfterMs) {
        this.orphanAfterMs = orphanAfterMs;
    }
}
