package cn.gov.lvliang.renewal.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Rate limits per client id, held per gateway instance: client {@code burst-client} may make 100
 * requests at once, refilled at one a second (test configuration); others have the default.
 */
@QuarkusTest
class RateLimitTest {

    @TestHTTPResource
    URI root;

    @Test
    void aBurstOfOneThousandFromOneClientGets429AfterItsLimitWhileAnotherClientGoesOn() throws Exception {
        String burst = TestTokens.token(Roles.SYSTEM_CLIENT, Map.of("azp", "burst-client"));
        String other = TestTokens.token(Roles.SYSTEM_CLIENT, Map.of("azp", "other-client"));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        long start = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> firstRefusal = null;
        for (int i = 0; i < 1000; i++) {
            HttpResponse<String> response =
                    client.send(get("/api/tasks/tasks", burst), HttpResponse.BodyHandlers.ofString());
            statuses.add(response.statusCode());
            if (response.statusCode() == 429 && firstRefusal == null) {
                firstRefusal = response;
            }
            if (i % 100 == 99) {
                assertThat(client.send(get("/api/tasks/tasks", other), HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .as("another client during the burst")
                        .isEqualTo(200);
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds() + 1;

        assertThat(statuses.subList(0, 100))
                .as("the first 100 (the client's capacity)")
                .containsOnly(200);
        long passed = statuses.stream().filter(s -> s == 200).count();
        assertThat(passed).as("capacity plus one a second of refill").isBetween(100L, 100L + seconds);
        assertThat(statuses).containsOnly(200, 429);
        assertThat(statuses.subList(100 + (int) seconds, 1000))
                .as("after capacity and refill")
                .contains(429);

        assertThat(firstRefusal).isNotNull();
        assertThat(firstRefusal.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(firstRefusal.headers().firstValueAsLong("Retry-After").orElse(0))
                .isBetween(1L, 2L);
        assertThat(firstRefusal.body()).contains("urn:lvliang:renewal:problem:too-many-requests");
    }

    @Test
    void peopleSigningInThroughOneClientEachHaveTheClientsLimit() throws Exception {
        Map<String, String> portal = Map.of("azp", "burst-client");
        String first = TestTokens.token("person-" + java.util.UUID.randomUUID(), Roles.CITY_ADMIN, portal);
        String second = TestTokens.token("person-" + java.util.UUID.randomUUID(), Roles.CITY_ADMIN, portal);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        int refused = 0;
        for (int i = 0; i < 150; i++) {
            if (client.send(get("/api/tasks/tasks", first), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 429) {
                refused++;
            }
        }

        assertThat(refused)
                .as("the first person went over the client's capacity of 100")
                .isPositive();
        assertThat(client.send(get("/api/tasks/tasks", second), HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .as("another person of the same client")
                .isEqualTo(200);
    }

    @Test
    void anonymousCallsToThePublicListingsAreLimitedPerAddressAndRecover() {
        int passed = 0;
        io.restassured.response.Response refused = null;
        for (int i = 0; i < 500 && refused == null; i++) {
            io.restassured.response.Response response =
                    given().header("Accept-Language", "en").get("/api/recycling/public/sites");
            assertThat(response.statusCode()).isIn(200, 429);
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                passed++;
            }
        }
        assertThat(refused).as("a 429 within 500 anonymous calls").isNotNull();
        assertThat(passed).as("at least the anonymous capacity").isGreaterThanOrEqualTo(30);
        refused.then()
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("1"))
                .body("title", equalTo("Too many requests"));

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> given().get("/api/recycling/public/sites").statusCode() == 200);
    }

    @Test
    void theClaimLookupHasItsOwnSmallerLimitPerAddress() {
        // test configuration: 5 at once, 2 a second, apart from the public listings' bucket
        int passed = 0;
        io.restassured.response.Response refused = null;
        for (int i = 0; i < 50 && refused == null; i++) {
            io.restassured.response.Response response = given().header("Accept-Language", "en")
                    .contentType("application/json")
                    .body("{\"claimNumber\":\"LL-141124-2026-000001\",\"idNumber\":\"141124198001011233\"}")
                    .post("/api/subsidies/public/claim-status");
            assertThat(response.statusCode()).as("no token needed").isNotIn(401, 403);
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                passed++;
            }
        }
        assertThat(refused).as("a 429 within 50 lookups").isNotNull();
        assertThat(passed)
                .as("the lookup's capacity, far below the listings' 30")
                .isBetween(5, 10);
        refused.then().contentType("application/problem+json").body("title", equalTo("Too many requests"));
        assertThat(given().get("/api/recycling/public/sites").statusCode())
                .as("the listings keep their own bucket")
                .isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> given().contentType("application/json")
                                .body("{}")
                                .post("/api/subsidies/public/claim-status")
                                .statusCode()
                        != 429);
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(root.resolve(path))
                .header("Authorization", TestTokens.bearer(token))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
    }
}
