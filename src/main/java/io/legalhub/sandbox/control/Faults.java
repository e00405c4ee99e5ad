package io.legalhub.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Fields;
import io.legalhub.sandbox.http.Json;

import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fault injection settings of one system. Applied to API requests only, never to {@code /_control}.
 * Order per request: latency, outage (503), rate limit (429), failNext (500), errorRate (500);
 * a request consumes at most one of them. Record rejection (400) is applied by the write handlers. Internal.
 */
public final class Faults {

    private static final Set<String> FIELDS = Set.of(
            "latencyMs", "errorRate", "failNext", "rateLimit", "outage", "outageSeconds", "outageUntil", "rejectRecords");

    /** An injected failure answer. */
    public record Injected(int status, String type, String message, Map<String, String> headers, String fault) {
        public ApiException toException() {
            ApiException e = new ApiException(status, type, message);
            headers.forEach(e::header);
            return e;
        }
    }

    private long latencyMs;
    private double errorRate;
    private int failNext;
    private int rateLimitNext;
    private int retryAfterSeconds = 1;
    /** When set, the rate limit only counts requests whose path and query contain it (e.g. one record's key). */
    private String rateLimitMatching;
    private boolean outage;
    private Instant outageUntil;
    private final Map<String, String> rejectRecords = new LinkedHashMap<>();

    public synchronized long latencyMs() {
        return latencyMs;
    }

    public synchronized ObjectNode toJson() {
        expireOutage();
        ObjectNode n = Json.object();
        n.put("latencyMs", latencyMs);
        n.put("errorRate", errorRate);
        n.put("failNext", failNext);
        ObjectNode rl = n.putObject("rateLimit");
        rl.put("next", rateLimitNext);
        rl.put("retryAfterSeconds", retryAfterSeconds);
        rl.put("matching", rateLimitMatching);
        n.put("outage", outage);
        n.put("outageUntil", Json.ts(outageUntil));
        ObjectNode rr = n.putObject("rejectRecords");
        rejectRecords.forEach(rr::put);
        return n;
    }

    public synchronized void clear() {
        latencyMs = 0;
        errorRate = 0;
        failNext = 0;
        rateLimitNext = 0;
        retryAfterSeconds = 1;
        rateLimitMatching = null;
        outage = false;
        outageUntil = null;
        rejectRecords.clear();
    }

    /** PUT: replaces all settings; absent fields fall back to "no fault". */
    public synchronized void replace(ObjectNode body) {
        Faults candidate = new Faults();
        candidate.apply(body, false);
        copyFrom(candidate);
    }

    /** PATCH: changes only the given fields; {@code rejectRecords} entries merge, a null reason removes one. */
    public synchronized void merge(ObjectNode body) {
        Faults candidate = new Faults();
        candidate.copyFrom(this);
        candidate.apply(body, true);
        copyFrom(candidate);
    }

    private void copyFrom(Faults o) {
        latencyMs = o.latencyMs;
        errorRate = o.errorRate;
        failNext = o.failNext;
        rateLimitNext = o.rateLimitNext;
        retryAfterSeconds = o.retryAfterSeconds;
        rateLimitMatching = o.rateLimitMatching;
        outage = o.outage;
        outageUntil = o.outageUntil;
        rejectRecords.clear();
        rejectRecords.putAll(o.rejectRecords);
    }

    private void apply(ObjectNode body, boolean merge) {
        Fields f = new Fields(body);
        f.rejectUnknown(FIELDS, Set.of());
        Long latency = f.integer("latencyMs", false, 0, 600_000);
        if (latency != null) {
            latencyMs = latency;
        }
        if (body.has("errorRate") && !body.get("errorRate").isNull()) {
            JsonNode v = body.get("errorRate");
            if (!v.isNumber() || v.doubleValue() < 0 || v.doubleValue() > 1) {
                f.invalid("errorRate", "must be a number between 0 and 1, got " + v);
            } else {
                errorRate = v.doubleValue();
            }
        }
        Long fn = f.integer("failNext", false, 0, 1_000_000);
        if (fn != null) {
            failNext = fn.intValue();
        }
        JsonNode rl = body.get("rateLimit");
        if (rl != null && !rl.isNull()) {
            if (!rl.isObject()) {
                f.invalid("rateLimit", "must be an object {\"next\": N, \"retryAfterSeconds\": S, \"matching\": \"text\"}");
            } else {
                Fields rf = new Fields((ObjectNode) rl, "rateLimit.");
                rf.rejectUnknown(Set.of("next", "retryAfterSeconds", "matching"), Set.of());
                Long next = rf.integer("next", false, 0, 1_000_000);
                Long retry = rf.integer("retryAfterSeconds", false, 0, 86_400);
                String matching = rf.text("matching", false, 1_000);
                rf.check();
                rateLimitMatching = matching;
                if (next != null) {
                    rateLimitNext = next.intValue();
                }
                if (retry != null) {
                    retryAfterSeconds = retry.intValue();
                }
            }
        } else if (rl != null && merge) {
            rateLimitNext = 0;
        }
        Boolean out = f.bool("outage");
        if (out != null) {
            outage = out;
            if (!out) {
                outageUntil = null;
            }
        }
        Long seconds = f.integer("outageSeconds", false, 1, 86_400);
        if (seconds != null) {
            outage = true;
            outageUntil = Instant.now().plusSeconds(seconds);
        }
        if (body.has("outageUntil") && !body.get("outageUntil").isNull() && seconds == null) {
            String ts = f.timestamp("outageUntil", false);
            if (ts != null) {
                outage = true;
                outageUntil = Json.parseInstant(ts);
            }
        }
        JsonNode rr = body.get("rejectRecords");
        if (rr != null && !rr.isNull()) {
            if (!rr.isObject()) {
                f.invalid("rejectRecords", "must be an object mapping record key to reason");
            } else {
                if (!merge) {
                    rejectRecords.clear();
                }
                Iterator<Map.Entry<String, JsonNode>> it = rr.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isNull()) {
                        rejectRecords.remove(e.getKey());
                    } else if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                        rejectRecords.put(e.getKey(), e.getValue().asText());
                    } else {
                        f.invalid("rejectRecords." + e.getKey(), "must be a non-empty reason string (or null to remove)");
                    }
                }
            }
        } else if (rr != null && merge) {
            rejectRecords.clear();
        }
        f.check();
    }

    private void expireOutage() {
        if (outage && outageUntil != null && !Instant.now().isBefore(outageUntil)) {
            outage = false;
            outageUntil = null;
        }
    }

    /** As {@link #evaluate(String, String)} for a request the rate limit's {@code matching} does not look at. */
    public synchronized Injected evaluate(String systemName) {
        return evaluate(systemName, null);
    }

    /** Decides whether this API request fails, consuming counters. Latency is applied by the caller. */
    public synchronized Injected evaluate(String systemName, String pathAndQuery) {
        expireOutage();
        if (outage) {
            Map<String, String> h = new LinkedHashMap<>();
            if (outageUntil != null) {
                long secs = Math.max(1, (outageUntil.toEpochMilli() - System.currentTimeMillis() + 999) / 1000);
                h.put("Retry-After", Long.toString(secs));
            }
            return new Injected(503, "ServiceUnavailable",
                    "injected fault: " + systemName + " is in a simulated outage", h, "outage");
        }
        if (rateLimitNext > 0 && (rateLimitMatching == null || pathAndQuery != null && pathAndQuery.contains(rateLimitMatching))) {
            rateLimitNext--;
            return new Injected(429, "RateLimited",
                    "injected fault: rate limit exceeded, retry after " + retryAfterSeconds + " s",
                    Map.of("Retry-After", Integer.toString(retryAfterSeconds)), "rateLimit");
        }
        if (failNext > 0) {
            failNext--;
            return new Injected(500, "InjectedFault",
                    "injected fault: failNext (" + failNext + " more to fail)", Map.of(), "failNext");
        }
        if (errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate) {
            return new Injected(500, "InjectedFault", "injected fault: errorRate " + errorRate, Map.of(), "errorRate");
        }
        return null;
    }

    /** The configured rejection reason for the first matching key, or null. */
    public synchronized String rejectionFor(Collection<String> keys) {
        if (rejectRecords.isEmpty()) {
            return null;
        }
        for (String k : keys) {
            if (k != null && rejectRecords.containsKey(k)) {
                return rejectRecords.get(k);
            }
        }
        return null;
    }
}
