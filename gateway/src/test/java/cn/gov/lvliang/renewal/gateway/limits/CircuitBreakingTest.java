package cn.gov.lvliang.renewal.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.gateway.GatewayTestResource;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Dead and slow backends (test configuration: request timeout 1 s, circuit opens after 3
 * consecutive failures for 1 s): 503 problem+json in bounded time, and recovery without help.
 */
@QuarkusTest
class CircuitBreakingTest {

    private final String token = TestTokens.cityAdmin();

    @Test
    void aDeadBackendOpensItsCircuitAndTheRouteRecoversWhenItIsBack() {
        GatewayTestResource.backend("recycling-service").whileDown(() -> {
            for (int i = 0; i < 3; i++) {
                given().auth()
                        .oauth2(token)
                        .get("/api/recycling/batteries")
                        .then()
                        .statusCode(503);
            }
            long start = System.nanoTime();
            given().auth()
                    .oauth2(token)
                    .get("/api/recycling/batteries")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("1"))
                    .body("type", equalTo("urn:lvliang:renewal:problem:backend-unavailable"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            // Other backends are not affected.
            given().auth().oauth2(token).get("/api/tasks/tasks").then().statusCode(200);
        });

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth()
                                .oauth2(token)
                                .get("/api/recycling/batteries")
                                .statusCode()
                        == 200);
    }

    @Test
    void aSlowBackendIsCutAtItsTimeoutAndAnswersAgainWhenFast() {
        given().auth()
                .oauth2(token)
                .get("/api/equipment/devices?sleep=3000")
                .then()
                .statusCode(503);
        given().auth().oauth2(token).get("/api/equipment/devices").then().statusCode(200);
    }
}
