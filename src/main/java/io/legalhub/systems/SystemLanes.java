package io.legalhub.systems;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * Each system's lane: the pace the hub keeps to (a resilience4j rate limiter, when the system has a
 * {@code rate-limit}) and the pause a 429 puts on every call to the system, not just the one refused. A caller
 * waits for its turn here, holding its message on the broker, rather than failing and being retried: a limit that
 * lasts is then only slower, never a dead letter. A wait longer than {@code hub.http.max-lane-wait} is a transient
 * failure (retried later) so that no consumer hangs without bound.
 */
final class SystemLanes {

    private final HubSystemsProperties properties;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    SystemLanes(HubSystemsProperties properties) {
        this.properties = properties;
    }

    /** Waits until a call to the system may go out. */
    void enter(String system) {
        Lane lane = lanes.computeIfAbsent(system, this::lane);
        Duration budget = properties.getHttp().getMaxLaneWait();
        long deadline = System.nanoTime() + budget.toNanos();
        waitOutPause(system, lane, deadline);
        if (lane.limiter != null) {
            // reserve a slot (fails at once when none is free within the limiter's timeout) and wait for it here
            long nanos = lane.limiter.reservePermission();
            if (nanos < 0) {
                throw new TransientSystemFailure(system, 0, "no call slot for " + system + " within " + budget.toSeconds()
                        + " s at its rate limit (hub.systems." + system + ".rate-limit)", Duration.ofSeconds(1), null);
            }
            sleep(system, nanos);
        }
    }

    /** The system refused a call for its rate (429): every call to it waits {@code wait} from now. */
    void pause(String system, Duration wait) {
        Lane lane = lanes.computeIfAbsent(system, this::lane);
        long until = System.nanoTime() + wait.toNanos();
        lane.pausedUntil.accumulateAndGet(until, Math::max);
        lane.pauses.incrementAndGet();
    }

    /** How many 429s paused the system's lane since start. */
    long pauses(String system) {
        Lane lane = lanes.get(system);
        return lane == null ? 0 : lane.pauses.get();
    }

    /** Whether a pause of {@code wait} fits in what is left of a call's wait budget. */
    boolean worthWaiting(Duration wait) {
        return wait.compareTo(properties.getHttp().getMaxLaneWait()) <= 0;
    }

    private void waitOutPause(String system, Lane lane, long deadline) {
        while (true) {
            long now = System.nanoTime();
            long until = lane.pausedUntil.get();
            if (until <= now) {
                return;
            }
            if (until > deadline) {
                throw new TransientSystemFailure(system, 429, system + " asked the hub to wait (429) longer than "
                        + properties.getHttp().getMaxLaneWait().toSeconds() + " s", Duration.ofNanos(until - now), null);
            }
            sleep(system, until - now);
        }
    }

    private static void sleep(String system, long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientSystemFailure(system, 0, "interrupted while waiting to call " + system, null, e);
        }
    }

    private Lane lane(String system) {
        RateLimitSettings limit = properties.findSystem(system).map(HubSystemsProperties.SystemSettings::getRateLimit).orElse(null);
        RateLimiter limiter = null;
        if (limit != null && limit.isSet()) {
            int burst = limit.burst();
            // a bucket of `burst` calls refilled every per × burst / requests: the configured rate, never a
            // whole period's calls at once (which a vendor counting per second would refuse)
            Duration refresh = Duration.ofNanos(Math.max(1_000_000L, limit.getPer().toNanos() * burst / limit.getRequests()));
            limiter = RateLimiter.of(system, RateLimiterConfig.custom()
                    .limitForPeriod(burst)
                    .limitRefreshPeriod(refresh)
                    .timeoutDuration(properties.getHttp().getMaxLaneWait())
                    .build());
        }
        return new Lane(limiter);
    }

    private static final class Lane {
        final RateLimiter limiter;
        final AtomicLong pausedUntil = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong pauses = new AtomicLong();

        Lane(RateLimiter limiter) {
            this.limiter = limiter;
        }
    }
}
