package io.legalhub.sandbox.control;

/**
 * A bucket of {@code burst} tokens refilled continuously at {@code perMinute} per minute, as vendors enforce a
 * sustained request rate. Not thread-safe: {@link Faults} guards it. Internal.
 *
 * <p>The level is kept in integer units of which one token is as many as a minute has nanoseconds, so a refill of
 * {@code perMinute} units per elapsed nanosecond is exact and never drifts however many requests are counted.
 */
final class TokenBucket {

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Keeps {@code burst * NANOS_PER_MINUTE} inside a long. */
    static final int MAX_BURST = 1_000_000;
    static final int MAX_PER_MINUTE = 1_000_000;

    private final int perMinute;
    private final int burst;
    private final long capacity;
    private long level;
    private long refilledAt;

    /** A full bucket. */
    TokenBucket(int perMinute, int burst, long nowNanos) {
        if (perMinute < 1 || perMinute > MAX_PER_MINUTE || burst < 1 || burst > MAX_BURST) {
            throw new IllegalArgumentException("perMinute " + perMinute + ", burst " + burst);
        }
        this.perMinute = perMinute;
        this.burst = burst;
        this.capacity = burst * NANOS_PER_MINUTE;
        this.level = capacity;
        this.refilledAt = nowNanos;
    }

    /** One second's worth of requests, so a client that paces itself at the rate is never refused. */
    static int defaultBurst(int perMinute) {
        return Math.max(1, (perMinute + 59) / 60);
    }

    int perMinute() {
        return perMinute;
    }

    int burst() {
        return burst;
    }

    /** Takes one token if there is one. */
    boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (level < NANOS_PER_MINUTE) {
            return false;
        }
        level -= NANOS_PER_MINUTE;
        return true;
    }

    /** Whole tokens available now. */
    long tokens(long nowNanos) {
        refill(nowNanos);
        return level / NANOS_PER_MINUTE;
    }

    /** Whole seconds until a token is available, at least 1 (a Retry-After of 0 invites an immediate retry). */
    long secondsUntilToken(long nowNanos) {
        refill(nowNanos);
        long missing = Math.max(0, NANOS_PER_MINUTE - level);
        long nanos = ceilDiv(missing, perMinute);
        return Math.max(1, ceilDiv(nanos, NANOS_PER_SECOND));
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - refilledAt;
        if (elapsed <= 0) {
            return;
        }
        refilledAt = nowNanos;
        long missing = capacity - level;
        // comparing before multiplying keeps elapsed * perMinute from overflowing after a long idle time
        if (elapsed >= ceilDiv(missing, perMinute)) {
            level = capacity;
        } else {
            level += elapsed * perMinute;
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
