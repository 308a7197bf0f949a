package cn.gov.lvliang.renewal.gateway.devtoken;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** In the prod profile there is no dev-token endpoint, whatever the request says. */
@QuarkusTest
@TestProfile(DevTokenProdProfileTest.Prod.class)
class DevTokenProdProfileTest {

    /**
     * The prod profile; the keys, issuer and backends come from the module's test resource as
     * they would come from the environment in production.
     */
    public static class Prod implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }
    }

    @Test
    void devTokensAreRefusedInProd() {
        given().contentType("application/json")
                .body("{\"role\":\"city-admin\"}")
                .when()
                .post("/dev/token")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lvliang:renewal:problem:not-found"));
    }

    @Test
    void theProxyStillWorksInProd() {
        given().when().get("/api/tasks/tasks").then().statusCode(401);
    }
}
