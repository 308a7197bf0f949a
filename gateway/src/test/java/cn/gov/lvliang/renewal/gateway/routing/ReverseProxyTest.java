package cn.gov.lvliang.renewal.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.gateway.GatewayTestResource;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.platform.security.TokenMinter;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ReverseProxyTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]";

    private final String token = TestTokens.cityAdmin();

    @TestHTTPResource
    URI root;

    private int port;

    @BeforeEach
    void port() {
        port = root.getPort();
    }

    @ParameterizedTest
    @CsvSource({
        "/api/tasks/tasks/17, tasks-service",
        "/api/equipment/devices, equipment-inventory-service",
        "/api/subsidies/claims/LL-1/review, tradein-subsidy-service",
        "/api/recycling/scrap-certificates, recycling-service"
    })
    void routesEachPrefixToItsBackendPreservingMethodPathQueryBodyAndStatus(String path, String backend) {
        String body = "{\"note\":\"以旧换新\",\"amount\":1200}";
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .urlEncodingEnabled(false)
                .when()
                .post(path + "?county=141102&q=a%20b&q=c")
                .then()
                .statusCode(201)
                .header("X-Backend", backend)
                .body("backend", equalTo(backend))
                .body("method", equalTo("POST"))
                .body("uri", equalTo(path + "?county=141102&q=a%20b&q=c"))
                .body("body", equalTo(body))
                .body("headers.'content-type'", containsString("application/json"));

        given().auth()
                .oauth2(token)
                .when()
                .delete(path)
                .then()
                .statusCode(200)
                .body("method", equalTo("DELETE"))
                .body("uri", equalTo(path))
                .body("bodyLength", equalTo(0));
    }

    @Test
    void streamsALargeChunkedBody() {
        byte[] large = new byte[3 * 1024 * 1024];
        Arrays.fill(large, (byte) 'x');
        given().auth()
                .oauth2(token)
                .contentType("application/octet-stream")
                .body(new ByteArrayInputStream(large))
                .when()
                .put("/api/equipment/imports/1")
                .then()
                .statusCode(200)
                .body("method", equalTo("PUT"))
                .body("bodyLength", equalTo(large.length));
    }

    @Test
    void answersExpectContinueAndStreamsTheBody() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks/uploads"))
                .expectContinue(true)
                .header("Authorization", TestTokens.bearer(token))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("设备更新"))
                .timeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"body\":\"设备更新\"").doesNotContain("\"expect\"");
    }

    /**
     * The JDK's HttpClient asks for HTTP/2 by default and so upgrades a plain connection with {@code
     * h2c}; the body of unknown length then arrives as HTTP/2 data frames, with neither {@code
     * Content-Length} nor {@code Transfer-Encoding}. The generated API client sends uploads so.
     */
    @Test
    void streamsTheBodyOfAnHttp2RequestWithoutALength() throws Exception {
        byte[] large = new byte[2 * 1024 * 1024 + 17];
        Arrays.fill(large, (byte) 'y');
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 2; i++) { // the first request upgrades the connection, the second uses HTTP/2
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/equipment/imports/1"))
                    .header("Authorization", TestTokens.bearer(token))
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"bodyLength\":" + large.length);
        }
    }

    @Test
    void forwardsAuthorizationRequestIdAndTheCallersTraceAndAddsForwardedHeaders() {
        // not sampled (flags 00): nothing is exported, the trace id still travels
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        given().auth()
                .oauth2(token)
                .header("X-Request-Id", "req-42")
                .header("traceparent", traceparent)
                .when()
                .get("/api/tasks/tasks")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "req-42")
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.'x-request-id'", equalTo("req-42"))
                // the same trace, continued by the gateway's own client span
                .body("headers.traceparent", matchesPattern("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-00"))
                .body("headers.traceparent", not(equalTo(traceparent)))
                .body("headers.'x-forwarded-for'", equalTo("127.0.0.1"))
                .body("headers.'x-forwarded-proto'", equalTo("http"))
                .body("headers.'x-forwarded-host'", matchesPattern("localhost:\\d+"));
    }

    @Test
    void createsRequestIdAndTraceparentWhenAbsentOrMalformed() {
        Response response = given().auth()
                .oauth2(token)
                .header("X-Request-Id", "not a valid id <script>")
                .header("traceparent", "garbage")
                .when()
                .get("/api/recycling/records");
        response.then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID))
                .body("headers.'x-request-id'", matchesPattern(UUID))
                .body("headers.traceparent", matchesPattern(TRACEPARENT));
        assertThat(response.header("X-Request-Id")).isEqualTo(response.path("headers.'x-request-id'"));

        given().auth()
                .oauth2(token)
                .when()
                .get("/api/recycling/records")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID))
                .body("headers.traceparent", matchesPattern(TRACEPARENT));
    }

    @Test
    void passesEndToEndResponseHeadersAndDropsHopByHopOnes() {
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/subsidies/claims")
                .then()
                .statusCode(200)
                .header("X-Backend", "tradein-subsidy-service")
                .header("Keep-Alive", nullValue());
    }

    @Test
    void refusesRequestsWithoutATokenWithAProblem() {
        given().when()
                .get("/api/tasks/tasks")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .header("X-Request-Id", matchesPattern(UUID))
                .body("type", equalTo("urn:lvliang:renewal:problem:unauthorized"))
                .body("title", equalTo("未认证"))
                .body("status", equalTo(401))
                .body("detail", equalTo("缺少有效的访问令牌（Bearer JWT）。"))
                .body("instance", equalTo("/api/tasks/tasks"));

        given().header("Authorization", "Basic dXNlcjpwYXNz")
                .header("Accept-Language", "en")
                .when()
                .post("/api/subsidies/claims")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("A valid bearer token (JWT) is required."));
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = new TokenMinter(
                        generator.generateKeyPair().getPrivate(), TestTokens.ISSUER, Duration.ofMinutes(5))
                .mint("mallory", Set.of(Roles.CITY_ADMIN), Map.of());

        given().auth()
                .oauth2(forged)
                .header("Accept-Language", "en-US,en;q=0.9,zh;q=0.5")
                .when()
                .get("/api/equipment/devices")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:lvliang:renewal:problem:unauthorized"))
                .body("detail", equalTo("The token is invalid, expired, or from an untrusted issuer."));

        given().auth()
                .oauth2(forged)
                .when()
                .get("/api/equipment/devices")
                .then()
                .statusCode(401)
                .body("detail", equalTo("访问令牌无效、已过期或签发方不受信任。"));
    }

    @Test
    void publicPathsPassWithoutATokenButDotSegmentsDoNotEscapeThem() {
        given().when()
                .get("/api/recycling/public/collection-points?county=141102")
                .then()
                .statusCode(200)
                .body("backend", equalTo("recycling-service"))
                .body("uri", equalTo("/api/recycling/public/collection-points?county=141102"))
                .body("headers.authorization", nullValue());

        given().urlEncodingEnabled(false)
                .when()
                .get("/api/recycling/public/../scrap-certificates")
                .then()
                .statusCode(401);
    }

    @Test
    void unknownApiPathIsAProblem() {
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lvliang:renewal:problem:not-found"));
    }

    @Test
    void deadBackendIsA503ProblemQuickly() {
        GatewayTestResource.backend("tasks-service").whileDown(() -> {
            long start = System.nanoTime();
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/tasks/tasks")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:lvliang:renewal:problem:backend-unavailable"))
                    .body("title", equalTo("后端服务暂不可用"))
                    .body("detail", containsString("tasks-service"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            given().auth()
                    .oauth2(token)
                    .header("Accept-Language", "en")
                    .contentType("application/json")
                    .body("{}")
                    .when()
                    .post("/api/tasks/tasks")
                    .then()
                    .statusCode(503)
                    .body("title", equalTo("Backend unavailable"))
                    .body("detail", containsString("tasks-service"));
        });
    }

    @Test
    void slowBackendIsA503ProblemAfterTheRequestTimeout() {
        long start = System.nanoTime();
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/subsidies/claims?sleep=4000")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lvliang:renewal:problem:backend-unavailable"))
                .body("detail", containsString("tradein-subsidy-service"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofMillis(3500));
    }

    /**
     * The 503 of a silent backend reaches an HTTP/2 caller whose body has been read whole: answering
     * must not fail on resuming a request that has ended (it used to, and the caller saw the
     * connection close without an answer).
     */
    @Test
    void slowBackendIsA503ProblemForAnHttp2CallerWithABody() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/subsidies/claims?sleep=4000"))
                .header("Authorization", TestTokens.bearer(token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"以旧换新\"}"))
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("backend-unavailable");
    }
}
