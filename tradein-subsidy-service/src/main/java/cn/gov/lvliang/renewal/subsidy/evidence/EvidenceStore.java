package cn.gov.lvliang.renewal.subsidy.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where sealed evidence objects live, content-addressed by the SHA-256 of their plaintext (hex).
 * A store only ever sees ciphertext ({@link SealedObjects}). Implementations: {@link
 * PostgresEvidenceStore} (default, no server) and {@link S3EvidenceStore} (production, MinIO).
 */
public interface EvidenceStore {

    /** Whether an object is stored under {@code sha256}. */
    boolean contains(String sha256) throws IOException;

    /** Stores the sealed file under {@code sha256}; storing an address again changes nothing. */
    void put(String sha256, Path sealed) throws IOException;

    /**
     * The sealed bytes, streamed; the caller closes the stream.
     *
     * @throws java.io.FileNotFoundException when nothing is stored under {@code sha256}
     */
    InputStream open(String sha256) throws IOException;

    /**
     * Deletes the object under {@code sha256}, if any. Only the retention rule calls it ({@link
     * EvidenceRetention}), once no document refers to the object.
     */
    void delete(String sha256) throws IOException;

    /** Every address stored, for the reconcile check. */
    Set<String> addresses() throws IOException;

    /** A short name for the reconcile report and logs. */
    String name();
}
