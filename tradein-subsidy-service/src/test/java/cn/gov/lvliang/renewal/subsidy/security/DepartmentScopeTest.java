package cn.gov.lvliang.renewal.subsidy.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Department officers read what the policy makes them responsible for (issue 20 §2): 市商务局 (swj)
 * lists trade-in claims, masked, and budget use, and is refused approving; 市农业农村局 (nyncj),
 * responsible for farm machinery only, sees none of it until the city administrator changes its
 * responsibility. An unknown department code is refused with 403.
 */
@QuarkusTest
class DepartmentScopeTest {

    private static final String COMMERCE = officer("SWJ"); // the realm's case: matched without regard to it
    private static final String AGRICULTURE = officer("nyncj");

    private String claimId;

    @BeforeEach
    void anApplianceClaimAndItsBudget() {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("programmeId", "HOME-APPLIANCE", "county", "141102", "amountFen", 100_000))
                .post("/api/subsidies/budget/allocations")
                .then()
                .statusCode(201);
        claimId = Fixtures.fileApplianceClaim(TestIdentifiers.creditCode(), "AIR_CONDITIONER", 500_000, "2025-03-01")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void commerceListsTradeInClaimsMaskedAndBudgetUseButCannotApprove() {
        List<String> ids = given().auth()
                .oauth2(COMMERCE)
                .queryParam("size", 200)
                .get(Fixtures.CLAIMS)
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(ids).contains(claimId);
        given().auth()
                .oauth2(COMMERCE)
                .get(Fixtures.CLAIMS + "/" + claimId)
                .then()
                .statusCode(200)
                .body("applicant.idNumber", containsString("*"));
        List<String> programmes = given().auth()
                .oauth2(COMMERCE)
                .get("/api/subsidies/budget/accounts")
                .then()
                .statusCode(200)
                .extract()
                .path("programmeId");
        assertThat(programmes).contains("HOME-APPLIANCE");
        given().auth()
                .oauth2(COMMERCE)
                .get("/api/subsidies/programmes/HOME-APPLIANCE")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(COMMERCE)
                .contentType(ContentType.JSON)
                .body(Map.of("version", 0))
                .post(Fixtures.CLAIMS + "/" + claimId + "/approve")
                .then()
                .statusCode(403);
    }

    /** 市财政局 (czj, task 43 and the budget): reads budget accounts and payment batches, writes none. */
    @Test
    void financeReadsBudgetAccountsAndPaymentBatchesAndCreatesNoBatch() {
        String finance = officer("CZJ");
        List<String> programmes = given().auth()
                .oauth2(finance)
                .get("/api/subsidies/budget/accounts")
                .then()
                .statusCode(200)
                .extract()
                .path("programmeId");
        assertThat(programmes).contains("HOME-APPLIANCE");
        given().auth()
                .oauth2(finance)
                .queryParam("programmeId", "HOME-APPLIANCE")
                .get("/api/subsidies/payment-batches")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(finance)
                .contentType(ContentType.JSON)
                .body(Map.of("programmeId", "HOME-APPLIANCE", "county", "141102"))
                .post("/api/subsidies/payment-batches")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(finance)
                .contentType(ContentType.JSON)
                .body(Map.of("version", 0))
                .post(Fixtures.CLAIMS + "/" + claimId + "/approve")
                .then()
                .statusCode(403);
    }

    @Test
    void aDepartmentOutsideTheCategoryGets404AndEmptyListsUntilTheCityChangesItsResponsibility() {
        given().auth()
                .oauth2(AGRICULTURE)
                .get(Fixtures.CLAIMS + "/" + claimId)
                .then()
                .statusCode(404);
        List<String> ids = given().auth()
                .oauth2(AGRICULTURE)
                .queryParam("size", 200)
                .get(Fixtures.CLAIMS)
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(ids).doesNotContain(claimId);
        List<String> programmes = given().auth()
                .oauth2(AGRICULTURE)
                .get("/api/subsidies/budget/accounts")
                .then()
                .statusCode(200)
                .extract()
                .path("programmeId");
        assertThat(programmes).doesNotContain("HOME-APPLIANCE");
        given().auth()
                .oauth2(AGRICULTURE)
                .get("/api/subsidies/programmes/HOME-APPLIANCE")
                .then()
                .statusCode(404);

        try {
            responsibility("NYNCJ", List.of("FARM_MACHINERY_SCRAPPAGE", "HOME_APPLIANCE"));
            given().auth()
                    .oauth2(AGRICULTURE)
                    .get(Fixtures.CLAIMS + "/" + claimId)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(TestTokens.auditor())
                    .get("/api/subsidies/responsibilities")
                    .then()
                    .statusCode(200)
                    .body("find { it.department == 'nyncj' }.categories.size()", equalTo(2));
        } finally {
            responsibility("nyncj", List.of("FARM_MACHINERY_SCRAPPAGE"));
        }
        given().auth()
                .oauth2(AGRICULTURE)
                .get(Fixtures.CLAIMS + "/" + claimId)
                .then()
                .statusCode(404);
    }

    @Test
    void anUnknownDepartmentCodeIsRefusedWithAClearProblem() {
        given().auth()
                .oauth2(officer("industry"))
                .header("Accept-Language", "en")
                .get(Fixtures.CLAIMS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lvliang:renewal:problem:unknown-scope"))
                .body("detail", containsString("\"industry\""));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("categories", List.of("HOME_APPLIANCE")))
                .put("/api/subsidies/responsibilities/industry")
                .then()
                .statusCode(404);
    }

    @Test
    void aDepartmentTheDirectoryAnnouncesBecomesKnown() {
        String code = "t" + java.util.UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(officer(code)).get(Fixtures.CLAIMS).then().statusCode(403);
        KafkaTestClient.send("tasks.events", code, """
                {"specversion":"1.0","id":"%s","source":"/tasks-service",
                 "type":"cn.gov.lvliang.tasks.organisation.department-changed.v1","subject":"%s",
                 "time":"2026-12-04T08:00:00Z","datacontenttype":"application/json",
                 "data":{"code":"%s","name":"市测试局","kind":"DEPARTMENT","change":"ADDED","version":0}}
                """.formatted(java.util.UUID.randomUUID(), code, code));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(officer(code.toUpperCase(java.util.Locale.ROOT)))
                        .get(Fixtures.CLAIMS)
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(0)));
    }

    private static void responsibility(String department, List<String> categories) {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("categories", categories))
                .put("/api/subsidies/responsibilities/" + department)
                .then()
                .statusCode(200)
                .body("department", equalTo(department.toLowerCase(java.util.Locale.ROOT)));
    }

    private static String officer(String department) {
        return TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of(Caller.DEPARTMENT_CLAIM, department));
    }
}
