package cn.gov.lvliang.renewal.tasks;

import static io.restassured.RestAssured.given;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.TestTokens;
import java.util.Map;

/** Helpers the tests share to act on assignments through the API. */
public final class TestAssignments {

    private TestAssignments() {}

    /** A department officer's token for department {@code code}. */
    public static String department(String code) {
        return TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of(Caller.DEPARTMENT_CLAIM, code));
    }

    /** An assignment's history, as the city reads it. */
    public static io.restassured.path.json.JsonPath history(String id) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/assignments/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Applies {@code action} (expects 200); returns the new version. */
    public static int move(String token, String id, String action, int version) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("action", action, "version", version))
                .post("/api/tasks/assignments/" + id + "/transitions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("version");
    }
}
