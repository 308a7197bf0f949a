package cn.gov.lvliang.renewal.gateway.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.lvliang.renewal.gateway.GatewayTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The gateway's readiness is its own; the backends' state is reported at {@code /q/health/well}
 * (decision 0014).
 */
@QuarkusTest
class HealthTest {

    private static final String BACKENDS = "checks.find { it.name == 'backends' }";

    @Test
    void everyBackendUpIsReportedPerBackend() {
        given().when()
                .get("/q/health/well")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(BACKENDS + ".status", equalTo("UP"))
                .body(BACKENDS + ".data.'tasks-service'", equalTo("UP"))
                .body(BACKENDS + ".data.'equipment-inventory-service'", equalTo("UP"))
                .body(BACKENDS + ".data.'tradein-subsidy-service'", equalTo("UP"))
                .body(BACKENDS + ".data.'recycling-service'", equalTo("UP"));
        assertGatewayOnlyAndUp("/q/health/ready");
    }

    @Test
    void aBackendDownIsReportedButLeavesTheGatewayReadyAndLive() {
        GatewayTestResource.backend("equipment-inventory-service").whileDown(() -> {
            given().when()
                    .get("/q/health/well")
                    .then()
                    .statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body(BACKENDS + ".status", equalTo("DOWN"))
                    .body(BACKENDS + ".data.'equipment-inventory-service'", startsWith("DOWN"))
                    .body(BACKENDS + ".data.'tasks-service'", equalTo("UP"));

            // still routed: the healthy backends' routes must keep their gateway
            assertGatewayOnlyAndUp("/q/health/ready");
            assertGatewayOnlyAndUp("/q/health/live");
        });
    }

    private static void assertGatewayOnlyAndUp(String path) {
        given().when()
                .get(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", contains("gateway"));
    }
}
