package cn.gov.lvliang.renewal.platform.pii;

import io.smallrye.config.ConfigMapping;

/**
 * Keys for personal data, base64-encoded. There are no defaults: a service that handles PII does
 * not start without them. Locally the devstack generates and keeps them in {@code .devstack/}.
 */
@ConfigMapping(prefix = "suite.pii")
public interface PiiConfig {

    /** 32 random bytes (AES-256) for encryption at rest; each service may have its own. */
    String encryptionKey();

    /** At least 32 random bytes for keyed hashes; shared by services that match the same person. */
    String hashKey();
}
