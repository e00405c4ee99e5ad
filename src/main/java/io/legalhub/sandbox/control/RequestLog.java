package io.legalhub.sandbox.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Bounded ring of the last API requests of one system plus counts per status and of rate-limit refusals. Internal. */
public final class RequestLog {

    public record Entry(String method, String path, String query, int status, Instant receivedAt, long durationMs,
                        String fault) {
    }

    private final int capacity;
    private final ArrayDeque<Entry> ring;
    private final TreeMap<Integer, Long> byStatus = new TreeMap<>();
    private long total;
    /** Refusals by the rateLimit fault ({@code next} and {@code perMinute}): a benchmark's share of calls answered 429. */
    private long rateLimited;

    public RequestLog(int capacity) {
        this.capacity = capacity;
        this.ring = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public synchronized void record(Entry e) {
        if (ring.size() == capacity) {
            ring.removeFirst();
        }
        ring.addLast(e);
        byStatus.merge(e.status(), 1L, Long::sum);
        total++;
        if (Faults.RATE_LIMIT.equals(e.fault())) {
            rateLimited++;
        }
    }

    public synchronized void clear() {
        ring.clear();
        byStatus.clear();
        total = 0;
        rateLimited = 0;
    }

    /** The newest {@code limit} entries, oldest first. */
    public synchronized List<Entry> last(int limit) {
        List<Entry> all = new ArrayList<>(ring);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    public ArrayNode toJson(int limit) {
        ArrayNode arr = Json.array();
        for (Entry e : last(limit)) {
            ObjectNode n = arr.addObject();
            n.put("method", e.method());
            n.put("path", e.path());
            n.put("query", e.query());
            n.put("status", e.status());
            n.put("receivedAt", Json.ts(e.receivedAt()));
            n.put("durationMs", e.durationMs());
            n.put("fault", e.fault());
        }
        return arr;
    }

    public synchronized ObjectNode statsJson() {
        ObjectNode n = Json.object();
        n.put("total", total);
        n.put("rateLimited", rateLimited);
        ObjectNode bs = n.putObject("byStatus");
        for (Map.Entry<Integer, Long> e : byStatus.entrySet()) {
            bs.put(Integer.toString(e.getKey()), e.getValue());
        }
        return n;
    }
}
