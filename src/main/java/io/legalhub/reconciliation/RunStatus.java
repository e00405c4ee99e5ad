package io.legalhub.reconciliation;

import java.util.Locale;

/** A run's state; a system within a run can also be {@code skipped} (see {@link SystemResult}). */
public enum RunStatus {
    RUNNING, COMPLETED, FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
