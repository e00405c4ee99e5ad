package io.legalhub.reconciliation;

import java.util.List;

/**
 * One finding of a run about one record in one target system.
 *
 * @param key         the business key (hub key) the record has or should have; null for a target record without one
 * @param targetId    the target's own id of the record found there (null when missing)
 * @param xrefId      the id the hub's cross-reference held for the key at the time of the run (null if none)
 * @param differences the differing fields, for {@code differing} (and {@code unlinked} records that differ too)
 * @param detail      a sentence for the operator
 */
public record Finding(String system, String entity, FindingKind kind, String key, String targetId, String xrefId,
                      List<Difference> differences, String detail) {

    public Finding {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }
}
