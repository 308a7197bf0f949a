package cn.gov.lvliang.renewal.subsidy.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.testing.BadTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The service checks tokens itself, whatever the gateway did: every bad token gets 401. */
@QuarkusTest
class BadTokenServiceTest {

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
                .body("type", equalTo("urn:lvliang:renewal:problem:unauthorized"))
                .body("items", nullValue());
    }
}
