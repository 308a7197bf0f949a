package cn.gov.lvliang.renewal.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Body and header limits, CORS allow-list and security headers (test limits: 4 MB bodies, 8 MB and
 * 5 s of backend silence for bulk uploads).
 */
@QuarkusTest
class HardeningTest {

    private final String token = TestTokens.cityAdmin();

    @TestHTTPResource
    URI root;

    @Test
    void aBodyOverTheLimitWithContentLengthGets413BeforeReachingTheBackend() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] large = new byte[5 * 1024 * 1024];
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(root.resolve("/api/subsidies/claims"))
                        .header("Authorization", TestTokens.bearer(token))
                        .header("Content-Type", "application/octet-stream")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(large))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("urn:lvliang:renewal:problem:payload-too-large");
    }

    @Test
    void aChunkedBodyOverTheLimitGets413() {
        byte[] large = new byte[6 * 1024 * 1024];
        Arrays.fill(large, (byte) 'x');
        int status = given().auth()
                .oauth2(token)
                .contentType("application/octet-stream")
                .body(new ByteArrayInputStream(large))
                .when()
                .put("/api/subsidies/claims/1")
                .then()
                .contentType("application/problem+json")
                .extract()
                .statusCode();
        assertThat(status).isEqualTo(413);
    }

    @Test
    void aServicesOwn413PassesThroughTheGatewayAsProblemJson() throws Exception {
        // under the gateway's 4 MB, over the backend's 1 MiB: the backend answers 413 problem+json
        // while the gateway is still streaming the body to it
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] body = new byte[3 * 1024 * 1024];
        Arrays.fill(body, (byte) 'x');
        for (boolean chunked : new boolean[] {false, true}) {
            HttpRequest.BodyPublisher publisher = chunked
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                    : HttpRequest.BodyPublishers.ofByteArray(body);
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(root.resolve("/api/subsidies/claims?maxBody=1048576"))
                            .header("Authorization", TestTokens.bearer(token))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .POST(publisher)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as("chunked: " + chunked).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body())
                    .contains("urn:lvliang:renewal:problem:payload-too-large")
                    .contains("at most 1048576 bytes");
        }
    }

    @Test
    void aBulkUploadMayBeLargerAndSlowerThanAnOrdinaryCallButHasItsOwnLimit() {
        byte[] file = new byte[6 * 1024 * 1024];
        Arrays.fill(file, (byte) 'x');
        // over the ordinary 4 MB, under the bulk 8 MB, and the backend silent for 2 s (ordinary timeout 1 s)
        given().auth()
                .oauth2(token)
                .contentType("application/octet-stream")
                .body(file)
                .when()
                .post("/api/equipment/imports/status?sleep=2000")
                .then()
                .statusCode(201)
                .body("bodyLength", equalTo(file.length));
        int status = given().auth()
                .oauth2(token)
                .contentType("application/octet-stream")
                .body(new byte[9 * 1024 * 1024])
                .when()
                .post("/api/equipment/imports/status")
                .then()
                .extract()
                .statusCode();
        assertThat(status).isEqualTo(413);
    }

    @Test
    void anOversizedRequestHeadIsRefused() {
        int status = given().auth()
                .oauth2(token)
                .header("X-Padding", "a".repeat(20 * 1024))
                .when()
                .get("/api/tasks/tasks")
                .then()
                .extract()
                .statusCode();
        assertThat(status).isEqualTo(431);
    }

    @Test
    void corsAllowsOnlyListedOrigins() {
        given().header("Origin", "https://portal.lvliang.gov.cn")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when()
                .options("/api/tasks/tasks")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://portal.lvliang.gov.cn");

        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .when()
                .options("/api/tasks/tasks")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void explorerPagesCarrySecurityHeaders() {
        given().when()
                .get("/q/swagger-ui/index.html")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        given().when().get("/openapi/tasks-service").then().statusCode(200).header("X-Frame-Options", equalTo("DENY"));
    }
}
