package cn.gov.lvliang.renewal.tasks.plans;

import static cn.gov.lvliang.renewal.tasks.TestAssignments.department;
import static cn.gov.lvliang.renewal.tasks.TestAssignments.history;
import static cn.gov.lvliang.renewal.tasks.TestAssignments.move;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.tasks.TestPlans;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A revised policy document through the API, as the city would import it: the work done on tasks
 * that continue survives on the new version, removed tasks and dropped lead departments are
 * withdrawn, the diff names what changed, and a revision appended after the truncated task (50) is
 * read as new action, project and task (decision 0019).
 */
@QuarkusTest
class PlanRevisionTest {

    /** The assignment of {@code task} in plan {@code planId} given to a county or department. */
    static JsonPath assignments(String planId, int task, String filter, String code) {
        var request = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("planId", planId)
                .queryParam("taskNumber", task)
                .queryParam("size", 200);
        if (filter != null) {
            request = request.queryParam(filter, code);
        }
        return request.get("/api/tasks/assignments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static JsonPath get(String id) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/assignments/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static int report(String token, String id, String narrative) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("period", "2025-03", "narrative", narrative, "percentComplete", 40))
                .post("/api/tasks/assignments/" + id + "/reports")
                .then()
                .extract()
                .statusCode();
    }

    /** Accepts, starts and reports on an assignment; returns its id. */
    static String reported(String token, String id, String narrative) {
        move(token, id, "START", move(token, id, "ACCEPT", 0));
        assertThat(report(token, id, narrative)).isEqualTo(201);
        return id;
    }

    @Test
    void aRevisionKeepsTheReportsWithdrawsRemovedTasksAndClosesTheDroppedLead() {
        String number = "吕政发〔2096〕2号";
        String base = TestPlans.SHARED.replace("吕政发〔2024〕4号", number);
        String v1 = TestPlans.importText(base, 201).getString("plan.id");

        String a32 = reported(
                TestTokens.countyOfficer("141124"),
                assignments(v1, 32, "county", "141124").getString("items[0].id"),
                "临县汽车以旧换新活动已开展");
        String a41 = reported(
                department("swj"), assignments(v1, 41, "department", "swj").getString("items[0].id"), "三级回收网络建设完成四成");
        String a8Dropped = assignments(v1, 8, "department", "scjgj").getString("items[0].id");
        String a8Kept = assignments(v1, 8, "department", "zjj").getString("items[0].id");
        move(department("zjj"), a8Kept, "ACCEPT", 0);
        List<String> task7 = assignments(v1, 7, null, null).getList("items.id");
        assertThat(task7).hasSize(5 + 13);

        // the revision: task (7) removed, task (8) led by 市住建局 and 市城管局 instead of 市市场监管局
        String removed = base.substring(base.indexOf("(7)按规定淘汰设备"), base.indexOf("2.建筑和市政基础设施设备更新工程"));
        String task8 = base.substring(base.indexOf("(8)更新老旧电梯"), base.indexOf("(9)实施建筑节能改造"));
        String revised =
                base.replace(removed, "").replace(task8, task8.replace("(市市场监管局、市住建局按照职责分工负责)", "(市住建局、市城管局按照职责分工负责)"));
        JsonPath second = TestPlans.importText(revised, 201);
        String v2 = second.getString("plan.id");

        // the diff says exactly what changed
        assertThat(second.getList("plan.diff.removed.number", Integer.class)).containsExactly(7);
        Map<String, Object> change = second.getMap("plan.diff.changed.find { it.number == 8 }");
        assertThat(change.get("changes")).isEqualTo(List.of("text", "leads"));
        assertThat((String) change.get("previousText")).endsWith("(市市场监管局、市住建局按照职责分工负责)");
        assertThat((String) change.get("text")).endsWith("(市住建局、市城管局按照职责分工负责)");
        assertThat(change.get("leadsAdded")).isEqualTo(List.of("市城管局"));
        assertThat(change.get("leadsRemoved")).isEqualTo(List.of("市市场监管局"));

        // the reports of 32 and 41 survive on the new version, with the state and history
        for (String id : List.of(a32, a41)) {
            JsonPath a = get(id);
            assertThat(a.getString("planId")).isEqualTo(v2);
            assertThat(a.getString("status")).isEqualTo("IN_PROGRESS");
            assertThat(given().auth()
                            .oauth2(TestTokens.cityAdmin())
                            .get("/api/tasks/assignments/" + id + "/reports")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("percentComplete", Integer.class))
                    .containsExactly(40);
            assertThat(history(id).getList("action")).containsExactly("ASSIGN", "ACCEPT", "START", "CARRY_OVER");
        }
        assertThat(assignments(v2, 32, "county", "141124").getList("items.id")).containsExactly(a32);
        assertThat(assignments(v2, 41, "department", "swj").getList("items.id")).containsExactly(a41);
        assertThat(get(a32).getInt("taskNumber")).isEqualTo(32);

        // 7's assignments are withdrawn, naming the version; the new version has none for 7
        for (String id : task7) {
            JsonPath a = get(id);
            assertThat(a.getString("status")).isEqualTo("WITHDRAWN");
            assertThat(a.getString("planId")).isEqualTo(v1);
            assertThat(a.getString("withdrawnByPlanId")).isEqualTo(v2);
            assertThat(a.getInt("withdrawnInVersion")).isEqualTo(2);
        }
        assertThat(history(task7.get(0)).getString("find { it.action == 'WITHDRAW' }.comment"))
                .contains("第2版", "version 2");
        assertThat(assignments(v2, 7, null, null).getInt("total")).isZero();

        // 8: the dropped lead's assignment is closed; the kept lead's carries over; the new lead gets one
        assertThat(get(a8Dropped).getString("status")).isEqualTo("WITHDRAWN");
        JsonPath kept = get(a8Kept);
        assertThat(kept.getString("planId")).isEqualTo(v2);
        assertThat(kept.getString("status")).isEqualTo("ACCEPTED");
        assertThat(assignments(v2, 8, "department", "cgj").getString("items[0].status"))
                .isEqualTo("ASSIGNED");
        assertThat(assignments(v2, 8, "county", "141124").getInt("total")).isEqualTo(1);

        // a withdrawn assignment takes no report; the city sees the withdrawal on the stream
        String county7 = assignments(v1, 7, "county", "141124").getString("items[0].id");
        assertThat(report(TestTokens.countyOfficer("141124"), county7, "迟到的报告")).isEqualTo(409);
        assertThat(KafkaTestClient.await(
                        "tasks.events",
                        r -> r.key().equals(a8Dropped) && r.value().contains("\"WITHDRAWN\""),
                        1,
                        Duration.ofSeconds(30)))
                .hasSize(1);
        assertThat(KafkaTestClient.await(
                        "tasks.events",
                        r -> r.key().equals(a32) && r.value().contains("\"CARRY_OVER\""),
                        1,
                        Duration.ofSeconds(30)))
                .hasSize(1);
    }

    @Test
    void aRevisionAppendingAfterTheTruncatedTaskFiftyAddsAnActionAProjectAndATask() {
        String base = TestPlans.SHARED.replace("吕政发〔2024〕4号", "吕政发〔2096〕3号");
        JsonPath first = TestPlans.importText(base, 201);
        List<String> task50 =
                assignments(first.getString("plan.id"), 50, null, null).getList("items.id");
        JsonPath second = TestPlans.importText(base + TestPlans.APPENDED_ACTION, 201);

        assertThat(second.getInt("report.found.actions")).isEqualTo(4);
        assertThat(second.getInt("report.found.projects")).isEqualTo(15);
        assertThat(second.getInt("report.found.tasks")).isEqualTo(51);
        assertThat(second.getList("plan.diff.added.number", Integer.class)).containsExactly(51);
        assertThat(second.getList("plan.diff.removed")).isEmpty();
        assertThat(second.getList("plan.diff.changed")).isEmpty();
        for (JsonPath version : List.of(first, second)) {
            assertThat(version.getList("report.findings.findAll { it.taskNumber == 50 }.code"))
                    .containsExactlyInAnyOrder("TEXT_TRUNCATED", "DEPARTMENTS_INCOMPLETE");
            assertThat(version.getString("report.findings.find { it.code == 'DEPARTMENTS_INCOMPLETE' }.message"))
                    .startsWith("任务(50)");
            assertThat(version.getString("report.findings.find { it.code == 'DEPARTMENTS_INCOMPLETE' }.messageEn"))
                    .contains("task (50)");
        }
        String v2 = second.getString("plan.id");
        assertThat(given().auth()
                        .oauth2(TestTokens.cityAdmin())
                        .get("/api/tasks/plans/" + v2)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("actions[3].projects[0].tasks[0].leadDepartments.name"))
                .containsExactly("市发展改革委", "市工信局");
        // task (50)'s counties keep their assignments; (51) gets its own
        assertThat(task50).hasSize(13);
        assertThat(assignments(v2, 50, null, null).getList("items.id")).containsExactlyInAnyOrderElementsOf(task50);
        assertThat(assignments(v2, 51, null, null).getInt("total")).isEqualTo(2 + 13);
    }
}
