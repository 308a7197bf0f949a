package cn.gov.lvliang.renewal.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.testing.BadTokens;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad token is refused at the edge with 401 problem+json; none reaches a backend. */
@QuarkusTest
class BadTokenTest {

    static Stream<Arguments> badTokens() {
        return BadTokens.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void isRefusedWith401Problem(String name, String token) {
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/subsidies/claims")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .header("X-Backend", nullValue())
                .body("type", equalTo("urn:lvliang:renewal:problem:unauthorized"))
                .body("detail", equalTo("访问令牌无效、已过期或签发方不受信任。"));
    }

    @Test
    void theCasesAreTheOnesTheIssueNames() {
        org.assertj.core.api.Assertions.assertThat(BadTokens.all())
                .containsOnlyKeys(
                        "expired",
                        "not yet valid",
                        "wrong issuer",
                        "wrong audience",
                        "tampered",
                        "alg none",
                        "HS256 signed with the public key");
    }

    @Test
    void anAlteredCopyOfAnAdmittedTokenIsStillRefused() {
        String token = TestTokens.countyOfficer("141102");
        given().auth().oauth2(token).when().get("/api/subsidies/claims").then().statusCode(200);
        String[] parts = token.split("\\.");
        String otherPayload = TestTokens.countyOfficer("141123").split("\\.")[1];
        String forged = parts[0] + "." + otherPayload + "." + parts[2];

        given().auth()
                .oauth2(forged)
                .when()
                .get("/api/subsidies/claims")
                .then()
                .statusCode(401)
                .header("X-Backend", nullValue());
        given().auth().oauth2(token).when().get("/api/subsidies/claims").then().statusCode(200);
    }

    @Test
    void aValidTokenPasses() {
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .when()
                .get("/api/subsidies/claims")
                .then()
                .statusCode(200)
                .header("X-Backend", not(nullValue()));
        given().auth()
                .oauth2(TestTokens.token("system-client", Map.of("azp", "mps-vehicle-registry")))
                .when()
                .get("/api/subsidies/claims")
                .then()
                .statusCode(200);
    }
}
