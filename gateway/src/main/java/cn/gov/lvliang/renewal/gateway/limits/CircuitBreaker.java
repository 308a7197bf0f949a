package cn.gov.lvliang.renewal.gateway.limits;

import java.time.Duration;

/**
 * A backend's circuit breaker (熔断): after {@code threshold} consecutive failures (refused,
 * unreachable or timed out) the circuit opens and calls fail at once for {@code openDuration};
 * then calls pass again, and the first success closes it. Pure: callers pass the time.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final long openNanos;
    private int consecutiveFailures;
    private long openUntilNanos;
    private boolean open;

    public CircuitBreaker(int threshold, Duration openDuration) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be >= 1");
        }
        this.threshold = threshold;
        this.openNanos = openDuration.toNanos();
    }

    /** 0 when a call may go to the backend, else the nanoseconds until the circuit lets calls pass. */
    public synchronized long blockedFor(long nowNanos) {
        if (!open) {
            return 0;
        }
        long remaining = openUntilNanos - nowNanos;
        return remaining > 0 ? remaining : 0;
    }

    public synchronized void success() {
        consecutiveFailures = 0;
        open = false;
    }

    public synchronized void failure(long nowNanos) {
        consecutiveFailures++;
        if (consecutiveFailures >= threshold) {
            open = true;
            openUntilNanos = nowNanos + openNanos;
        }
    }

    public synchronized boolean isOpen(long nowNanos) {
        return blockedFor(nowNanos) > 0;
    }
}
