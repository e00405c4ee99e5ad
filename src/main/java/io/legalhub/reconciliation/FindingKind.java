package io.legalhub.reconciliation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a reconciliation run can find about one record in one target system. Only the first three and
 * {@code unlinked} can be re-synced; orphans and duplicates are reported and never touched.
 */
public enum FindingKind {
    /** The hub has the record for this target, the target has nothing that is it. */
    MISSING(true),
    /** The target has a record the hub cannot account for: no cross-reference and no hub record with its key. */
    ORPHANED(false),
    /** Both have it, but the target's fields differ from what the hub would send now. */
    DIFFERING(true),
    /** The target has a record with the hub record's key but the hub has no cross-reference to it. */
    UNLINKED(true),
    /** A second target record with the key of a hub record that is linked to another one. */
    DUPLICATE(false);

    private final boolean resyncable;

    FindingKind(boolean resyncable) {
        this.resyncable = resyncable;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean resyncable() {
        return resyncable;
    }

    public static FindingKind of(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equalsIgnoreCase(id == null ? "" : id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown finding kind '" + id + "'; kinds are "
                        + Arrays.stream(values()).map(FindingKind::id).collect(Collectors.joining(", "))));
    }
}
