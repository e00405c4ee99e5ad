package io.legalhub.sandbox;

import java.util.Optional;

/** The five simulated legal systems. Each lives under its own path prefix and has its own storage. */
public enum SandboxSystem {
    MATTER_MANAGEMENT("matter-management"),
    BILLING("billing"),
    DMS("dms"),
    EDISCOVERY("ediscovery"),
    CONFLICTS("conflicts");

    private final String prefix;

    SandboxSystem(String prefix) {
        this.prefix = prefix;
    }

    /** Path prefix without slash, e.g. {@code billing}; also the storage file name. */
    public String prefix() {
        return prefix;
    }

    /** Path prefix with leading slash, e.g. {@code /billing}. */
    public String path() {
        return "/" + prefix;
    }

    /** Resolves a path prefix (without slash) such as {@code dms}. */
    public static Optional<SandboxSystem> fromPrefix(String prefix) {
        for (SandboxSystem s : values()) {
            if (s.prefix.equals(prefix)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
