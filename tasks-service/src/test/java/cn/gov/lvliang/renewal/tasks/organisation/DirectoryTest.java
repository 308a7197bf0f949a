package cn.gov.lvliang.renewal.tasks.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The organisation directory (decision 0029): the city adds a department, whose officers are then
 * scoped by its code written in any case; a code the directory does not know answers 403.
 */
@QuarkusTest
class DirectoryTest {

    @Test
    void theCityAddsADepartmentAndItsOfficersAreKnownWhateverTheCase() {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "市测试局" + code, "kind", "DEPARTMENT"))
                .post("/api/tasks/departments")
                .then()
                .statusCode(201)
                .body("code", equalTo(code.toLowerCase(java.util.Locale.ROOT)))
                .body("version", equalTo(0));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code.toLowerCase(java.util.Locale.ROOT), "name", "另一个名称", "kind", "DEPARTMENT"))
                .post("/api/tasks/departments")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/tasks/departments")
                .then()
                .statusCode(200)
                .body("code", hasItem(code.toLowerCase(java.util.Locale.ROOT)));

        given().auth()
                .oauth2(officer(code.toUpperCase(java.util.Locale.ROOT)))
                .get("/api/tasks/assignments")
                .then()
                .statusCode(200);
    }

    @Test
    void anUnknownDepartmentOrCountyCodeAnswers403NamingTheClaim() {
        given().auth()
                .oauth2(officer("industry"))
                .header("Accept-Language", "en")
                .get("/api/tasks/assignments")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lvliang:renewal:problem:unknown-scope"))
                .body("detail", containsString("department"))
                .body("detail", containsString("\"industry\""));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141100"))
                .get("/api/tasks/assignments")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:lvliang:renewal:problem:unknown-scope"));
    }

    @Test
    void aBadDepartmentIsRefusedWithFieldErrorsAndNothingStored() {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", "市商务局", "name", "", "kind", "DEPARTMENT"))
                .post("/api/tasks/departments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("code"));
    }

    private static String officer(String department) {
        return TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of(Caller.DEPARTMENT_CLAIM, department));
    }
}
