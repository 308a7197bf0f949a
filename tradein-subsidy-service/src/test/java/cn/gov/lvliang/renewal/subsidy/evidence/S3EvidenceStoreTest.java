package cn.gov.lvliang.renewal.subsidy.evidence;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.pdf;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.uploadEvidence;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The S3 evidence store (production: MinIO) against a real S3-protocol server, S3Proxy in its own
 * JVM ({@link S3TestServer}): uploads and downloads through the API, several sealed chunks per
 * object, only ciphertext in the server's files, and the reconcile check against the bucket.
 */
@QuarkusTest
@TestProfile(S3TestServer.Profile.class)
class S3EvidenceStoreTest {

    @ConfigProperty(name = S3TestServer.DIRECTORY_PROPERTY)
    String directory;

    @jakarta.inject.Inject
    EvidenceStore store;

    @Test
    void filesGoToTheS3ServerSealedAndComeBackWhole() throws IOException {
        String seller = TestIdentifiers.creditCode();
        String claimId = Fixtures.fileApplianceClaim(seller, "REFRIGERATOR", 400_000, "2025-03-01")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String marker = "MARKER-" + UUID.randomUUID();
        byte[] scan = pdf("银行卡 " + marker + " " + "x".repeat(3 * 1024 * 1024)); // several sealed chunks
        String id = uploadEvidence(claimId, retailer(seller), "BANK_ACCOUNT", "bank.pdf", scan)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        byte[] back = given().auth()
                .oauth2(TestTokens.auditor())
                .get(CLAIMS + "/" + claimId + "/evidence/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(back).isEqualTo(scan);

        String sha256 = EvidenceTest.sha256(scan);
        List<Path> files = storedFiles();
        Path object = files.stream()
                .filter(f -> f.getFileName().toString().equals(sha256))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no object " + sha256 + " among " + files));
        assertThat(Files.size(object)).isGreaterThan(scan.length); // header and one tag per chunk
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        for (Path file : files) {
            assertThat(contains(Files.readAllBytes(file), needle))
                    .as("plaintext marker in %s", file)
                    .isFalse();
        }

        EvidenceTest.reconciliation(TestTokens.auditor())
                .body("store", equalTo("s3:subsidy-evidence-test"))
                .body("metadataWithoutObjects.documentId", not(hasItem(id)));
        Files.delete(object);
        EvidenceTest.reconciliation(TestTokens.auditor()).body("metadataWithoutObjects.documentId", hasItem(id));
    }

    @Test
    void theRetentionRuleDeletesObjectsFromTheS3Server() throws IOException {
        byte[] scan = pdf("retention " + UUID.randomUUID());
        String sha256 = EvidenceTest.sha256(scan);
        Path sealed = Files.createTempFile("sealed", ".bin");
        try {
            Files.write(sealed, scan);
            store.put(sha256, sealed);
        } finally {
            Files.delete(sealed);
        }
        assertThat(store.contains(sha256)).isTrue();
        store.delete(sha256);
        assertThat(store.contains(sha256)).isFalse();
        assertThat(storedFiles()).noneMatch(f -> f.getFileName().toString().equals(sha256));
        store.delete(sha256); // deleting again changes nothing
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of(directory))) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
