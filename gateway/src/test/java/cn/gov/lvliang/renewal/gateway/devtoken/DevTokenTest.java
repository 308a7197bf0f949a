package cn.gov.lvliang.renewal.gateway.devtoken;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DevTokenTest {

    @Inject
    JWTParser parser;

    private static String issue(String json) {
        return given().contentType("application/json")
                .body(json)
                .when()
                .post("/dev/token")
                .then()
                .statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("access_token", notNullValue())
                .extract()
                .path("access_token");
    }

    @Test
    void issuesATokenTheGatewayAndTheServicesTrust() throws Exception {
        String token = issue("{\"role\":\"county-officer\",\"county\":\"141102\"}");

        JsonWebToken jwt = parser.parse(token);
        assertThat(jwt.getGroups()).containsExactly("county-officer");
        assertThat(jwt.<Object>getClaim("county").toString()).contains("141102");
        assertThat(jwt.getSubject()).isEqualTo("dev-county-officer-141102");
        assertThat(jwt.getAudience()).containsExactly("renewal-suite");

        given().auth()
                .oauth2(token)
                .when()
                .get("/api/tasks/tasks")
                .then()
                .statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void twoScopesOfOneRoleAreTwoPeople() throws Exception {
        JsonWebToken lishi = parser.parse(issue("{\"role\":\"county-officer\",\"county\":\"141102\"}"));
        JsonWebToken linxian = parser.parse(issue("{\"role\":\"county-officer\",\"county\":\"141124\"}"));
        JsonWebToken cityWide = parser.parse(issue("{\"role\":\"reviewer\"}"));

        assertThat(lishi.getSubject()).isNotEqualTo(linxian.getSubject());
        assertThat(linxian.getSubject()).isEqualTo("dev-county-officer-141124");
        assertThat(cityWide.getSubject()).isEqualTo("dev-reviewer");
    }

    @Test
    void issuesEnterpriseAndDepartmentTokensWithTheirScope() throws Exception {
        String creditCode = TestIdentifiers.creditCode();
        JsonWebToken dealer = parser.parse(
                issue("{\"role\":\"dealer\",\"enterprise\":\"" + creditCode + "\",\"subject\":\"dealer-1\"}"));
        assertThat(dealer.getSubject()).isEqualTo("dealer-1");
        assertThat(dealer.<Object>getClaim("enterprise").toString()).contains(creditCode);

        JsonWebToken officer = parser.parse(issue("{\"role\":\"department-officer\",\"department\":\"commerce\"}"));
        assertThat(officer.<Object>getClaim("department").toString()).contains("commerce");
    }

    @Test
    void rejectsUnknownRolesAndMissingOrInvalidScopeFieldByField() {
        given().contentType("application/json")
                .body("{\"role\":\"root\"}")
                .when()
                .post("/dev/token")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lvliang:renewal:problem:validation"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("role"))
                .body("errors[0].message", equalTo("不是已知的角色"));

        given().contentType("application/json")
                .body("{\"role\":\"county-officer\"}")
                .when()
                .post("/dev/token")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("county"));

        given().contentType("application/json")
                .header("Accept-Language", "en")
                .body("{\"role\":\"county-officer\",\"county\":\"110101\"}")
                .when()
                .post("/dev/token")
                .then()
                .statusCode(400)
                .body("title", equalTo("Validation failed"))
                .body("errors[0].field", equalTo("county"))
                .body("errors[0].message", equalTo("is not a county code of Lüliang"));

        given().contentType("application/json")
                .body("{\"role\":\"recycler\",\"enterprise\":\"91141100MA0000000X\"}")
                .when()
                .post("/dev/token")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("enterprise"))
                .body("errors[0].message", equalTo("不是有效的统一社会信用代码"));

        given().contentType("application/json")
                .body("{\"role\":\"department-officer\"}")
                .when()
                .post("/dev/token")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("department"));

        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/dev/token")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("role"));
    }
}
