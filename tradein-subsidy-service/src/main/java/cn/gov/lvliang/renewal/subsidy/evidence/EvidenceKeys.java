package cn.gov.lvliang.renewal.subsidy.evidence;

import cn.gov.lvliang.renewal.platform.pii.PiiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service's key-encryption key for evidence: wraps (AES-256-GCM) the random data key of each
 * object. It is {@code suite.evidence.wrapping-key} when configured (key id {@code configured}),
 * otherwise derived from the PII encryption key with HKDF-SHA256 and a label of its own (key id
 * {@code pii-hkdf}): one secret to distribute, and the PII key itself never touches a file's key.
 */
@ApplicationScoped
public class EvidenceKeys {

    static final String DERIVED = "pii-hkdf";
    static final String CONFIGURED = "configured";
    static final int DATA_KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] HKDF_SALT = "cn.gov.lvliang.renewal/subsidy".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HKDF_INFO = "evidence key wrapping v1".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keyId;
    private final SecretKeySpec wrappingKey;

    @Inject
    public EvidenceKeys(EvidenceConfig config, PiiConfig pii) {
        this(
                config.wrappingKey().filter(k -> !k.isBlank()).isPresent() ? CONFIGURED : DERIVED,
                config.wrappingKey().filter(k -> !k.isBlank()).isPresent()
                        ? decode(config.wrappingKey().get(), "suite.evidence.wrapping-key")
                        : hkdf(decode(pii.encryptionKey(), "suite.pii.encryption-key")));
    }

    /** A wrapping key of this id (tests). */
    EvidenceKeys(String keyId, byte[] wrappingKey) {
        this.keyId = keyId;
        this.wrappingKey = aes(wrappingKey);
    }

    /** The id of the wrapping key, written beside each wrapped key. */
    String keyId() {
        return keyId;
    }

    /** A new random data key. */
    static byte[] newDataKey() {
        byte[] key = new byte[DATA_KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** nonce ‖ ciphertext ‖ tag of {@code dataKey}, bound to the object's address. */
    byte[] wrap(byte[] dataKey, String sha256) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, wrappingKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(sha256));
            byte[] sealed = cipher.doFinal(dataKey);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping a data key failed", e);
        }
    }

    /** @throws IllegalStateException when the key id is not this service's or the wrapped key was altered */
    byte[] unwrap(String wrappedWith, byte[] wrapped, String sha256) {
        if (!keyId.equals(wrappedWith)) {
            throw new IllegalStateException("evidence object " + sha256 + " was sealed under key '" + wrappedWith
                    + "', this service holds '" + keyId + "'");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, wrappingKey, new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE_BYTES));
            cipher.updateAAD(aad(sha256));
            return cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the data key of evidence object " + sha256 + " failed authentication", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unwrapping a data key failed", e);
        }
    }

    private static byte[] aad(String sha256) {
        return ("evidence-object:" + sha256).getBytes(StandardCharsets.UTF_8);
    }

    /** HKDF-SHA256 (RFC 5869), one block: 32 bytes. */
    static byte[] hkdf(byte[] inputKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HKDF_SALT, "HmacSHA256"));
            byte[] prk = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(HKDF_INFO);
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec aes(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("the evidence wrapping key must be 32 bytes, got " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }

    private static byte[] decode(String base64, String property) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " must be base64", e);
        }
    }
}
