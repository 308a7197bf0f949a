package cn.gov.lvliang.renewal.subsidy.programmes;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Programmes and rule versions are data: the shipped defaults, and a new rule year without code. */
@QuarkusTest
class ProgrammeResourceTest {

    private static final String PROGRAMMES = "/api/subsidies/programmes";

    @Test
    void theNationalCarAndApplianceRulesOf2024And2025AreShippedAsData() {
        given().auth()
                .oauth2(retailer(TestIdentifiers.creditCode()))
                .get(PROGRAMMES)
                .then()
                .statusCode(200)
                .body("id", hasItems("CAR-SCRAPPAGE", "CAR-REPLACEMENT", "HOME-APPLIANCE", "DIGITAL-PRODUCT"));
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(PROGRAMMES + "/CAR-SCRAPPAGE")
                .then()
                .statusCode(200)
                .body("fundingShares.centralBp", equalTo(9000))
                .body("ruleVersions.size()", equalTo(3))
                .body("ruleVersions[0].parameters.amount.fixedFen.NEV", equalTo(1_000_000))
                .body("ruleVersions[1].parameters.amount.fixedFen.NEV", equalTo(2_000_000))
                .body("ruleVersions[1].parameters.eligibility.oldCarRegisteredOnOrBefore.FUEL", equalTo("2011-06-30"))
                .body("ruleVersions[2].parameters.eligibility.oldCarRegisteredOnOrBefore.FUEL", equalTo("2012-06-30"))
                .body("ruleVersions[2].parameters.eligibility.ownedBefore", equalTo("2025-01-08"))
                .body("ruleVersions[1].evidenceRequired", hasItems("SCRAP_CERTIFICATE", "BANK_ACCOUNT"));
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(PROGRAMMES + "/HOME-APPLIANCE")
                .then()
                .body("ruleVersions[1].parameters.limits.perPersonPerCategory.AIR_CONDITIONER", equalTo(3))
                .body("ruleVersions[1].parameters.amount.capFen", equalTo(200_000));
    }

    @Test
    void a2026RuleVersionAddedThroughTheApiComputes2026PurchasesWithoutACodeChange() {
        String id = Fixtures.unique("APPL-2026-");
        Fixtures.createProgramme(id, "2026 家电以旧换新", "HOME_APPLIANCE");
        String seller = TestIdentifiers.creditCode();
        // no version for 2026 yet: 422
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
                        "2026-03-01"))
                .post(CLAIMS)
                .then()
                .statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("no-rule-in-force"));

        // invalid parameters are refused with the problem named
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "effectiveFrom",
                        "2026-01-01",
                        "parameters",
                        Map.of(
                                "amount", Map.of("kind", "PERCENT_OF_PRICE", "rateBp", 1200),
                                "eligibility", Map.of(),
                                "limits", Map.of()),
                        "evidenceRequired",
                        java.util.List.of("INVOICE"),
                        "collectionRequired",
                        true,
                        "legalBasis",
                        "test"))
                .post(PROGRAMMES + "/" + id + "/rule-versions")
                .then()
                .statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("capFen"));

        // 2026: 12 % plus 3 % for grade 1, capped at 1,500 yuan, two per category, old item collected first
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "effectiveFrom",
                        "2026-01-01",
                        "effectiveTo",
                        "2026-12-31",
                        "parameters",
                        Map.of(
                                "amount",
                                        Map.of(
                                                "kind",
                                                "PERCENT_OF_PRICE",
                                                "rateBp",
                                                1200,
                                                "topGradeBonusBp",
                                                300,
                                                "capFen",
                                                150_000),
                                "eligibility",
                                        Map.of(
                                                "worstGrade",
                                                1,
                                                "productCategories",
                                                java.util.List.of("AIR_CONDITIONER", "HEAT_PUMP")),
                                "limits", Map.of("defaultPerPersonPerCategory", 2)),
                        "evidenceRequired",
                        java.util.List.of("APPLICANT_ID", "INVOICE", "COLLECTION_RECORD"),
                        "collectionRequired",
                        true,
                        "legalBasis",
                        "发改环资〔2026〕1号 (test)"))
                .post(PROGRAMMES + "/" + id + "/rule-versions")
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .body("parameters.amount.rateBp", equalTo(1200));

        String person = TestIdentifiers.residentId();
        given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(applianceClaim(id, seller, "141102", person, "HEAT_PUMP", 1, 500_000, "2026-03-01"))
                .post(CLAIMS)
                .then()
                .statusCode(201)
                .body("ruleVersion", equalTo(1))
                .body("amountFen", equalTo(75_000))
                .body("status", equalTo("PENDING_REVIEW"));
        given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(applianceClaim(id, seller, "141102", person, "AIR_CONDITIONER", 2, 500_000, "2026-03-01"))
                .post(CLAIMS)
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("GRADE_NOT_ELIGIBLE"));
    }

    @Test
    void onlyTheCityAdminAddsRules() {
        given().auth()
                .oauth2(TestTokens.auditor())
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post(PROGRAMMES + "/HOME-APPLIANCE/rule-versions")
                .then()
                .statusCode(403);
    }
}
