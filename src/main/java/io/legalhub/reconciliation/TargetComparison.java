package io.legalhub.reconciliation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The heart of a run, without I/O: one target's records against the hub's records of one entity.
 * <ul>
 *   <li>a hub record meant for the target whose cross-referenced record exists is compared field by field
 *       (in step, or {@code differing}); other target records with its key are {@code duplicate}s;</li>
 *   <li>one whose cross-reference does not resolve (or that has none) but whose key a target record
 *       carries is {@code unlinked}; with no such record it is {@code missing};</li>
 *   <li>a target record no cross-reference points to and whose key is no hub record is {@code orphaned}.</li>
 * </ul>
 * A target record linked by a cross-reference to a hub record the target no longer receives (its rule
 * stopped selecting it) is accounted for and left alone.
 */
final class TargetComparison {

    /** One record as the target listed it: its own id, its business key (null if it has none) and its fields. */
    record TargetRecord(String id, String key, JsonNode fields) {
    }

    record Result(List<Finding> findings, SystemResult.Counts counts) {
    }

    private final String system;
    private final String entity;
    private final Set<String> ignoredFields;

    TargetComparison(String system, String entity, Set<String> ignoredFields) {
        this.system = system;
        this.entity = entity;
        this.ignoredFields = ignoredFields;
    }

    /**
     * @param hubRecords hub key → whether the record is meant for this target (its flow and rule select it)
     * @param xrefs      hub key → the target's id, as the hub's cross-references hold it
     * @param target     every record the target listed
     * @param expected   hub key → what the hub would send the target now (the mapped canonical record)
     */
    Result compare(Map<String, Boolean> hubRecords, Map<String, String> xrefs, List<TargetRecord> target,
                   Function<String, JsonNode> expected) {
        Map<String, TargetRecord> byId = new LinkedHashMap<>();
        target.forEach(r -> byId.putIfAbsent(r.id(), r));
        Map<String, String> linkedKeyById = new HashMap<>();
        xrefs.forEach((key, id) -> linkedKeyById.put(id, key));
        Map<String, List<TargetRecord>> unlinkedByKey = new HashMap<>();
        byId.values().stream()
                .filter(r -> r.key() != null && !linkedKeyById.containsKey(r.id()))
                .forEach(r -> unlinkedByKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));

        List<Finding> findings = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        int meantForTarget = 0;
        int inStep = 0;
        for (Map.Entry<String, Boolean> hub : new TreeMap<>(hubRecords).entrySet()) {
            if (!hub.getValue()) {
                continue;
            }
            meantForTarget++;
            String key = hub.getKey();
            String xrefId = xrefs.get(key);
            TargetRecord linked = xrefId == null ? null : byId.get(xrefId);
            List<TargetRecord> sameKey = unlinkedByKey.getOrDefault(key, List.of());
            if (linked != null) {
                claimed.add(linked.id());
                List<Difference> differences = FieldComparison.between(expected.apply(key), linked.fields(), ignoredFields);
                if (differences.isEmpty()) {
                    inStep++;
                } else {
                    findings.add(finding(FindingKind.DIFFERING, key, linked.id(), xrefId, differences,
                            differences.size() + " field(s) differ from what the hub would send"));
                }
                duplicates(sameKey, key, xrefId, claimed, findings);
            } else if (!sameKey.isEmpty()) {
                TargetRecord found = sameKey.get(0);
                claimed.add(found.id());
                List<Difference> differences = FieldComparison.between(expected.apply(key), found.fields(), ignoredFields);
                findings.add(finding(FindingKind.UNLINKED, key, found.id(), xrefId, differences, xrefId == null
                        ? "the hub has no cross-reference to it; the next delivery (or a re-sync) adopts it"
                        : "the hub's cross-reference points to " + xrefId + ", which " + system
                        + " no longer has; a re-sync links this record instead"));
                duplicates(sameKey.subList(1, sameKey.size()), key, found.id(), claimed, findings);
            } else {
                findings.add(finding(FindingKind.MISSING, key, null, xrefId, List.of(), xrefId == null
                        ? system + " has no record with this key and the hub has never linked one"
                        : system + " no longer has " + xrefId + " (the hub's cross-reference) nor any record with this key"));
            }
        }
        for (TargetRecord record : byId.values()) {
            if (claimed.contains(record.id()) || linkedKeyById.containsKey(record.id())) {
                continue;
            }
            String detail;
            if (record.key() == null) {
                detail = "it has no business key and no cross-reference points to it";
            } else if (hubRecords.containsKey(record.key())) {
                detail = "the hub has " + entity + " " + record.key() + " but does not send it to " + system
                        + ", and no cross-reference points to this record";
            } else {
                detail = "no hub record has this key and no cross-reference points to it";
            }
            findings.add(finding(FindingKind.ORPHANED, record.key(), record.id(), null, List.of(), detail));
        }
        return new Result(findings, SystemResult.Counts.of(meantForTarget, byId.size(), inStep, findings));
    }

    private void duplicates(List<TargetRecord> records, String key, String linkedId, Set<String> claimed, List<Finding> findings) {
        for (TargetRecord duplicate : records) {
            claimed.add(duplicate.id());
            findings.add(finding(FindingKind.DUPLICATE, key, duplicate.id(), linkedId, List.of(),
                    "a second record with this key; the hub's record is " + linkedId));
        }
    }

    private Finding finding(FindingKind kind, String key, String targetId, String xrefId, List<Difference> differences, String detail) {
        return new Finding(system, entity, kind, key, targetId, xrefId, differences, detail);
    }
}
