package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 跨项目个人限额 against the real database: a limit group spans programmes (decision 0038). */
@QuarkusTest
class GroupLimitTest {

    private static Map<String, Object> parameters(Map<String, Object> limits) {
        return Map.of(
                "amount", Map.of("kind", "PERCENT_OF_PRICE", "rateBp", 1500, "capFen", 200_000),
                "eligibility", Map.of("worstGrade", 2),
                "limits", limits);
    }

    private static String groupedProgramme(String group) {
        return Fixtures.applianceProgramme(
                "GROUP-", Map.of("parameters", parameters(Map.of("limitGroup", group, "perPersonPerGroupPerYear", 1))));
    }

    private static Response file(String programme, String idNumber, String purchaseDate) {
        String seller = TestIdentifiers.creditCode();
        return given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(applianceClaim(programme, seller, "141102", idNumber, "TELEVISION", 1, 300_000, purchaseDate))
                .post(CLAIMS);
    }

    @Test
    void oneClaimAYearInTheGroupWhateverTheProgramme() {
        String group = Fixtures.unique("G");
        String first = groupedProgramme(group);
        String second = groupedProgramme(group);
        String person = TestIdentifiers.residentId();

        Response granted = file(first, person, "2025-03-01");
        granted.then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("checks.find { it.code == 'GROUP_LIMIT' }.outcome", equalTo("PASSED"));
        file(second, person, "2025-05-01")
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("PER_PERSON_LIMIT_REACHED"))
                .body("checks.find { it.code == 'GROUP_LIMIT' }.outcome", equalTo("FAILED"))
                .body(
                        "checks.find { it.code == 'GROUP_LIMIT' }.evidence",
                        containsString(granted.path("claimNumber") + " (" + first + ")"));
        // another person, or another year, is not limited by it
        file(second, TestIdentifiers.residentId(), "2025-05-01").then().body("status", equalTo("PENDING_REVIEW"));
        file(second, person, "2026-01-05").then().body("status", equalTo("PENDING_REVIEW"));
    }

    @Test
    void aLimitGroupWithoutItsLimitIsRefused() {
        String programme = Fixtures.applianceProgramme("GROUP-BAD-", Map.of());
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "effectiveFrom",
                        "2026-01-01",
                        "parameters",
                        parameters(Map.of("limitGroup", "CAR")),
                        "evidenceRequired",
                        List.of("INVOICE"),
                        "collectionRequired",
                        false,
                        "legalBasis",
                        "test"))
                .post("/api/subsidies/programmes/" + programme + "/rule-versions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
