package cn.gov.lvliang.renewal.platform.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens verified recently, so that a client's next request with the same token skips a second
 * RS256 check: the memory of {@link RememberingJwtParser}, every application's token parser (the
 * gateway also asks it on the event loop; see docs/performance.md).
 *
 * <p>A token is remembered by its exact text, only after a full verification succeeded, and never
 * past its own {@code exp} or {@code ttl} after it was verified, whichever comes first. A forged
 * or altered token is different text and is verified in full. At {@code
 * capacity} entries the whole map is dropped, which bounds memory whatever the traffic; the cost
 * is one verification per token afterwards. Pure and clock-free: callers pass the time.
 */
final class VerifiedTokens {

    /**
     * The suite's rule: a verified token is remembered for at most this long (and never past its
     * {@code exp}), so each client token is checked in full once per period and a key rotation
     * (JWKS) is picked up within it.
     */
    public static final Duration REMEMBER_FOR = Duration.ofMinutes(5);

    /** The suite's bound: at most this many tokens (a few MiB); beyond it the memory is dropped and refilled. */
    public static final int CAPACITY = 10_000;

    private record Entry(JsonWebToken token, long expiresAtMillis) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final long ttlMillis;

    /** Tokens remembered by the suite's rule ({@link #REMEMBER_FOR}, {@link #CAPACITY}). */
    public static VerifiedTokens standard() {
        return new VerifiedTokens(CAPACITY, REMEMBER_FOR);
    }

    public VerifiedTokens(int capacity, Duration ttl) {
        if (capacity < 1 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("capacity must be >= 1 and ttl > 0");
        }
        this.capacity = capacity;
        this.ttlMillis = ttl.toMillis();
    }

    /** The verified token for {@code text}, or null if it is unknown or no longer valid at {@code nowMillis}. */
    public JsonWebToken find(String text, long nowMillis) {
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
    public void remember(String text, JsonWebToken token, long nowMillis) {
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

    public int size() {
        return entries.size();
    }
}
