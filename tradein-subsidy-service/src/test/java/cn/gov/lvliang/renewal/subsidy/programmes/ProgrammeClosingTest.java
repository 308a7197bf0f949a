package cn.gov.lvliang.renewal.subsidy.programmes;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A city administrator closes a programme (停止受理): it takes no new claim, and says why. */
@QuarkusTest
class ProgrammeClosingTest {

    private static final String PROGRAMMES = "/api/subsidies/programmes";

    @Test
    void aClosedProgrammeRefusesNewClaimsAndSaysWhoClosedItWhenAndWhy() {
        String id = Fixtures.unique("CLOSING-");
        Fixtures.createProgramme(id, "停止受理测试", "HOME_APPLIANCE");
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(PROGRAMMES + "/" + id)
                .then()
                .statusCode(200)
                .body("closedAt", nullValue());

        close(id, TestTokens.cityAdmin(), Map.of("reason", "年度资金已用完"))
                .then()
                .statusCode(200)
                .body("closedAt", notNullValue())
                .body("closedReason", equalTo("年度资金已用完"));

        String seller = TestIdentifiers.creditCode();
        given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(applianceClaim(
                        id,
                        seller,
                        "141102",
                        TestIdentifiers.residentId(),
                        "AIR_CONDITIONER",
                        1,
                        500_000,
                        "2025-03-01"))
                .post(CLAIMS)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("programme-closed"));

        close(id, TestTokens.cityAdmin(), Map.of("reason", "again"))
                .then()
                .statusCode(409)
                .body("type", endsWith("programme-closed"));
    }

    @Test
    void onlyTheCityAdminClosesAndOnlyWithAReason() {
        String id = Fixtures.unique("CLOSING-");
        Fixtures.createProgramme(id, "停止受理测试", "HOME_APPLIANCE");

        close(id, TestTokens.auditor(), Map.of("reason", "no")).then().statusCode(403);
        close(id, TestTokens.cityAdmin(), Map.of("reason", "  "))
                .then()
                .statusCode(400)
                .body("errors[0].field", endsWith("reason"));
        close("NO-SUCH-PROGRAMME", TestTokens.cityAdmin(), Map.of("reason", "x"))
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(PROGRAMMES + "/" + id)
                .then()
                .body("closedAt", nullValue());
    }

    private static io.restassured.response.Response close(String id, String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(PROGRAMMES + "/" + id + "/close");
    }
}
