package cn.gov.lvliang.renewal.subsidy.evidence;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An evidence upload without {@code Content-Length} (chunked) that grows over the limit answers 413
 * problem+json, and stores nothing, instead of dropping the connection: just over the evidence limit
 * (10 MiB) and at the gateway's largest body (20 MiB), which the service's HTTP limit (21M) lets
 * through to the evidence check. Real HTTP over a socket, chunked.
 */
@QuarkusTest
class ChunkedUploadLimitTest {

    private static final int MIB = 1024 * 1024;
    private static final String BOUNDARY = "chunked-upload-limit-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource
    URI root;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A multipart body with {@code kind} INVOICE and a PDF-looking file of {@code size} bytes, streamed. */
    private static InputStream multipart(int size) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nINVOICE\r\n"
                        + "--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoice.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        InputStream padding = new InputStream() {
            private int left = size;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(Collections.enumeration(
                List.of(new ByteArrayInputStream(head), padding, new ByteArrayInputStream(tail))));
    }

    private HttpResponse<String> uploadChunked(String claimId, String token, int size) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(root.resolve(CLAIMS + "/" + claimId + "/evidence"))
                .header("Authorization", TestTokens.bearer(token))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Accept-Language", "en")
                // no length: the client sends Transfer-Encoding: chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> multipart(size)))
                .timeout(Duration.ofSeconds(60))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertTooLarge(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).contains("MiB");
    }

    @Test
    void chunkedUploadsOverTheLimitsAnswer413ProblemJsonAndStoreNothing() throws Exception {
        String seller = TestIdentifiers.creditCode();
        Response filed = Fixtures.fileApplianceClaim(seller, "AIR_CONDITIONER", 500_000, "2025-03-01");
        String claimId = filed.path("id");
        String token = Fixtures.retailer(seller);

        // over the evidence limit, within the HTTP body limit
        assertTooLarge(uploadChunked(claimId, token, 10 * MIB + MIB / 2));
        // as large as the gateway lets through
        assertTooLarge(uploadChunked(claimId, token, 20 * MIB));

        assertThat(Fixtures.count("select count(*) from evidence_document where claim_id = ?::uuid", claimId))
                .isZero();
        // the connection's client still works: a small chunked upload is taken
        assertThat(uploadChunked(claimId, token, 1024).statusCode()).isEqualTo(201);
    }

    /**
     * A multipart body that stops before its closing boundary is the caller's fault: 400
     * problem+json, nothing stored (it used to be a 500).
     */
    @Test
    void aMultipartBodyCutBeforeItsClosingBoundaryAnswers400() throws Exception {
        String seller = TestIdentifiers.creditCode();
        String claimId = Fixtures.fileApplianceClaim(seller, "AIR_CONDITIONER", 500_000, "2025-03-01")
                .path("id");
        byte[] cut = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nINVOICE\r\n"
                        + "--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoice.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n")
                .getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(root.resolve(CLAIMS + "/" + claimId + "/evidence"))
                .header("Authorization", TestTokens.bearer(Fixtures.retailer(seller)))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(cut))
                .timeout(Duration.ofSeconds(30))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("type").asText()).endsWith("malformed-request");
        assertThat(Fixtures.count("select count(*) from evidence_document where claim_id = ?::uuid", claimId))
                .isZero();
    }
}
