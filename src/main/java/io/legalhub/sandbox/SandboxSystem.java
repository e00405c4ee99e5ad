package io.legalhub.sandbox;

import java.util.Arrays;
import java.util.Optional;

/** The six simulated legal systems. Each lives under its own path prefix and has its own storage. */
public enum SandboxSystem {
    MATTER_MANAGEMENT("matter-management"),
    BILLING("billing"),
    DMS("dms"),
    EDISCOVERY("ediscovery"),
    CONFLICTS("conflicts"),
    /** The client's e-billing platform, where the law firm's invoices go as LEDES and come back reviewed. */
    EBILLING("ebilling");

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

    /** All prefixes, comma-separated, for messages naming the systems. */
    public static String prefixes() {
        return String.join(", ", Arrays.stream(values()).map(SandboxSystem::prefix).toList());
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
