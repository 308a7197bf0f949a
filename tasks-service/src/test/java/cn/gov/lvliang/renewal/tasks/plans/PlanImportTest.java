package cn.gov.lvliang.renewal.tasks.plans;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.tasks.TestPlans;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The import endpoint on the shared document, its idempotency, versions and uploads. */
@QuarkusTest
class PlanImportTest {

    @Test
    void importingTheSharedDocumentAnswersThePlanAndTheReport() {
        JsonPath plan = TestPlans.importShared();
        String id = plan.getString("plan.id");
        assertThat(plan.getString("plan.documentNumber")).isEqualTo("吕政发〔2024〕4号");
        assertThat(plan.getInt("report.found.actions")).isEqualTo(3);
        assertThat(plan.getInt("report.found.projects")).isEqualTo(14);
        assertThat(plan.getInt("report.found.tasks")).isEqualTo(50);
        assertThat(plan.getInt("report.announced.tasks")).isEqualTo(55);
        assertThat(plan.getList("report.findings.code"))
                .contains("TEXT_TRUNCATED", "DEPARTMENTS_INCOMPLETE", "MISSING_TASKS", "MISSING_ACTIONS");

        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get("/api/tasks/plans/" + id)
                .then()
                .statusCode(200)
                .body("actions", hasSize(3))
                .body(
                        "actions[0].projects[0].tasks[0].leadDepartments.name",
                        contains("市工信局", "市能源局", "市规划和自然资源局", "市生态环境局"))
                .body(
                        "actions[0].projects[1].tasks.find { it.number == 11 }.leadDepartments.name",
                        contains("市城管局", "市住建局", "市数据局"))
                .body("actions[0].projects[1].tasks.find { it.number == 10 }.leadDepartments.name", contains("市住建局"))
                .body(
                        "actions[0].projects[1].tasks.find { it.number == 10 }.milestones[0].dueDate",
                        equalTo("2025-12-31"))
                .body(
                        "actions[0].projects[1].tasks.find { it.number == 10 }.milestones[0].quantities[0].value",
                        equalTo(659))
                .body("actions[0].projects[0].tasks[1].cooperatingUnits.name", contains("国网吕梁分公司", "地方电力吕梁分公司"))
                .body("rules[0].code", equalTo("ALL_COUNTIES_IMPLEMENT_EVERY_TASK"))
                .body("citedDocuments[0].documentNumber", equalTo("晋政发〔2024〕10号"));

        // importing it again creates nothing new
        long plans = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/plans")
                .then()
                .extract()
                .jsonPath()
                .getLong("total");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("text/plain; charset=utf-8")
                .body(TestPlans.SHARED.getBytes(StandardCharsets.UTF_8))
                .post("/api/tasks/plans/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(false))
                .body("plan.id", equalTo(id));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/plans")
                .then()
                .body("total", equalTo((int) plans));

        assertThat(KafkaTestClient.await(
                        "tasks.events",
                        r -> r.key().equals(id) && r.value().contains("plan.imported.v1"),
                        1,
                        Duration.ofSeconds(30)))
                .hasSize(1);
    }

    @Test
    void aDepartmentOfficerSeesOnlyTheTasksItsDepartmentLeads() {
        String id = TestPlans.importShared().getString("plan.id");
        String token = TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of(Caller.DEPARTMENT_CLAIM, "cgj"));
        JsonPath tasks = given().auth()
                .oauth2(token)
                .queryParam("size", 200)
                .get("/api/tasks/plans/" + id + "/tasks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(tasks.getList("items.number", Integer.class)).containsExactly(11, 12, 13, 14, 41, 47);
        String task1 = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("size", 1)
                .get("/api/tasks/plans/" + id + "/tasks")
                .then()
                .extract()
                .jsonPath()
                .getString("items[0].id");
        given().auth().oauth2(token).get("/api/tasks/tasks/" + task1).then().statusCode(404);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/tasks/" + task1)
                .then()
                .statusCode(200)
                .body("number", equalTo(1));
    }

    @Test
    void aRevisedDocumentIsANewVersionWithADiff() {
        String revisedNumber = "吕政发〔2099〕7号";
        String base = TestPlans.SHARED.replace("吕政发〔2024〕4号", revisedNumber);
        JsonPath first = TestPlans.importText(base, 201);
        String removedTask = base.substring(base.indexOf("(9)实施建筑节能改造"), base.indexOf("(10)开展老旧小区"));
        String revised = base.replace(removedTask, "")
                .replace("(13)推进城市环境卫生设施设备更新改造。", "(13)推进城市环境卫生设施设备更新改造。新增一句。")
                .replace("(市工信局、市科技局按照职责分工负责)\n", "(市工信局、市科技局按照职责分工负责)\n(51)新增的任务。新增内容。(市商务局负责)\n");
        JsonPath second = TestPlans.importText(revised, 201);
        assertThat(second.getInt("plan.version")).isEqualTo(first.getInt("plan.version") + 1);
        assertThat(second.getString("plan.previousPlanId")).isEqualTo(first.getString("plan.id"));
        assertThat(second.getList("plan.diff.removed.title")).containsExactly("实施建筑节能改造");
        assertThat(second.getList("plan.diff.added.title")).containsExactly("新增的任务");
        assertThat(second.getList("plan.diff.changed.title")).contains("推进城市环境卫生设施设备更新改造");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/plans/" + first.getString("plan.id"))
                .then()
                .body("status", equalTo("SUPERSEDED"));
    }

    @Test
    void concurrentImportsOfTheSameTextStoreOnePlan() throws Exception {
        String number = "吕政发〔2097〕3号";
        String text = TestPlans.SHARED.replace("吕政发〔2024〕4号", number);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var results = pool.invokeAll(java.util.List.<java.util.concurrent.Callable<Integer>>of(
                    () -> post(text), () -> post(text), () -> post(text)));
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var r : results) {
                statuses.add(r.get());
            }
            assertThat(statuses).containsOnly(200, 201).contains(201);
        } finally {
            pool.shutdown();
        }
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("documentNumber", number)
                .get("/api/tasks/plans")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
    }

    private static int post(String text) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("text/plain; charset=utf-8")
                .body(text.getBytes(StandardCharsets.UTF_8))
                .post("/api/tasks/plans/import")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void aDocxUploadIsReadParagraphByParagraph() throws IOException {
        String number = "吕政发〔2098〕1号";
        String text = TestPlans.SHARED.replace("吕政发〔2024〕4号", number);
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        for (String line : text.split("\n")) {
            xml.append("<w:p><w:r><w:t>")
                    .append(line.replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</w:t></w:r></w:p>");
        }
        xml.append("</w:body></w:document>");
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(docx)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .multiPart(
                        "file",
                        "plan.docx",
                        docx.toByteArray(),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .post("/api/tasks/plans/import")
                .then()
                .statusCode(201)
                .body("plan.documentNumber", equalTo(number))
                .body("report.found.tasks", equalTo(50));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .multiPart("file", "plan.docx", "not a zip".getBytes(StandardCharsets.UTF_8))
                .post("/api/tasks/plans/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("text/plain; charset=utf-8")
                .body("hello\nworld".getBytes(StandardCharsets.UTF_8))
                .post("/api/tasks/plans/import")
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:lvliang:renewal:problem:plan-unparseable"));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("text/plain; charset=utf-8")
                .body(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41})
                .post("/api/tasks/plans/import")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .contentType("text/plain; charset=utf-8")
                .body(TestPlans.SHARED.getBytes(StandardCharsets.UTF_8))
                .post("/api/tasks/plans/import")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/plans/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .body("status", equalTo(404));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/departments")
                .then()
                .statusCode(200);
    }

    @Test
    void theDepartmentDirectoryComesFromTheDocument() {
        TestPlans.importShared();
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/departments")
                .then()
                .statusCode(200)
                .body("code", hasItem("zjj"))
                .body("find { it.code == 'gwll' }.kind", equalTo("COMPANY"));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/implementing-units")
                .then()
                .statusCode(200)
                .body("findAll { it.kind == 'COUNTY' }", hasSize(13))
                .body("name", hasItem("吕梁新区"));
    }
}
