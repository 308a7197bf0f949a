package cn.gov.lvliang.renewal.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The hash chain of the audit trail (哈希链), pure Java: each row's hash is SHA-256 over the
 * previous row's hash and the row's canonical content, so altering or deleting a row breaks the
 * link of that row or of the next one.
 */
public final class AuditChain {

    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** The hash of a row with these contents following {@code previousHash}. */
    public static String hash(
            String previousHash,
            long seq,
            Instant recordedAt,
            String actor,
            String roles,
            String client,
            String operation,
            String resource,
            int status,
            String requestId) {
        String canonical = String.join(
                "\n",
                previousHash,
                Long.toString(seq),
                recordedAt.toString(),
                escape(actor),
                escape(roles),
                escape(client),
                escape(operation),
                escape(resource),
                Integer.toString(status),
                escape(requestId));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash {@code record} should carry after {@code previousHash}. */
    public static String expectedHash(String previousHash, AuditRecord record) {
        return hash(
                previousHash,
                record.seq(),
                record.recordedAt(),
                record.actor(),
                record.roles(),
                record.client(),
                record.operation(),
                record.resource(),
                record.status(),
                record.requestId());
    }

    /**
     * Checks one link: {@code record} must point at {@code previousHash} and carry the hash of its
     * own content.
     *
     * @return why the link is broken, or empty when it holds
     */
    public static Optional<String> check(String previousHash, AuditRecord record) {
        if (!previousHash.equals(record.previousHash())) {
            return Optional.of("previous-hash mismatch: a row before it was altered or deleted");
        }
        if (!expectedHash(previousHash, record).equals(record.hash())) {
            return Optional.of("content does not match its hash: the row was altered");
        }
        return Optional.empty();
    }

    /** Null-safe, unambiguous field text: {@code \0} for null, backslash and newline escaped. */
    private static String escape(String value) {
        if (value == null) {
            return "\\0";
        }
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
