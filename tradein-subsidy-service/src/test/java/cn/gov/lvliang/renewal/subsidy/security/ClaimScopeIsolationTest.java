package cn.gov.lvliang.renewal.subsidy.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** County 141102 cannot read or write a 141123 claim, by list or by id; nor can another enterprise. */
@QuarkusTest
class ClaimScopeIsolationTest {

    private static final String OWN = "141102";
    private static final String OTHER = "141123";

    private String seller;
    private String claimId;

    @BeforeEach
    void aClaimIn141123() {
        seller = TestIdentifiers.creditCode();
        claimId = given().auth()
                .oauth2(Fixtures.retailer(seller))
                .contentType(ContentType.JSON)
                .body(Fixtures.applianceClaim(
                        "HOME-APPLIANCE",
                        seller,
                        OTHER,
                        TestIdentifiers.residentId(),
                        "AIR_CONDITIONER",
                        1,
                        500_000,
                        "2025-03-01"))
                .post(Fixtures.CLAIMS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void theOtherCountysOfficerGets404ByIdAndNothingInLists() {
        given().auth()
                .oauth2(TestTokens.countyOfficer(OWN))
                .get(Fixtures.CLAIMS + "/" + claimId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("applicant", nullValue())
                .body("amountFen", nullValue());

        for (String query : List.of("", "?county=" + OTHER, "?size=200")) {
            List<String> ids = given().auth()
                    .oauth2(TestTokens.countyOfficer(OWN))
                    .get(Fixtures.CLAIMS + query)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.id");
            assertThat(ids).as("list " + query).doesNotContain(claimId);
        }

        // The claim's own county sees it: the 404 above is scope, not absence.
        given().auth()
                .oauth2(TestTokens.countyOfficer(OTHER))
                .get(Fixtures.CLAIMS + "/" + claimId)
                .then()
                .statusCode(200)
                .body("id", equalTo(claimId));
    }

    @Test
    void theOtherCountysOfficerCannotWriteIt() {
        given().auth()
                .oauth2(TestTokens.countyOfficer(OWN))
                .contentType(ContentType.JSON)
                .body(Map.of("version", 0))
                .post(Fixtures.CLAIMS + "/" + claimId + "/withdraw")
                .then()
                .statusCode(404)
                .body("status", equalTo(404));

        int filed = given().auth()
                .oauth2(TestTokens.countyOfficer(OWN))
                .contentType(ContentType.JSON)
                .body(Fixtures.applianceClaim(
                        "HOME-APPLIANCE",
                        seller,
                        OTHER,
                        TestIdentifiers.residentId(),
                        "REFRIGERATOR",
                        1,
                        300_000,
                        "2025-03-01"))
                .post(Fixtures.CLAIMS)
                .statusCode();
        assertThat(filed).as("filing a claim in another county").isEqualTo(403);

        given().auth()
                .oauth2(TestTokens.countyOfficer(OTHER))
                .get(Fixtures.CLAIMS + "/" + claimId)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_REVIEW"));
    }

    @Test
    void anotherEnterpriseGets404AndAnotherCountysReviewerCannotApprove() {
        given().auth()
                .oauth2(Fixtures.retailer(TestIdentifiers.creditCode()))
                .get(Fixtures.CLAIMS + "/" + claimId)
                .then()
                .statusCode(404)
                .body("applicant", nullValue());

        given().auth()
                .oauth2(Fixtures.reviewer(OWN))
                .contentType(ContentType.JSON)
                .body(Map.of("version", 0))
                .post(Fixtures.CLAIMS + "/" + claimId + "/approve")
                .then()
                .statusCode(404);
    }
}
