package io.legalhub.reconciliation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.NullNode;

/** The JSON shapes of the reconciliation API. */
final class RunViews {

    private RunViews() {
    }

    static Map<String, Object> summary(Run run, List<SystemResult> systems) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", run.id());
        view.put("status", run.status().id());
        if (run.failureReason() != null) {
            view.put("reason", run.failureReason());
        }
        view.put("trigger", run.trigger());
        view.put("startedBy", run.startedBy());
        view.put("system", run.systemFilter() == null ? "all" : run.systemFilter());
        view.put("startedAt", run.startedAt());
        view.put("finishedAt", run.finishedAt());
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (FindingKind kind : FindingKind.values()) {
            totals.put(kind.id(), systems.stream().mapToInt(s -> count(s.counts(), kind)).sum());
        }
        view.put("totals", totals);
        view.put("links", Map.of("self", "/api/reconciliation/runs/" + run.id(),
                "report", "/api/reconciliation/runs/" + run.id() + "/report.csv",
                "resync", "/api/reconciliation/runs/" + run.id() + "/resync"));
        return view;
    }

    static Map<String, Object> detail(Run run, List<SystemResult> systems, List<RecordedFinding> findings) {
        Map<String, Object> view = summary(run, systems);
        view.put("systems", systems.stream().map(RunViews::system).toList());
        view.put("findings", findings.stream().map(RunViews::finding).toList());
        return view;
    }

    private static Map<String, Object> system(SystemResult s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("system", s.system());
        view.put("entity", s.entity());
        view.put("status", s.status());
        if (s.reason() != null) {
            view.put("reason", s.reason());
        }
        SystemResult.Counts c = s.counts();
        view.put("hubRecords", c.hubRecords());
        view.put("targetRecords", c.targetRecords());
        view.put("inStep", c.inStep());
        for (FindingKind kind : FindingKind.values()) {
            view.put(kind.id(), count(c, kind));
        }
        return view;
    }

    private static Map<String, Object> finding(RecordedFinding recorded) {
        Finding f = recorded.finding();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", recorded.id());
        view.put("system", f.system());
        view.put("entity", f.entity());
        view.put("kind", f.kind().id());
        view.put("key", f.key());
        view.put("targetId", f.targetId());
        view.put("hubXrefId", f.xrefId());
        view.put("differences", f.differences().stream().map(d -> {
            Map<String, Object> difference = new LinkedHashMap<>();
            difference.put("field", d.field());
            difference.put("hub", d.hub() == null ? NullNode.getInstance() : d.hub());
            difference.put("target", d.target() == null ? NullNode.getInstance() : d.target());
            return difference;
        }).toList());
        view.put("detail", f.detail());
        if (recorded.resyncRequestedAt() != null) {
            view.put("resyncRequestedAt", recorded.resyncRequestedAt());
            view.put("resyncRequestedBy", recorded.resyncRequestedBy());
        }
        return view;
    }

    private static int count(SystemResult.Counts c, FindingKind kind) {
        return switch (kind) {
            case MISSING -> c.missing();
            case ORPHANED -> c.orphaned();
            case DIFFERING -> c.differing();
            case UNLINKED -> c.unlinked();
            case DUPLICATE -> c.duplicate();
        };
    }
}
