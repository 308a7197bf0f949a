package cn.gov.lvliang.renewal.tasks.administration;

import static cn.gov.lvliang.renewal.tasks.TestAssignments.department;
import static cn.gov.lvliang.renewal.tasks.TestAssignments.history;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.lvliang.renewal.platform.audit.AuditChainer;
import cn.gov.lvliang.renewal.tasks.TestPlans;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The city's administration: adding an indicator, reassigning an assignment with a reason. */
@QuarkusTest
class AdministrationTest {

    @Inject
    AuditChainer chainer;

    @Inject
    DataSource data;

    /** The added indicator would count in every other test's "all indicators" (10 of the document). */
    @AfterEach
    void removeTheAddedIndicator() throws SQLException {
        try (Connection c = data.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("delete from indicator_baseline where indicator_code = 'CHARGING_PILES'");
            s.executeUpdate("delete from indicator where code = 'CHARGING_PILES'");
        }
    }

    static Map<String, Object> indicator(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "新建充电桩 / charging piles built");
        body.put("unit", "piles");
        body.put("targetRule", "COUNT");
        body.put("targetValue", 3000);
        body.put("baselineYear", 2023);
        body.put("baseline", 800);
        body.put("deadline", "2027-12-31");
        body.put("measurement", "CUMULATIVE");
        body.put("source", "MANUAL");
        body.put("taskNumber", 33);
        body.put("basis", "市政府常务会议决定增设");
        return body;
    }

    static Response addIndicator(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/tasks/indicators");
    }

    @Test
    void theCityAddsAnIndicatorWithItsBaselineTargetAndSource() {
        addIndicator(TestTokens.cityAdmin(), indicator("CHARGING_PILES"))
                .then()
                .statusCode(201)
                .body("code", equalTo("CHARGING_PILES"))
                .body("targetValue", equalTo(3000))
                .body("source", equalTo("MANUAL"))
                .body("quote", equalTo("市政府常务会议决定增设"))
                .body("assessment.baseline", equalTo(800));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141124"))
                .get("/api/tasks/indicators/CHARGING_PILES")
                .then()
                .statusCode(200)
                .body("targetRule", equalTo("COUNT"));
        addIndicator(TestTokens.cityAdmin(), indicator("CHARGING_PILES"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        // bad input is a problem, field by field, and stores nothing
        Map<String, Object> noTarget = indicator("NO_TARGET");
        noTarget.remove("targetValue");
        Map<String, Object> eventSource = indicator("EVENT_FED");
        eventSource.put("source", "EVENT");
        Map<String, Object> badCode = indicator("lower-case");
        for (var bad : List.of(
                Map.entry(noTarget, "targetValue"), Map.entry(eventSource, "source"), Map.entry(badCode, "code"))) {
            addIndicator(TestTokens.cityAdmin(), bad.getKey())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(bad.getValue()));
        }
        for (String code : List.of("NO_TARGET", "EVENT_FED")) {
            given().auth()
                    .oauth2(TestTokens.cityAdmin())
                    .get("/api/tasks/indicators/" + code)
                    .then()
                    .statusCode(404);
        }
        addIndicator(TestTokens.countyOfficer("141124"), indicator("BY_A_COUNTY"))
                .then()
                .statusCode(403);
    }

    static Response reassign(String token, String id, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/tasks/assignments/" + id + "/reassignments");
    }

    @Test
    void theCityReassignsAnAssignmentWithAReasonRecordedInTheHistoryAndTheAuditTrail() {
        String plan = TestPlans.importShared().getString("plan.id");
        // 市财政局's assignment of task (33)
        JsonPath found = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("planId", plan)
                .queryParam("taskNumber", 33)
                .queryParam("department", "czj")
                .get("/api/tasks/assignments")
                .then()
                .extract()
                .jsonPath();
        String id = found.getString("items[0].id");
        int version = found.getInt("items[0].version");
        given().auth()
                .oauth2(department("fgw"))
                .get("/api/tasks/assignments/" + id)
                .then()
                .statusCode(404);

        // refused: no reason, two assignees, unknown ones, one that has the task already, not the city
        reassign(TestTokens.cityAdmin(), id, Map.of("departmentCode", "fgw", "version", version))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        reassign(
                        TestTokens.cityAdmin(),
                        id,
                        Map.of("countyCode", "141124", "departmentCode", "fgw", "reason", "x", "version", version))
                .then()
                .statusCode(400);
        reassign(TestTokens.cityAdmin(), id, Map.of("departmentCode", "nope", "reason", "x", "version", version))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("departmentCode"));
        reassign(TestTokens.cityAdmin(), id, Map.of("countyCode", "LLXQ", "reason", "x", "version", version))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("countyCode"));
        reassign(TestTokens.cityAdmin(), id, Map.of("departmentCode", "swj", "reason", "x", "version", version))
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:lvliang:renewal:problem:assignee-has-assignment"));
        reassign(department("czj"), id, Map.of("departmentCode", "fgw", "reason", "x", "version", version))
                .then()
                .statusCode(403);
        assertThat(history(id).getList("action")).doesNotContain("REASSIGN");

        String reason = "职责调整：以旧换新资金保障改由市发展改革委承担";
        reassign(TestTokens.cityAdmin(), id, Map.of("departmentCode", "fgw", "reason", reason, "version", version))
                .then()
                .statusCode(200)
                .body("departmentCode", equalTo("fgw"))
                .body("assigneeName", equalTo("市发展改革委"));
        assertThat(history(id).getString("find { it.action == 'REASSIGN' }.comment"))
                .isEqualTo("czj → fgw: " + reason);
        // the new department sees its assignment (it does not lead the task)
        given().auth()
                .oauth2(department("fgw"))
                .get("/api/tasks/assignments/" + id)
                .then()
                .statusCode(200);
        reassign(TestTokens.cityAdmin(), id, Map.of("departmentCode", "czj", "reason", "x", "version", version))
                .then()
                .statusCode(409);

        chainer.chainAll();
        List<Map<String, Object>> audit = given().auth()
                .oauth2(TestTokens.auditor())
                .queryParam("resource", "/api/tasks/assignments/" + id + "/reassignments")
                .get("/api/tasks/audit-records")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(audit).isNotEmpty();
    }
}
