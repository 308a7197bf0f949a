package cn.gov.lvliang.renewal.gateway.limits;

import cn.gov.lvliang.renewal.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-client rate limits of the gateway (限流): a token bucket per caller (client id and subject
 * from the token) holding that client's limit, and one per remote address for anonymous calls to
 * the public listings.
 *
 * <p>The buckets live in this gateway instance's memory: with N replicas a client may make up to
 * N times its limit. See docs/security.md "Rate limits".
 */
@ApplicationScoped
public class RateLimiter {

    /** Above this many tracked callers, buckets that are full again are forgotten. */
    static final int MAX_TRACKED = 100_000;

    private final GatewayConfig.RateLimit config;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(GatewayConfig config) {
        this(config.rateLimit(), System::nanoTime);
    }

    RateLimiter(GatewayConfig.RateLimit config, LongSupplier nanoTime) {
        this.config = config;
        this.nanoTime = nanoTime;
    }

    /**
     * Counts a request of an authenticated caller: {@code subject} acting through {@code clientId}.
     * The limit is the client's; the bucket is the caller's. A machine client (client-credentials:
     * one subject) therefore has one bucket, and the people who sign in through one portal client
     * (all with the portal's {@code azp}) each have their own, instead of sharing one.
     *
     * @return 0 when it may pass, else the seconds to wait (for {@code Retry-After})
     */
    public long client(String clientId, String subject) {
        GatewayConfig.Limit limit = config.clients().getOrDefault(clientId, config.perClient());
        return take("client:" + clientId + "\u0000" + (subject == null ? "" : subject), limit);
    }

    /**
     * Counts an anonymous request to the public {@code path} from {@code remoteAddress}: against the
     * path's own limit when one of {@code rate-limit.paths} covers it, else the anonymous limit.
     */
    public long anonymous(String remoteAddress, String path) {
        for (Map.Entry<String, GatewayConfig.PathLimit> limit : config.paths().entrySet()) {
            if (path.startsWith(limit.getValue().prefix())) {
                return take("path:" + limit.getKey() + "\u0000" + remoteAddress, limit.getValue());
            }
        }
        return take("address:" + remoteAddress, config.anonymous());
    }

    private long take(String key, GatewayConfig.Limit limit) {
        if (!config.enabled()) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        long waitNanos = buckets.computeIfAbsent(
                        key, k -> new TokenBucket(limit.capacity(), limit.refillPerSecond(), now))
                .take(now);
        return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }
}
