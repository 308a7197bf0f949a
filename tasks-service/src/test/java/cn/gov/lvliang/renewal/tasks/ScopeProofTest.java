package cn.gov.lvliang.renewal.tasks;

import static io.restassured.RestAssured.given;

import cn.gov.lvliang.renewal.testing.TestTokens;
import cn.gov.lvliang.renewal.testing.security.ScopeProof;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/**
 * Every scoped read of this service, proven per role (docs/security.md "How the scope is proven"),
 * over the shared plan: side A is 离石区 (141102) and 市工信局 (gxj), side B 兴县 (141123) and
 * 市农业农村局 (nyncj); a county's records are its assignments, a department's its tasks and their
 * assignments.
 */
@QuarkusTest
class ScopeProofTest extends ScopeProof {

    private static final String COUNTY_A = "141102";
    private static final String COUNTY_B = "141123";
    private static final String DEPARTMENT_A = "gxj";
    private static final String DEPARTMENT_B = "nyncj";

    private static Fixture fixture;

    @Override
    protected String module() {
        return "tasks-service";
    }

    @Override
    protected Fixture fixture() {
        if (fixture != null) {
            return fixture;
        }
        String plan = TestPlans.importShared().getString("plan.id");
        List<Map<String, Object>> tasks = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("size", 200)
                .get("/api/tasks/plans/" + plan + "/tasks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        Map<String, Object> taskA = ledOnlyBy(tasks, DEPARTMENT_A, DEPARTMENT_B);
        Map<String, Object> taskB = ledOnlyBy(tasks, DEPARTMENT_B, DEPARTMENT_A);
        int numberA = (Integer) taskA.get("number");
        int numberB = (Integer) taskB.get("number");
        String countyA = assignment(plan, 2, Map.of("county", COUNTY_A));
        String countyB = assignment(plan, 2, Map.of("county", COUNTY_B));
        String departmentA = assignment(plan, numberA, Map.of("department", DEPARTMENT_A));
        String departmentB = assignment(plan, numberB, Map.of("department", DEPARTMENT_B));
        Map<String, String> wide = Map.of("size", "200");
        Map<String, Reach> reaches = new java.util.HashMap<>();
        reaches.put(
                "GET /api/tasks/assignments as COUNTY",
                Reach.list(countyA, countyB)
                        .narrowedBy(
                                Map.of("planId", plan, "taskNumber", "2", "county", COUNTY_A),
                                Map.of("planId", plan, "taskNumber", "2", "county", COUNTY_B))
                        .with(wide));
        reaches.put(
                "GET /api/tasks/assignments as DEPARTMENT",
                Reach.list(departmentA, departmentB)
                        .narrowedBy(
                                Map.of("planId", plan, "taskNumber", String.valueOf(numberA)),
                                Map.of("planId", plan, "taskNumber", String.valueOf(numberB)))
                        .with(wide));
        for (String read : List.of("", "/history", "/reports")) {
            String key = "GET /api/tasks/assignments/{id}" + read;
            reaches.put(key + " as COUNTY", Reach.byId("id", countyA, countyB));
            reaches.put(key + " as DEPARTMENT", Reach.byId("id", departmentA, departmentB));
        }
        reaches.put("GET /api/tasks/dashboard/counties/{code}", Reach.byId("code", COUNTY_A, COUNTY_B));
        reaches.put("GET /api/tasks/dashboard/departments/{code}", Reach.byId("code", DEPARTMENT_A, DEPARTMENT_B));
        String idA = String.valueOf(taskA.get("id"));
        String idB = String.valueOf(taskB.get("id"));
        reaches.put("GET /api/tasks/tasks/{id}", Reach.byId("id", idA, idB));
        reaches.put("GET /api/tasks/plans/{id}", Reach.list(idA, idB).at(Map.of("id", plan)));
        reaches.put(
                "GET /api/tasks/plans/{id}/tasks",
                Reach.list(idA, idB).at(Map.of("id", plan)).with(wide));
        // Overdue work: the counties' assignments of tasks 10 and 12 are due 2025-12-31 (a milestone
        // of the plan, past by the real clock); the departments' own assignments of their tasks get
        // a due date in the past from the city (as AssignmentTest does for one county's), used by no
        // other test. A supervision run turns them into notices.
        String overdueCountyA = overdue(plan, TestTokens.countyOfficer(COUNTY_A));
        String overdueCountyB = overdue(plan, TestTokens.countyOfficer(COUNTY_B));
        pastDue(departmentA);
        pastDue(departmentB);
        String overdueDepartmentA = departmentA;
        String overdueDepartmentB = departmentB;
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .post("/api/tasks/supervision/runs")
                .then()
                .statusCode(200);
        for (String read : List.of("/overdue", "/notices")) {
            String key = "GET /api/tasks/supervision" + read;
            reaches.put(key + " as COUNTY", Reach.list(overdueCountyA, overdueCountyB));
            reaches.put(key + " as DEPARTMENT", Reach.list(overdueDepartmentA, overdueDepartmentB));
        }
        fixture = new Fixture(side("A", COUNTY_A, DEPARTMENT_A), side("B", COUNTY_B, DEPARTMENT_B), reaches);
        return fixture;
    }

    private static Side side(String name, String county, String department) {
        return Side.of(name, county, department.toUpperCase(java.util.Locale.ROOT), null)
                .filtering(Map.of("department", department));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ledOnlyBy(List<Map<String, Object>> tasks, String lead, String not) {
        return tasks.stream()
                .filter(task -> {
                    List<Object> codes = ((List<Map<String, Object>>) task.get("leadDepartments"))
                            .stream().map(ref -> ref.get("code")).toList();
                    return codes.contains(lead) && !codes.contains(not);
                })
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no task of the shared plan led by " + lead));
    }

    /** The first open assignment of the plan past its due date that the caller reads; its id. */
    private static String overdue(String plan, String token) {
        List<Map<String, Object>> items = given().auth()
                .oauth2(token)
                .queryParam("planId", plan)
                .queryParam("overdue", true)
                .queryParam("size", 200)
                .get("/api/tasks/assignments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return items.stream()
                .map(item -> String.valueOf(item.get("id")))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("no overdue assignment of plan " + plan + " for the caller"));
    }

    /** The city moves the assignment's due date into the past. */
    private static void pastDue(String assignment) {
        int version = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/assignments/" + assignment)
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType("application/json")
                .body(Map.of("dueDate", "2025-06-30", "version", version))
                .put("/api/tasks/assignments/" + assignment + "/due-date")
                .then()
                .statusCode(200)
                .body("overdue", org.hamcrest.Matchers.equalTo(true));
    }

    private static String assignment(String plan, int task, Map<String, String> by) {
        JsonPath page = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("planId", plan)
                .queryParam("taskNumber", task)
                .queryParams(by)
                .get("/api/tasks/assignments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String id = page.getString("items[0].id");
        if (id == null) {
            throw new IllegalStateException("no assignment of task " + task + " for " + by);
        }
        return id;
    }
}
