package cn.gov.lvliang.renewal.tasks.supervision;

import static cn.gov.lvliang.renewal.tasks.TestAssignments.department;
import static cn.gov.lvliang.renewal.tasks.TestAssignments.move;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.lvliang.renewal.tasks.TestClock;
import cn.gov.lvliang.renewal.tasks.TestPlans;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Monthly reports reviewed by the lead department; supervision notices; dashboards. */
@QuarkusTest
class ProgressAndSupervisionTest {

    static JsonPath assignment(String planId, int task, String county) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("planId", planId)
                .queryParam("taskNumber", task)
                .queryParam("county", county)
                .get("/api/tasks/assignments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static JsonPath submit(String token, String id, String period, int status) {
        return post(token, id, report(period, Map.of("name", "更新设备", "value", 12, "unit", "台")))
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    /** A monthly report body with one metric value and one evidence link. */
    static Map<String, Object> report(String period, Map<String, Object> metricValue) {
        return Map.of(
                "period",
                period,
                "narrative",
                "本月推广饲喂设备更新12台",
                "percentComplete",
                30,
                "metricValues",
                List.of(metricValue),
                "evidenceLinks",
                List.of("https://example.gov.cn/evidence/1.pdf"));
    }

    static Response post(String token, String id, Map<String, Object> report) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(report)
                .post("/api/tasks/assignments/" + id + "/reports");
    }

    /** Task 20 assigned to {@code county}, accepted and started by the county; its id. */
    static String startedAssignment(String county) {
        String plan = TestPlans.importShared().getString("plan.id");
        String id = assignment(plan, 20, county).getString("items[0].id");
        String officer = TestTokens.countyOfficer(county);
        int v = move(officer, id, "ACCEPT", 0);
        move(officer, id, "START", v);
        return id;
    }

    static JsonPath review(String token, String reportId, String decision, String comment, int version, int status) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("decision", decision, "version", version));
        if (comment != null) {
            body.put("comment", comment);
        }
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/tasks/progress-reports/" + reportId + "/review")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aMetricWithoutItsNameIsRefusedFieldByFieldAndNothingIsStored() {
        String id = startedAssignment("141124");
        String county = TestTokens.countyOfficer("141124");

        post(county, id, report("2025-04", Map.of("value", 12, "unit", "台")))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(allOf(startsWith("metricValues"), endsWith("name"))));
        submit(county, id, "2025-04", 201);
    }

    @Test
    void aCountyReportsMonthlyAndTheLeadDepartmentReturnsThenAcceptsWithTheHistoryKept() {
        String id = startedAssignment("141125");
        String county = TestTokens.countyOfficer("141125");

        JsonPath first = submit(county, id, "2025-03", 201);
        assertThat(first.getString("status")).isEqualTo("SUBMITTED");
        assertThat(first.getInt("metricValues[0].value")).isEqualTo(12);
        submit(county, id, "2025-03", 409);
        submit(county, id, "2099-01", 400);
        submit(TestTokens.countyOfficer("141126"), id, "2025-03", 404);

        String report = first.getString("id");
        review(department("zjj"), report, "ACCEPT", null, 0, 404); // not a lead of task 20
        review(county, report, "ACCEPT", null, 0, 403);
        review(department("nyncj"), report, "RETURN", null, 0, 400);
        review(department("nyncj"), report, "RETURN", "请补充设备清单", 0, 200);
        review(department("nyncj"), report, "ACCEPT", null, 1, 409);

        String second = submit(county, id, "2025-03", 201).getString("id");
        review(department("nyncj"), second, "ACCEPT", null, 0, 200);

        JsonPath history = given().auth()
                .oauth2(department("nyncj"))
                .get("/api/tasks/assignments/" + id + "/reports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getList("status")).containsExactly("RETURNED", "ACCEPTED");
        assertThat(history.getString("find { it.status == 'RETURNED' }.reviewComment"))
                .isEqualTo("请补充设备清单");

        assertThat(KafkaTestClient.await(
                        "tasks.events",
                        r -> r.key().equals(id) && r.value().contains("progress.reported.v1"),
                        4,
                        Duration.ofSeconds(30)))
                .hasSize(4);
    }

    @Test
    void aUnitThatReviewsItsOwnReportIsToldAboutMakerCheckerNotThatItIsNoLead() {
        String plan = TestPlans.importShared().getString("plan.id");
        // 市商务局 leads task (44) and reports on its own assignment of it
        String own = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("planId", plan)
                .queryParam("taskNumber", 44)
                .queryParam("department", "swj")
                .get("/api/tasks/assignments")
                .then()
                .extract()
                .jsonPath()
                .getString("items[0].id");
        String swj = department("swj");
        move(swj, own, "START", move(swj, own, "ACCEPT", 0));
        long awaiting = departmentDashboard(swj).getLong("reports.awaitingReview");
        JsonPath submitted = submit(swj, own, "2025-02", 201);
        String report = submitted.getString("id");
        JsonPath dashboard = departmentDashboard(swj);
        assertThat(dashboard.getLong("reports.awaitingReview")).isEqualTo(awaiting + 1);
        String stored = given().auth()
                .oauth2(swj)
                .get("/api/tasks/assignments/" + own + "/reports")
                .then()
                .extract()
                .jsonPath()
                .getString("find { it.id == '" + report + "' }.submittedAt");
        assertThat(Instant.parse(dashboard.getString("reports.lastReportAt"))).isEqualTo(Instant.parse(stored));
        assertThat(dashboard.getInt("reports.percentComplete")).isBetween(0, 100);

        JsonPath refused = review(swj, report, "ACCEPT", null, 0, 403);
        assertThat(refused.getString("type")).endsWith(":maker-checker");
        assertThat(refused.getString("detail")).contains("审报分离");
        given().auth()
                .oauth2(swj)
                .header("Accept-Language", "en")
                .contentType("application/json")
                .body(Map.of("decision", "ACCEPT", "version", 0))
                .post("/api/tasks/progress-reports/" + report + "/review")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("A report is never accepted by the unit that wrote it"));
        // another lead department of the task is told that the city reviews a department's own work
        JsonPath other = review(department("gxs"), report, "ACCEPT", null, 0, 403);
        assertThat(other.getString("type")).endsWith(":city-reviews-departments");
        // nor does it confirm the completion it requested itself
        int v = given().auth()
                .oauth2(swj)
                .get("/api/tasks/assignments/" + own)
                .then()
                .extract()
                .jsonPath()
                .getInt("version");
        v = move(swj, own, "REQUEST_COMPLETION", v);
        given().auth()
                .oauth2(swj)
                .contentType("application/json")
                .body(Map.of("action", "CONFIRM", "version", v))
                .post("/api/tasks/assignments/" + own + "/transitions")
                .then()
                .statusCode(403)
                .body("type", endsWith(":maker-checker"));
        review(TestTokens.cityAdmin(), report, "ACCEPT", null, 0, 200);
        assertThat(departmentDashboard(swj).getLong("reports.awaitingReview")).isEqualTo(awaiting);
    }

    static JsonPath departmentDashboard(String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/tasks/dashboard/departments/swj")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Inject
    SupervisionService supervision;

    /**
     * In June 2024, before every milestone of the plan, so that the supervision runs here flag only
     * this assignment.
     */
    @Test
    void remindersGoOutSevenDaysAndOneDayBeforeTheDueDateOnceEach() {
        String plan = TestPlans.importShared().getString("plan.id");
        String id = assignment(plan, 22, "141122").getString("items[0].id");
        TestClock.set(Instant.parse("2024-06-01T01:00:00Z"));
        int version = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/assignments/" + id)
                .then()
                .extract()
                .jsonPath()
                .getInt("version");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("application/json")
                .body(Map.of("dueDate", "2024-06-06", "version", version))
                .put("/api/tasks/assignments/" + id + "/due-date")
                .then()
                .statusCode(200);
        String county = TestTokens.countyOfficer("141122");
        String mine = "findAll { it.assignmentId == '" + id + "' && it.reason == 'DUE_SOON' }";

        // five days ahead: the 7-day reminder, once however often the jobs run that day
        assertThat(supervision.remindOncePerDay()).isPositive();
        assertThat(supervision.remindOncePerDay()).as("the day is claimed").isZero();
        run();
        JsonPath notices = notices(county);
        assertThat(notices.getList(mine + ".daysBefore", Integer.class)).containsExactly(7);
        assertThat(notices.getString("find { it.assignmentId == '" + id + "' }.documentNumber"))
                .isEqualTo("吕政发〔2024〕4号");

        // the day before: the 1-day reminder, which resolves the 7-day one; never escalated
        TestClock.set(Instant.parse("2024-06-05T01:00:00Z"));
        run();
        assertThat(supervision.remindOncePerDay()).isZero();
        notices = notices(county);
        assertThat(notices.getList(mine + ".daysBefore", Integer.class)).containsExactlyInAnyOrder(7, 1);
        assertThat(notices.getString("find { it.assignmentId == '" + id + "' && it.daysBefore == 7 }.status"))
                .isEqualTo("RESOLVED");
        assertThat(notices.getList(mine + ".level", Integer.class)).containsOnly(1);

        // past the due date the reminder resolves and the overdue notice takes over
        TestClock.set(Instant.parse("2024-06-20T01:00:00Z"));
        run();
        notices = notices(county);
        assertThat(notices.getList(mine + ".status")).containsOnly("RESOLVED");
        assertThat(notices.getList("findAll { it.assignmentId == '" + id + "' }.reason"))
                .contains("OVERDUE");

        assertThat(KafkaTestClient.await(
                        "tasks.events",
                        r -> r.key().equals(id) && r.value().contains("\"DUE_SOON\""),
                        2,
                        Duration.ofSeconds(30)))
                .hasSize(2);
    }

    @Test
    void supervisionFlagsOverdueWorkAndMissingReportsEscalatesAndResolves() {
        String plan = TestPlans.importShared().getString("plan.id");
        String county = TestTokens.countyOfficer("141128");
        String id = assignment(plan, 21, "141128").getString("items[0].id");
        move(county, id, "ACCEPT", 0);

        TestClock.set(Instant.parse("2027-02-10T02:00:00Z"));
        run();
        JsonPath notices = notices(county);
        assertThat(notices.getList("findAll { it.assignmentId == '" + id + "' }.reason"))
                .containsExactly("MISSING_REPORT");
        assertThat(notices.getString("find { it.assignmentId == '" + id + "' }.period"))
                .isEqualTo("2027-01");
        assertThat(notices.getList("findAll { it.reason == 'OVERDUE' }.taskNumber", Integer.class))
                .contains(10, 12);
        assertThat(notices.getList("countyCode")).containsOnly("141128");
        assertThat(notices.getList("documentNumber")).doesNotContainNull().contains("吕政发〔2024〕4号");

        // "what is overdue for me"
        JsonPath overdue = given().auth()
                .oauth2(county)
                .get("/api/tasks/supervision/overdue")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(overdue.getList("assignments.taskNumber", Integer.class)).contains(10, 12);
        assertThat(overdue.getList("assignments.countyCode")).containsOnly("141128");

        // a second run issues nothing new for the same causes
        int before = notices(county).getList("id").size();
        run();
        assertThat(notices(county).getList("id")).hasSize(before);

        // a week later the open notices escalate
        TestClock.set(Instant.parse("2027-02-18T02:00:00Z"));
        run();
        assertThat(notices(county).getInt("find { it.assignmentId == '" + id + "' }.level"))
                .isEqualTo(2);

        // the report arrives: the notice is resolved
        submit(county, id, "2027-01", 201);
        run();
        assertThat(notices(county).getString("find { it.assignmentId == '" + id + "' }.status"))
                .isEqualTo("RESOLVED");

        assertThat(KafkaTestClient.await(
                        "tasks.events",
                        r -> r.key().equals(id) && r.value().contains("supervision.notice-issued.v1"),
                        2,
                        Duration.ofSeconds(30)))
                .hasSize(2);

        // dashboards
        given().auth()
                .oauth2(county)
                .get("/api/tasks/dashboard/counties/141128")
                .then()
                .statusCode(200)
                .body("name", equalTo("方山县"))
                .body("assignmentsByStatus", hasKey("ACCEPTED"))
                .body("indicators.size()", equalTo(10));
        JsonPath dashboard = given().auth()
                .oauth2(county)
                .get("/api/tasks/dashboard/counties/141128")
                .then()
                .extract()
                .jsonPath();
        assertThat(dashboard.getInt("overdue")).isGreaterThanOrEqualTo(2);
        assertThat(dashboard.getInt("openNotices")).isGreaterThanOrEqualTo(2);
        assertThat(dashboard.getInt("assignmentsByStatus.ACCEPTED")).isGreaterThanOrEqualTo(1);
        given().auth()
                .oauth2(county)
                .get("/api/tasks/dashboard/counties/141129")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.auditor())
                .get("/api/tasks/dashboard/city")
                .then()
                .statusCode(200)
                .body("overdueByCounty", hasKey("141128"));
        given().auth()
                .oauth2(department("nyncj"))
                .get("/api/tasks/dashboard/departments/nyncj")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(department("cgj"))
                .get("/api/tasks/dashboard/departments/nyncj")
                .then()
                .statusCode(404);
        given().auth().oauth2(county).post("/api/tasks/supervision/runs").then().statusCode(403);
    }

    static void run() {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .post("/api/tasks/supervision/runs")
                .then()
                .statusCode(200);
    }

    static JsonPath notices(String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/tasks/supervision/notices")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
