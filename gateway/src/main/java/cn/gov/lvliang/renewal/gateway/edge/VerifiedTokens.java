package cn.gov.lvliang.renewal.gateway.edge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens this gateway has verified recently, so that a client's next request with the same token
 * is admitted on the event loop, without a second RS256 check on a worker thread (one hand-over
 * less per request; see docs/performance.md, "gateway").
 *
 * <p>A token is remembered by its exact text, only after a full verification succeeded, and never
 * past its own {@code exp} or {@code ttl} after it was verified, whichever comes first. A forged
 * or altered token is different text and is verified in full. The gateway's check is only the
 * first line: every service verifies the token again and applies roles and scope. At {@code
 * capacity} entries the whole map is dropped, which bounds memory whatever the traffic; the cost
 * is one verification per token afterwards. Pure and clock-free: callers pass the time.
 */
final class VerifiedTokens {

    private record Entry(JsonWebToken token, long expiresAtMillis) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final long ttlMillis;

    VerifiedTokens(int capacity, Duration ttl) {
        if (capacity < 1 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("capacity must be >= 1 and ttl > 0");
        }
        this.capacity = capacity;
        this.ttlMillis = ttl.toMillis();
    }

    /** The verified token for {@code text}, or null if it is unknown or no longer valid at {@code nowMillis}. */
    JsonWebToken find(String text, long nowMillis) {
        Entry entry = entries.get(text);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.expiresAtMillis()) {
            entries.remove(text, entry);
            return null;
        }
        return entry.token();
    }

    /** Remembers a token that has just passed full verification at {@code nowMillis}. */
    void remember(String text, JsonWebToken token, long nowMillis) {
        long expiresAt = nowMillis + ttlMillis;
        long exp = token.getExpirationTime(); // seconds; 0 when absent (the parser requires it)
        if (exp > 0) {
            expiresAt = Math.min(expiresAt, exp * 1000);
        }
        if (expiresAt <= nowMillis) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(text, new Entry(token, expiresAt));
    }

    int size() {
        return entries.size();
    }
}
