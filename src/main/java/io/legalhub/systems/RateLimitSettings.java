package io.legalhub.systems;

import java.time.Duration;

/**
 * How fast the hub may call one system ({@code hub.systems.<name>.rate-limit}): {@code requests} per {@code per},
 * in bursts of at most {@code burst}. Shared by every consumer of this hub instance that calls the system; with
 * several instances, give each its share (the README says how).
 */
public class RateLimitSettings {

    private int requests;
    private Duration per = Duration.ofMinutes(1);
    private Integer burst;

    public boolean isSet() {
        return requests > 0;
    }

    public int getRequests() {
        return requests;
    }

    public void setRequests(int requests) {
        this.requests = requests;
    }

    public Duration getPer() {
        return per;
    }

    public void setPer(Duration per) {
        this.per = per;
    }

    /** Calls that may go out back to back; default: one second's worth (at least 1). */
    public int burst() {
        if (burst != null && burst > 0) {
            return Math.min(burst, requests);
        }
        long perSecond = Math.max(1, (long) Math.ceil(requests * 1000.0 / Math.max(1, per.toMillis())));
        return (int) Math.min(perSecond, requests);
    }

    public Integer getBurst() {
        return burst;
    }

    public void setBurst(Integer burst) {
        this.burst = burst;
    }
}
