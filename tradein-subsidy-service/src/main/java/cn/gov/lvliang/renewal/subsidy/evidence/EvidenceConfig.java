package cn.gov.lvliang.renewal.subsidy.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Evidence files: limits, the store and its key (decision 0017). */
@ConfigMapping(prefix = "suite.evidence")
public interface EvidenceConfig {

    /** The largest file accepted; a larger one answers 413. */
    @WithDefault("10M")
    MemorySize maxFileSize();

    /** Where sealed objects go: {@code postgres} (default, no server) or {@code s3}. */
    @WithDefault("postgres")
    String store();

    /**
     * The key that wraps each object's data key: 32 random bytes, base64. Without it the wrapping
     * key is derived (HKDF-SHA256) from {@code suite.pii.encryption-key} for this purpose only.
     */
    Optional<String> wrappingKey();

    /**
     * How often {@link ScheduledReconciliation} checks objects against documents ({@code off}
     * disables it on an instance); read by its {@code @Scheduled} expression.
     */
    @WithDefault("1h")
    String reconcileInterval();

    /** How long after start the first check runs. */
    @WithDefault("30s")
    String reconcileDelay();

    /** The S3 store (MinIO in docker-compose). */
    S3 s3();

    interface S3 {
        /** For example {@code http://minio:9000}; empty means the AWS endpoint of the region. */
        Optional<String> endpoint();

        /** MinIO's default; a bucket is created without a location constraint there. */
        @WithDefault("us-east-1")
        String region();

        @WithDefault("subsidy-evidence")
        String bucket();

        Optional<String> accessKey();

        Optional<String> secretKey();

        /** MinIO and most S3-protocol servers want path-style addressing. */
        @WithDefault("true")
        boolean pathStyle();
    }
}
