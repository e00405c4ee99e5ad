package io.legalhub.systems;

import java.time.Duration;
import java.util.Optional;

/** I/O error, timeout, 5xx or 429: the same request may well succeed later. */
public final class TransientSystemFailure extends SystemFailure {

    private final Duration retryAfter;

    public TransientSystemFailure(String system, int status, String message, Duration retryAfter, Throwable cause) {
        super(system, status, message, cause);
        this.retryAfter = retryAfter;
    }

    /** The wait the system asked for (Retry-After), if it asked. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
