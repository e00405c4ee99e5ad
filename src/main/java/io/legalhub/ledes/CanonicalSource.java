package io.legalhub.ledes;

import java.util.Objects;

/**
 * Where a canonical invoice came from, filled by the caller (the mapper cannot know): the source system,
 * the record's id there, and a version that grows with each change (the hub keeps only the newest).
 */
public record CanonicalSource(String system, String id, long version) {

    public CanonicalSource {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(id, "id");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }
}
