package cn.gov.lvliang.renewal.tasks.assignments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.tasks.TestClock;
import cn.gov.lvliang.renewal.tasks.TestPlans;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Assignments of the shared plan: scoping, moves, review by the lead department, overdue. */
@QuarkusTest
class AssignmentTest {

    static final String PATH = "/api/tasks/assignments";

    static String planId() {
        return TestPlans.importShared().getString("plan.id");
    }

    static String department(String code) {
        return TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of(Caller.DEPARTMENT_CLAIM, code));
    }

    static JsonPath list(String token, String planId, Map<String, ?> query) {
        return given().auth()
                .oauth2(token)
                .queryParam("planId", planId)
                .queryParam("size", 200)
                .queryParams(query)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static String assignmentOf(String planId, int task, String county) {
        return list(TestTokens.cityAdmin(), planId, Map.of("taskNumber", task, "county", county))
                .getString("items[0].id");
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aCountyOfficerListsOnlyItsCountysAssignmentsAndCannotFetchAnotherCountys() {
        String plan = planId();
        JsonPath mine = list(TestTokens.countyOfficer("141102"), plan, Map.of());
        assertThat(mine.getInt("total")).isEqualTo(50);
        assertThat(mine.getList("items.countyCode")).containsOnly("141102");

        String other = assignmentOf(plan, 1, "141123");
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get(PATH + "/" + other)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get(PATH + "/" + other + "/history")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141123"))
                .get(PATH + "/" + other)
                .then()
                .statusCode(200);
    }

    @Test
    void everyTaskIsAssignedToItsLeadDepartmentsAndTheThirteenCounties() {
        String plan = planId();
        JsonPath task1 = list(TestTokens.cityAdmin(), plan, Map.of("taskNumber", 1));
        assertThat(task1.getInt("total")).isEqualTo(4 + 13);
        assertThat(task1.getList("items.departmentCode")).contains("gxj", "nyj", "zrzyj", "sthjj");
        // co-operating companies get no assignment
        JsonPath task2 = list(TestTokens.cityAdmin(), plan, Map.of("taskNumber", 2, "department", "gwll"));
        assertThat(task2.getInt("total")).isZero();
        // task 50's cut-off departments produce no department assignment, the counties still implement it
        assertThat(list(TestTokens.cityAdmin(), plan, Map.of("taskNumber", 50)).getInt("total"))
                .isEqualTo(13);
        // due date from the milestone of task 10
        JsonPath task10 = list(TestTokens.cityAdmin(), plan, Map.of("taskNumber", 10, "county", "141124"));
        assertThat(task10.getString("items[0].dueDate")).isEqualTo("2025-12-31");
        assertThat(task10.getString("items[0].dueDateSource")).isEqualTo("MILESTONE");
        // a department officer sees the tasks its department leads only
        JsonPath cgj = list(department("cgj"), plan, Map.of());
        assertThat(cgj.getList("items.taskNumber", Integer.class))
                .allMatch(n -> java.util.Set.of(11, 12, 13, 14, 41, 47).contains(n));
    }

    @Test
    void theCountyWorksTheAssignmentAndTheLeadDepartmentConfirmsCompletion() {
        String plan = planId();
        String id = assignmentOf(plan, 9, "141124");
        String county = TestTokens.countyOfficer("141124");
        int v = move(county, id, "ACCEPT", null, 0, 200).getInt("version");
        v = move(county, id, "START", null, v, 200).getInt("version");
        move(county, id, "CONFIRM", null, v, 403);
        move(county, id, "ACCEPT", null, v, 409);
        v = move(county, id, "REQUEST_COMPLETION", null, v, 200).getInt("version");
        // a department that does not lead task 9 does not even see it
        move(department("cgj"), id, "CONFIRM", null, v, 404);
        move(department("zjj"), id, "RETURN", null, v, 400);
        v = move(department("zjj"), id, "RETURN", "请补充节能改造清单", v, 200).getInt("version");
        v = move(county, id, "RESUME", null, v, 200).getInt("version");
        v = move(county, id, "REQUEST_COMPLETION", null, v, 200).getInt("version");
        move(county, id, "REQUEST_COMPLETION", null, v - 1, 409);
        JsonPath done = move(department("zjj"), id, "CONFIRM", null, v, 200);
        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getString("completedAt")).isNotNull();

        JsonPath history = given().auth()
                .oauth2(county)
                .get(PATH + "/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getList("action"))
                .containsExactly(
                        "ASSIGN",
                        "ACCEPT",
                        "START",
                        "REQUEST_COMPLETION",
                        "RETURN",
                        "RESUME",
                        "REQUEST_COMPLETION",
                        "CONFIRM");
        assertThat(history.getString("find { it.action == 'RETURN' }.comment")).isEqualTo("请补充节能改造清单");
        given().auth()
                .oauth2(TestTokens.auditor())
                .contentType("application/json")
                .body(Map.of("action", "ACCEPT", "version", 0))
                .post(PATH + "/" + id + "/transitions")
                .then()
                .statusCode(403);

        assertThat(KafkaTestClient.await(
                        "tasks.events",
                        r -> r.key().equals(id) && r.value().contains("assignment.status-changed.v1"),
                        7,
                        Duration.ofSeconds(30)))
                .hasSize(7);
        assertThat(KafkaTestClient.await(
                        "tasks.events",
                        r -> r.key().equals(id) && r.value().contains("task.assigned.v1"),
                        1,
                        Duration.ofSeconds(30)))
                .hasSize(1);
    }

    @Test
    void overdueIsComputedWithTheClock() {
        String plan = planId();
        String county = TestTokens.countyOfficer("141130");
        TestClock.set(Instant.parse("2025-12-31T10:00:00Z"));
        assertThat(list(county, plan, Map.of("overdue", true)).getInt("total")).isZero();
        TestClock.set(Instant.parse("2026-01-01T10:00:00Z"));
        JsonPath overdue = list(county, plan, Map.of("overdue", true));
        assertThat(overdue.getList("items.taskNumber", Integer.class)).containsExactly(10, 12);
        assertThat(overdue.getList("items.overdue", Boolean.class)).containsOnly(true);

        String id = assignmentOf(plan, 1, "141130");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("application/json")
                .body(Map.of("dueDate", "2025-06-30", "version", 0))
                .put(PATH + "/" + id + "/due-date")
                .then()
                .statusCode(200)
                .body("dueDateSource", equalTo("CITY"))
                .body("overdue", equalTo(true));
        assertThat(list(county, plan, Map.of("overdue", true)).getList("items.taskNumber", Integer.class))
                .containsExactly(1, 10, 12);
    }

    @Test
    void theCitySetsATasksDueDateForAllItsOpenAssignments() {
        String plan = planId();
        String taskId =
                list(TestTokens.cityAdmin(), plan, Map.of("taskNumber", 25)).getString("items[0].taskId");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("application/json")
                .body(Map.of("dueDate", "2026-06-30"))
                .put(PATH + "/by-task/" + taskId + "/due-date")
                .then()
                .statusCode(200)
                .body("updated", equalTo(14));
        assertThat(list(TestTokens.cityAdmin(), plan, Map.of("taskNumber", 25)).getList("items.dueDateSource"))
                .containsOnly("CITY");
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .contentType("application/json")
                .body(Map.of("dueDate", "2026-06-30"))
                .put(PATH + "/by-task/" + taskId + "/due-date")
                .then()
                .statusCode(403);
    }

    static JsonPath move(String token, String id, String action, String comment, int version, int status) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("action", action);
        body.put("version", version);
        if (comment != null) {
            body.put("comment", comment);
        }
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post(PATH + "/" + id + "/transitions")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }
}
