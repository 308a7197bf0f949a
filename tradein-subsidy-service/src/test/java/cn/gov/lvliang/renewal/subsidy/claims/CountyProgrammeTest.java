package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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

/** 受理范围: a programme's jurisdiction decides which counties' claims it takes (decision 0038). */
@QuarkusTest
class CountyProgrammeTest {

    /** A home-appliance programme of 离石区 (141102) only, with a 2025 rule version. */
    private static String countyProgramme() {
        String id = Fixtures.unique("LISHI-");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id", id,
                        "name", "离石区家电以旧换新",
                        "category", "HOME_APPLIANCE",
                        "jurisdiction", "141102",
                        "periodStart", "2025-01-01",
                        "whenExhausted", "QUEUE",
                        "fundingShares",
                                Map.of("centralBp", 9000, "provincialBp", 500, "cityBp", 250, "countyBp", 250)))
                .post("/api/subsidies/programmes")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "effectiveFrom",
                        "2025-01-01",
                        "parameters",
                        Map.of(
                                "amount", Map.of("kind", "PERCENT_OF_PRICE", "rateBp", 1500, "capFen", 200_000),
                                "eligibility", Map.of("worstGrade", 2),
                                "limits", Map.of()),
                        "evidenceRequired",
                        List.of("INVOICE"),
                        "collectionRequired",
                        false,
                        "legalBasis",
                        "test"))
                .post("/api/subsidies/programmes/" + id + "/rule-versions")
                .then()
                .statusCode(201);
        return id;
    }

    private static Response file(String programme, String county) {
        String seller = TestIdentifiers.creditCode();
        return given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(applianceClaim(
                        programme,
                        seller,
                        county,
                        TestIdentifiers.residentId(),
                        "TELEVISION",
                        1,
                        300_000,
                        "2025-05-01"))
                .post(CLAIMS);
    }

    @Test
    void aCountyProgrammeOf141102Refuses141124ClaimsWith422AndStoresNothing() {
        String programme = countyProgramme();
        file(programme, "141124")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("outside-jurisdiction"))
                .body("errors[0].field", equalTo("county"));
        assertThat(Fixtures.count("select count(*) from claim where programme_id = ?", programme))
                .isZero();

        file(programme, "141102").then().statusCode(201).body("county", equalTo("141102"));
    }

    @Test
    void aCityProgrammeTakesItsCountiesClaims() {
        String programme = Fixtures.applianceProgramme("CITY-", Map.of());
        file(programme, "141124").then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
        file(programme, "141102").then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
    }
}
