package io.legalhub.sandbox.store;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class MonotonicClockTest {

    @Test
    void ticksInTheSameMillisecondOrStepsBackStillIncrease() {
        AtomicLong persisted = new AtomicLong();
        MonotonicClock clock = new MonotonicClock(Clock.fixed(Instant.parse("2026-01-15T09:00:00Z"), ZoneOffset.UTC), 0, persisted::set);
        Instant a = clock.tick();
        Instant b = clock.tick();
        Instant c = clock.tick();
        assertThat(b).isEqualTo(a.plusMillis(1));
        assertThat(c).isEqualTo(b.plusMillis(1));
        assertThat(persisted.get()).isEqualTo(c.toEpochMilli());

        MonotonicClock restarted = new MonotonicClock(Clock.fixed(Instant.parse("2026-01-15T08:00:00Z"), ZoneOffset.UTC),
                persisted.get(), persisted::set);
        assertThat(restarted.tick()).as("a clock that went backwards still moves forward").isAfter(c);
    }
}
