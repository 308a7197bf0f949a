package cn.gov.lvliang.renewal.platform.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 "blind index" of personal data, for equality matching without the plaintext.
 *
 * <p>The input is normalised (trimmed, upper-cased) so that {@code 1411...x} and {@code
 * 1411...X} match. Services that must match the same person share this key (see
 * docs/decisions/0004-security-model.md); without the key a hash cannot be reversed or recomputed.
 */
public final class KeyedHash {

    private final SecretKeySpec key;

    public KeyedHash(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("HMAC key must be at least 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** 64 lowercase hex characters. */
    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(normalise(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }

    static String normalise(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }
}
