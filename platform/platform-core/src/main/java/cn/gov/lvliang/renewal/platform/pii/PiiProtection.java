package cn.gov.lvliang.renewal.platform.pii;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;

/**
 * Encrypts, hashes and masks personal data (ID numbers, phone numbers) with the configured keys.
 * Plaintext PII never goes into a log line or an event; store {@link #encrypt} and {@link #hash},
 * return {@link Masking} forms.
 */
@ApplicationScoped
public class PiiProtection {

    private final AesGcm cipher;
    private final KeyedHash hasher;

    @Inject
    public PiiProtection(PiiConfig config) {
        this.cipher = new AesGcm(decode(config.encryptionKey(), "suite.pii.encryption-key"));
        this.hasher = new KeyedHash(decode(config.hashKey(), "suite.pii.hash-key"));
    }

    /** @param field names the column, bound into the ciphertext as associated data */
    public String encrypt(String plaintext, String field) {
        return cipher.encrypt(plaintext, field);
    }

    public String decrypt(String stored, String field) {
        return cipher.decrypt(stored, field);
    }

    public String hash(String value) {
        return hasher.hash(value);
    }

    private static byte[] decode(String base64, String property) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " must be base64", e);
        }
    }
}
