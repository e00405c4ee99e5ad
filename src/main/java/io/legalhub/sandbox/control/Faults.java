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
import java.util.function.LongSupplier;

/**
 * Fault injection settings of one system. Applied to API requests only, never to {@code /_control}.
 * Order per request: latency, outage (503), rate limit (429), failNext (500), errorRate (500);
 * a request consumes at most one of them. Record rejection (400) is applied by the write handlers. Internal.
 *
 * <p>The rate limit has two parts sharing {@code matching}: {@code next} refuses a counted number of requests, and
 * {@code perMinute} (with {@code burst}) a sustained rate through a {@link TokenBucket}; {@code next} is used up first.
 * {@code matching} counts only requests whose path, query or body contain its text.
 */
public final class Faults {

    private static final Set<String> FIELDS = Set.of(
            "latencyMs", "errorRate", "failNext", "rateLimit", "outage", "outageSeconds", "outageUntil", "rejectRecords");
    private static final Set<String> RATE_LIMIT_FIELDS = Set.of("next", "retryAfterSeconds", "matching", "perMinute", "burst");
    /** Shown by GET; ignored when a client sends the faults it read back. */
    private static final Set<String> RATE_LIMIT_READ_ONLY = Set.of("tokens");
    /** The fault name of every rate-limit refusal in the request log. */
    public static final String RATE_LIMIT = "rateLimit";

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
    /** The sustained limit, or null; PATCHes that leave it alone share it so its tokens are not refilled. */
    private TokenBucket rateLimitBucket;
    /** The burst as given, or null for {@link TokenBucket#defaultBurst}; kept so a PATCH of perMinute keeps it. */
    private Integer rateLimitBurst;
    private boolean outage;
    private Instant outageUntil;
    private final Map<String, String> rejectRecords = new LinkedHashMap<>();
    private final LongSupplier nanoTime;

    public Faults() {
        this(System::nanoTime);
    }

    /** With a clock a test controls, so the sustained rate limit is tested without waiting. */
    Faults(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

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
        TokenBucket bucket = rateLimitBucket;
        rl.put("perMinute", bucket == null ? null : bucket.perMinute());
        rl.put("burst", bucket == null ? null : bucket.burst());
        rl.put("tokens", bucket == null ? null : bucket.tokens(nanoTime.getAsLong()));
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
        clearRateLimit();
        outage = false;
        outageUntil = null;
        rejectRecords.clear();
    }

    private void clearRateLimit() {
        rateLimitNext = 0;
        retryAfterSeconds = 1;
        rateLimitMatching = null;
        rateLimitBucket = null;
        rateLimitBurst = null;
    }

    /** PUT: replaces all settings; absent fields fall back to "no fault". */
    public synchronized void replace(ObjectNode body) {
        Faults candidate = new Faults(nanoTime);
        candidate.apply(body, false);
        copyFrom(candidate);
    }

    /** PATCH: changes only the given fields; {@code rejectRecords} entries merge, a null reason removes one. */
    public synchronized void merge(ObjectNode body) {
        Faults candidate = new Faults(nanoTime);
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
        rateLimitBucket = o.rateLimitBucket;
        rateLimitBurst = o.rateLimitBurst;
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
                f.invalid("rateLimit", "must be an object {\"next\": N, \"retryAfterSeconds\": S, \"perMinute\": N, "
                        + "\"burst\": N, \"matching\": \"text\"}");
            } else {
                applyRateLimit(f, (ObjectNode) rl);
            }
        } else if (rl != null && merge) {
            clearRateLimit();
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

    private void applyRateLimit(Fields f, ObjectNode rl) {
        Fields rf = new Fields(rl, "rateLimit.");
        rf.rejectUnknown(RATE_LIMIT_FIELDS, RATE_LIMIT_READ_ONLY);
        Long next = rf.integer("next", false, 0, 1_000_000);
        Long retry = rf.integer("retryAfterSeconds", false, 0, 86_400);
        String matching = rf.text("matching", false, 1_000);
        Long perMinute = rf.integer("perMinute", false, 1, TokenBucket.MAX_PER_MINUTE);
        Long burst = rf.integer("burst", false, 1, TokenBucket.MAX_BURST);
        rateLimitMatching = matching;
        if (next != null) {
            rateLimitNext = next.intValue();
        }
        if (retry != null) {
            retryAfterSeconds = retry.intValue();
        }
        applySustainedLimit(rf, perMinute, burst);
        f.absorb(rf);
    }

    /** {@code perMinute: null} removes the sustained limit; a burst given as null goes back to the default. */
    private void applySustainedLimit(Fields rf, Long perMinute, Long burst) {
        if (rf.isNull("perMinute")) {
            rateLimitBucket = null;
            rateLimitBurst = null;
        }
        boolean burstGiven = rf.has("burst");
        if (burstGiven) {
            rateLimitBurst = burst == null ? null : burst.intValue();
        }
        if (perMinute == null && !burstGiven) {
            return;
        }
        Integer rate = perMinute != null ? Integer.valueOf(perMinute.intValue())
                : rateLimitBucket != null ? Integer.valueOf(rateLimitBucket.perMinute()) : null;
        if (rate == null) {
            if (burst != null) {
                rf.invalid("burst", "needs rateLimit.perMinute");
            }
            return;
        }
        int size = rateLimitBurst != null ? rateLimitBurst : TokenBucket.defaultBurst(rate);
        // a changed limit starts full, as a vendor's does for a client it has not seen yet
        rateLimitBucket = new TokenBucket(rate, size, nanoTime.getAsLong());
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
        Injected limited = rateLimited(pathAndQuery);
        if (limited != null) {
            return limited;
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

    private Injected rateLimited(String pathAndQuery) {
        boolean counted = rateLimitMatching == null || pathAndQuery != null && pathAndQuery.contains(rateLimitMatching);
        if (!counted) {
            return null;
        }
        if (rateLimitNext > 0) {
            rateLimitNext--;
            return tooManyRequests("rate limit exceeded", retryAfterSeconds);
        }
        TokenBucket bucket = rateLimitBucket;
        if (bucket == null) {
            return null;
        }
        long now = nanoTime.getAsLong();
        if (bucket.tryTake(now)) {
            return null;
        }
        return tooManyRequests("rate limit of " + bucket.perMinute() + " requests per minute exceeded",
                bucket.secondsUntilToken(now));
    }

    private static Injected tooManyRequests(String what, long retryAfter) {
        return new Injected(429, "RateLimited", "injected fault: " + what + ", retry after " + retryAfter + " s",
                Map.of("Retry-After", Long.toString(retryAfter)), RATE_LIMIT);
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
