package cn.gov.lvliang.renewal.equipment.campaigns;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.gov.lvliang.renewal.equipment.Fixtures;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CampaignResourceTest {

    @Test
    void aCampaignTracksEachCountysStateAndCompleteness() {
        int id = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("title", "医疗设备摸排", "category", "MEDICAL", "deadline", "2099-06-30"))
                .post("/api/equipment/campaigns")
                .then()
                .statusCode(201)
                .body("counties", hasSize(13))
                .body("counties[0].state", equalTo("NOT_STARTED"))
                .extract()
                .path("id");

        String credit = TestIdentifiers.creditCode();
        Fixtures.unit(credit, "141130", "pharmaceutical");
        Map<String, Object> scanner = Fixtures.equipment(credit, "2015-01-01", 10);
        scanner.put("category", "MEDICAL");
        scanner.put("name", "CT机");
        Fixtures.register(TestTokens.cityAdmin(), scanner);

        String county = TestTokens.countyOfficer("141130");
        given().auth()
                .oauth2(county)
                .contentType(ContentType.JSON)
                .body(Map.of("state", "SUBMITTED", "expectedUnits", 2, "version", 0))
                .put("/api/equipment/campaigns/" + id + "/counties/141130")
                .then()
                .statusCode(200)
                .body("counties.find { it.county == '141130' }.state", equalTo("SUBMITTED"))
                .body("counties.find { it.county == '141130' }.registeredUnits", equalTo(1))
                .body("counties.find { it.county == '141130' }.completeness", equalTo(0.5f));

        // A county cannot accept its own submission, nor report for another county.
        given().auth()
                .oauth2(county)
                .contentType(ContentType.JSON)
                .body(Map.of("state", "ACCEPTED", "version", 1))
                .put("/api/equipment/campaigns/" + id + "/counties/141130")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(county)
                .contentType(ContentType.JSON)
                .body(Map.of("state", "IN_PROGRESS", "version", 0))
                .put("/api/equipment/campaigns/" + id + "/counties/141102")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("state", "ACCEPTED", "version", 1))
                .put("/api/equipment/campaigns/" + id + "/counties/141130")
                .then()
                .statusCode(200)
                .body("counties.find { it.county == '141130' }.state", equalTo("ACCEPTED"));
    }

    @Test
    void campaignsAreListedNewestFirstWithTheCountiesThatSubmitted() {
        int past = start("已截止的摸排", "2020-06-30");
        int open = start("进行中的摸排", "2099-06-30");
        given().auth()
                .oauth2(TestTokens.countyOfficer("141124"))
                .contentType(ContentType.JSON)
                .body(Map.of("state", "SUBMITTED", "expectedUnits", 1, "version", 0))
                .put("/api/equipment/campaigns/" + open + "/counties/141124")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of(Caller.DEPARTMENT_CLAIM, "gxj")))
                .queryParam("open", true)
                .queryParam("size", 200)
                .get("/api/equipment/campaigns")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(open))
                .body("items.id", not(hasItem(past)))
                .body("items.find { it.id == " + open + " }.countiesSubmitted", equalTo(1))
                .body("items.find { it.id == " + open + " }.countiesAccepted", equalTo(0))
                .body("items.find { it.id == " + open + " }.counties", equalTo(13))
                .body("items.find { it.id == " + open + " }.overdue", equalTo(false));
        given().auth()
                .oauth2(TestTokens.auditor())
                .queryParam("open", false)
                .queryParam("size", 200)
                .get("/api/equipment/campaigns")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(past))
                .body("items.find { it.id == " + past + " }.overdue", equalTo(true));
        given().auth()
                .oauth2(TestTokens.auditor())
                .get("/api/equipment/campaigns")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(open))
                .body("items[1].id", equalTo(past));
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.RECYCLER, TestIdentifiers.creditCode()))
                .get("/api/equipment/campaigns")
                .then()
                .statusCode(403);
    }

    private static int start(String title, String deadline) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("title", title, "category", "MEDICAL", "deadline", deadline))
                .post("/api/equipment/campaigns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aggregatesGiveCountsInvestmentAndGradeSharesByCounty() {
        String credit = TestIdentifiers.creditCode();
        Fixtures.unit(credit, "141128", "building-materials");
        Map<String, Object> kiln = Fixtures.equipment(credit, "2019-01-01", 20);
        kiln.put("efficiencyTier", "ADVANCED");
        kiln.put("emissionGrade", "A");
        Fixtures.register(TestTokens.cityAdmin(), kiln);
        Fixtures.register(TestTokens.cityAdmin(), Fixtures.equipment(credit, "2019-01-01", 20));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141128"))
                .get("/api/equipment/aggregates?by=county")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].key", equalTo("141128"))
                .body("[0].tiers.advanced", equalTo(1))
                .body("[0].savingOrBetterShare", equalTo(0.5f))
                .body("[0].gradeAShare", equalTo(0.5f));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141128"))
                .get("/api/equipment/aggregates?by=colour")
                .then()
                .statusCode(400);
    }

    @Test
    void aRuleThresholdChangesWithoutCodeAndTheNewVersionIsRecordedOnTheFlag() {
        String credit = TestIdentifiers.creditCode();
        Fixtures.unit(credit, "141127", "coal");
        Map<String, Object> body = Fixtures.equipment(credit, "2012-01-01", 10);
        body.put("category", "ELEVATOR");
        body.put("registrationCode", "梯11晋J00123(21)");
        body.put("safetyFindings", 2);
        body.remove("designLifeYears");
        Map<String, Object> elevator = Fixtures.register(TestTokens.cityAdmin(), body);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/equipment/records/" + elevator.get("id"))
                .then()
                .body("flags", hasSize(0));

        given().auth()
                .oauth2(TestTokens.countyOfficer("141127"))
                .contentType(ContentType.JSON)
                .body(Map.of("active", true, "parameters", Map.of("minAgeYears", 10, "minFindings", 1)))
                .put("/api/equipment/flag-rules/ELEVATOR_AGE_WITH_FINDINGS")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("active", true, "parameters", Map.of("minAgeYears", "ten")))
                .put("/api/equipment/flag-rules/ELEVATOR_AGE_WITH_FINDINGS")
                .then()
                .statusCode(400);
        int version = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("active", true, "parameters", Map.of("minAgeYears", 10, "minFindings", 1)))
                .put("/api/equipment/flag-rules/ELEVATOR_AGE_WITH_FINDINGS")
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        given().auth()
                .oauth2(TestTokens.countyOfficer("141127"))
                .post("/api/equipment/flag-rules/evaluations")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/equipment/records/" + elevator.get("id"))
                .then()
                .body("flags[0].ruleCode", equalTo("ELEVATOR_AGE_WITH_FINDINGS"))
                .body("flags[0].ruleVersion", equalTo(version));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141127"))
                .get("/api/equipment/lists/problem-elevators?unitCreditCode=" + credit)
                .then()
                .body("total", equalTo(1));
        // Back to the default age so the other tests see the seeded thresholds.
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("active", true, "parameters", Map.of("minAgeYears", 15, "minFindings", 1)))
                .put("/api/equipment/flag-rules/ELEVATOR_AGE_WITH_FINDINGS")
                .then()
                .statusCode(200);
    }
}
