package cn.gov.lvliang.renewal.subsidy.evidence;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The production store: an S3-protocol bucket (MinIO in docker-compose), objects under {@code
 * evidence/<sha256>}. AWS SDK v2 over the JDK's HTTP client (url-connection-client): no Netty or
 * Apache HttpClient on the service's classpath. Uploads go from the sealed temporary file, reads
 * stream the response body; checksums are computed only where the API requires them, which every
 * S3-protocol server understands (decision 0017).
 */
public class S3EvidenceStore implements EvidenceStore, AutoCloseable {

    private static final String PREFIX = "evidence/";

    private final S3Client s3;
    private final String bucket;
    private volatile boolean bucketReady;

    public S3EvidenceStore(EvidenceConfig.S3 config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                .requestChecksumCalculation(
                        software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(
                        software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED);
        config.endpoint().filter(e -> !e.isBlank()).map(URI::create).ifPresent(builder::endpointOverride);
        if (config.accessKey().isPresent() && config.secretKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    config.accessKey().get(), config.secretKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        this.s3 = builder.build();
        this.bucket = config.bucket();
    }

    @Override
    public String name() {
        return "s3:" + bucket;
    }

    @Override
    public boolean contains(String sha256) throws IOException {
        ensureBucket();
        try {
            s3.headObject(r -> r.bucket(bucket).key(PREFIX + sha256));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure(e);
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    @Override
    public void put(String sha256, Path sealed) throws IOException {
        ensureBucket();
        try {
            s3.putObject(
                    r -> r.bucket(bucket).key(PREFIX + sha256).contentType("application/octet-stream"),
                    RequestBody.fromFile(sealed));
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    @Override
    public void delete(String sha256) throws IOException {
        ensureBucket();
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(PREFIX + sha256));
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        ensureBucket();
        try {
            return s3.getObject(r -> r.bucket(bucket).key(PREFIX + sha256));
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException("no evidence object " + sha256);
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    @Override
    public Set<String> addresses() throws IOException {
        ensureBucket();
        Set<String> all = new HashSet<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(
                            r -> r.bucket(bucket).prefix(PREFIX))
                    .contents()) {
                all.add(object.key().substring(PREFIX.length()));
            }
        } catch (SdkException e) {
            throw failure(e);
        }
        return all;
    }

    /** Creates the bucket on first use when it does not exist (MinIO starts empty). */
    private void ensureBucket() throws IOException {
        if (bucketReady) {
            return;
        }
        try {
            try {
                s3.headBucket(r -> r.bucket(bucket));
            } catch (NoSuchBucketException e) {
                s3.createBucket(r -> r.bucket(bucket));
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                s3.createBucket(r -> r.bucket(bucket));
            }
            bucketReady = true;
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    private IOException failure(SdkException e) {
        return new IOException("evidence store (" + name() + ") failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        s3.close();
    }
}
