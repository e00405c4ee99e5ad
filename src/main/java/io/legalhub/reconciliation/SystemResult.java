package io.legalhub.reconciliation;

import java.util.List;

/**
 * How one target system (for one entity) fared in a run: {@code completed}, {@code failed} (reason says
 * why; its findings are not recorded) or {@code skipped} (nothing to compare with, reason says why).
 */
public record SystemResult(String system, String entity, String status, String reason, Counts counts) {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public static SystemResult completed(String system, String entity, Counts counts) {
        return new SystemResult(system, entity, COMPLETED, null, counts);
    }

    public static SystemResult failed(String system, String entity, String reason) {
        return new SystemResult(system, entity, FAILED, reason, Counts.NONE);
    }

    public static SystemResult skipped(String system, String entity, String reason) {
        return new SystemResult(system, entity, SKIPPED, reason, Counts.NONE);
    }

    /**
     * @param hubRecords    hub records meant for this target
     * @param targetRecords records the target listed
     * @param inStep        hub records the target holds exactly as the hub would send them
     */
    public record Counts(int hubRecords, int targetRecords, int inStep, int missing, int orphaned, int differing,
                         int unlinked, int duplicate) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

        public static Counts of(int hubRecords, int targetRecords, int inStep, List<Finding> findings) {
            return new Counts(hubRecords, targetRecords, inStep, count(findings, FindingKind.MISSING),
                    count(findings, FindingKind.ORPHANED), count(findings, FindingKind.DIFFERING),
                    count(findings, FindingKind.UNLINKED), count(findings, FindingKind.DUPLICATE));
        }

        private static int count(List<Finding> findings, FindingKind kind) {
            return (int) findings.stream().filter(f -> f.kind() == kind).count();
        }

        public int drift() {
            return missing + orphaned + differing + unlinked + duplicate;
        }
    }
}
