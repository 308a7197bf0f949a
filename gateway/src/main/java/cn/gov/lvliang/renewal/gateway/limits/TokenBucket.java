package cn.gov.lvliang.renewal.gateway.limits;

/**
 * A token bucket (令牌桶): holds up to {@code capacity} tokens, refills {@code refillPerSecond}
 * tokens a second, and each request takes one. Pure and clock-free: callers pass the time.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long updatedNanos;

    TokenBucket(double capacity, double refillPerSecond, long nowNanos) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("capacity must be >= 1 and refill > 0");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    /**
     * Takes one token if there is one.
     *
     * @return 0 when the request may pass, else how many nanoseconds until a token is available
     */
    synchronized long take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / refillPerNano));
    }

    /** True when the bucket is full again, so forgetting it changes nothing. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            updatedNanos = nowNanos;
        }
    }
}
