package io.legalhub.deadletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of a dead letter: a summary for lists, everything for one. */
final class DeadLetterViews {

    private DeadLetterViews() {
    }

    static Map<String, Object> summary(DeadLetter d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("status", d.status().id());
        m.put("entityType", d.entityType());
        m.put("recordKey", d.recordKey());
        m.put("sourceSystem", d.sourceSystem());
        m.put("target", d.target());
        m.put("stage", d.stage());
        m.put("failureKind", d.failureKind());
        m.put("errorClass", d.errorClass());
        m.put("error", d.errorMessage());
        m.put("failedLine", d.failedLine());
        m.put("failedField", d.failedField());
        m.put("attempts", d.attempts());
        m.put("replayCount", d.replayCount());
        m.put("firstFailedAt", d.firstFailedAt());
        m.put("lastFailedAt", d.lastFailedAt());
        m.put("updatedAt", d.updatedAt());
        return m;
    }

    static Map<String, Object> detail(DeadLetter d, List<HistoryEntry> history) {
        Map<String, Object> m = summary(d);
        m.put("messageId", d.messageId());
        m.put("routeId", d.routeId());
        m.put("endpoint", d.endpoint());
        m.put("causeChain", d.causeChain());
        m.put("lastReplayedAt", d.lastReplayedAt());
        m.put("headers", d.headers());
        m.put("body", d.body());
        m.put("history", history);
        return m;
    }
}
