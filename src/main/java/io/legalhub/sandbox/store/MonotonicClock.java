package io.legalhub.sandbox.store;

import java.time.Clock;
import java.time.Instant;
import java.util.function.LongConsumer;

/**
 * Millisecond clock whose readings strictly increase: two ticks in the same millisecond are one
 * millisecond apart, so {@code updated_at} values of one system always order. Internal.
 */
public final class MonotonicClock {

    private final Clock clock;
    private final LongConsumer persist;
    private long last;

    public MonotonicClock(Clock clock, long lastIssuedMillis, LongConsumer persist) {
        this.clock = clock;
        this.last = lastIssuedMillis;
        this.persist = persist;
    }

    public synchronized Instant tick() {
        long now = clock.millis();
        if (now <= last) {
            now = last + 1;
        }
        last = now;
        persist.accept(now);
        return Instant.ofEpochMilli(now);
    }
}
