package io.legalhub.faults;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.support.SandboxClient;

/**
 * Counts, record by record, what a target system holds: every billing matter by number, every DMS workspace by
 * the matter number it carries. Read through the sandbox's own API as an observer (no faults, not logged).
 */
final class TargetCensus {

    record Result(int delivered, Set<String> lost, Set<String> duplicated, Map<String, Integer> counts) {
    }

    private final SandboxClient sandbox;

    TargetCensus(SandboxClient sandbox) {
        this.sandbox = sandbox;
    }

    Map<String, Integer> billingMatters() {
        return count("/billing/api/v1/matters", "/items", "/number");
    }

    /** Every workspace of the DMS library (iManage's search has no paging: one request lists them all). */
    Map<String, Integer> dmsWorkspaces() {
        Map<String, Integer> counts = new HashMap<>();
        JsonNode answer = sandbox.ok("POST", "/dms/automate/work/searchWorkspaces", SandboxClient.JSON.createObjectNode().put("libraryId", "LEGAL"));
        SandboxClient.list(answer.at("/data/results")).forEach(w -> counts.merge(w.path("custom2").asText(), 1, Integer::sum));
        return counts;
    }

    Map<String, Integer> of(String target) {
        return switch (target) {
            case "billing" -> billingMatters();
            case "dms" -> dmsWorkspaces();
            default -> throw new IllegalArgumentException("no census for " + target);
        };
    }

    /** How many records a target holds in all (cheap: one request). */
    long total(String target) {
        JsonNode stats = sandbox.stats(target).path("records");
        return "billing".equals(target) ? stats.path("matters").asLong() : stats.path("workspaces").asLong();
    }

    /** Compares what a target holds with the keys expected there. */
    Result compare(String target, Collection<String> expected) {
        Map<String, Integer> counts = of(target);
        Set<String> lost = new TreeSet<>();
        Set<String> duplicated = new TreeSet<>();
        int delivered = 0;
        for (String key : expected) {
            int n = counts.getOrDefault(key, 0);
            if (n == 0) {
                lost.add(key);
            } else {
                delivered++;
                if (n > 1) {
                    duplicated.add(key);
                }
            }
        }
        return new Result(delivered, lost, duplicated, counts);
    }

    private Map<String, Integer> count(String path, String items, String key) {
        Map<String, Integer> counts = new HashMap<>();
        for (int offset = 0; ; offset += 200) {
            JsonNode page = sandbox.ok("GET", path + (path.contains("?") ? "&" : "?") + "offset=" + offset + "&limit=200", null);
            List<JsonNode> rows = SandboxClient.list(page.at(items));
            rows.forEach(r -> counts.merge(r.at(key).asText(), 1, Integer::sum));
            if (rows.size() < 200) {
                return counts;
            }
        }
    }
}
