package cn.gov.lvliang.renewal.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Key material generated once per test JVM: the token signing pair and the PII keys. */
public final class TestKeys {

    public static final KeyPair SIGNING;
    public static final String ENCRYPTION_KEY = randomBase64(32);
    public static final String HASH_KEY = randomBase64(32);

    static {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            SIGNING = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestKeys() {}

    /** The public key as a PEM {@code PUBLIC KEY} (X.509) block. */
    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(SIGNING.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String randomBase64(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
