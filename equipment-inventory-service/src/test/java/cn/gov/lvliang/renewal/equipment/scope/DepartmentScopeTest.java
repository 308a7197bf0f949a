package cn.gov.lvliang.renewal.equipment.scope;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.lvliang.renewal.equipment.Fixtures;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Department officers read the sectors and categories the policy makes them responsible for
 * (issue 20 §2): 市工信局 (gxj) lists the industrial equipment of every county and gets 404 on an
 * elevator record, which 市住建局 (zjj) reads; the city administrator changes a responsibility.
 */
@QuarkusTest
class DepartmentScopeTest {

    private static final String RECORDS = "/api/equipment/records";

    @Test
    void industryReadsIndustrialEquipmentOfEveryCountyAndNotAnElevator() {
        String coking = TestIdentifiers.creditCode();
        Fixtures.unit(coking, "141181", "coking");
        Object oven = Fixtures.register(TestTokens.cityAdmin(), Fixtures.equipment(coking, "2012-01-01", 20))
                .get("id");
        String estate = TestIdentifiers.creditCode();
        Object elevator = elevator(estate, "141123");

        String industry = officer("GXJ");
        assertThat(ids(industry, coking)).containsExactly(oven);
        given().auth().oauth2(industry).get(RECORDS + "/" + oven).then().statusCode(200);
        given().auth().oauth2(industry).get(RECORDS + "/" + elevator).then().statusCode(404);
        assertThat(ids(industry, estate)).isEmpty();

        String housing = officer("zjj");
        given().auth().oauth2(housing).get(RECORDS + "/" + elevator).then().statusCode(200);
        given().auth().oauth2(housing).get(RECORDS + "/" + oven).then().statusCode(404);
        assertThat(ids(housing, estate)).containsExactly(elevator);
    }

    /** 市财政局 (czj) reads public institutions' office equipment (task 43), not industrial equipment. */
    @Test
    void financeReadsOfficeEquipmentAndNotACokeOven() {
        String office = TestIdentifiers.creditCode();
        unitWithoutSector(office, "吕梁测试机关", "141102", "PUBLIC_INSTITUTION");
        Map<String, Object> body = Fixtures.equipment(office, "2016-01-01", 6);
        body.put("category", "OFFICE_EQUIPMENT");
        body.put("name", "台式计算机");
        Object computer = Fixtures.register(TestTokens.cityAdmin(), body).get("id");
        String coking = TestIdentifiers.creditCode();
        Fixtures.unit(coking, "141102", "coking");
        Object oven = Fixtures.register(TestTokens.cityAdmin(), Fixtures.equipment(coking, "2012-01-01", 20))
                .get("id");

        String finance = officer("CZJ");
        assertThat(ids(finance, office)).containsExactly(computer);
        given().auth().oauth2(finance).get(RECORDS + "/" + computer).then().statusCode(200);
        given().auth().oauth2(finance).get(RECORDS + "/" + oven).then().statusCode(404);
    }

    @Test
    void theCityChangesAResponsibilityAndUnknownCodesAreRefused() {
        Object elevator = elevator(TestIdentifiers.creditCode(), "141102");
        given().auth()
                .oauth2(officer("wjw"))
                .get(RECORDS + "/" + elevator)
                .then()
                .statusCode(404);
        try {
            responsibility("WJW", List.of("MEDICAL", "ELEVATOR"));
            given().auth()
                    .oauth2(officer("wjw"))
                    .get(RECORDS + "/" + elevator)
                    .then()
                    .statusCode(200);
        } finally {
            responsibility("wjw", List.of("MEDICAL"));
        }
        given().auth()
                .oauth2(officer("wjw"))
                .get(RECORDS + "/" + elevator)
                .then()
                .statusCode(404);

        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("sectors", List.of("no-such-sector"), "categories", List.of()))
                .put("/api/equipment/responsibilities/wjw")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("sectors"));
        given().auth()
                .oauth2(officer("industry"))
                .get(RECORDS)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:lvliang:renewal:problem:unknown-scope"));
    }

    /** GET one department's responsibility: the city's readers any, an officer its own only. */
    @Test
    void aDepartmentReadsItsOwnResponsibilityOnly() {
        for (String reader : List.of(TestTokens.cityAdmin(), TestTokens.auditor(), officer("GXJ"))) {
            given().auth()
                    .oauth2(reader)
                    .get("/api/equipment/responsibilities/Gxj")
                    .then()
                    .statusCode(200)
                    .body("department", equalTo("gxj"))
                    .body("sectors", hasItem("coking"));
        }
        given().auth()
                .oauth2(officer("gxj"))
                .get("/api/equipment/responsibilities/zjj")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/equipment/responsibilities/no-such-department")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(officer("no-such-department"))
                .get("/api/equipment/responsibilities/no-such-department")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:lvliang:renewal:problem:unknown-scope"));
    }

    private static void responsibility(String department, List<String> categories) {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("sectors", List.of(), "categories", categories))
                .put("/api/equipment/responsibilities/" + department)
                .then()
                .statusCode(200)
                .body("department", equalTo("wjw"));
    }

    private static List<Object> ids(String token, String unit) {
        return given().auth()
                .oauth2(token)
                .queryParam("size", 200)
                .queryParam("unitCreditCode", unit)
                .get(RECORDS)
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    private static void unitWithoutSector(String creditCode, String name, String county, String type) {
        Map<String, Object> unit = new HashMap<>();
        unit.put("creditCode", creditCode);
        unit.put("name", name + creditCode.substring(10));
        unit.put("county", county);
        unit.put("type", type);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(unit)
                .post("/api/equipment/units")
                .then()
                .statusCode(201);
    }

    private static Object elevator(String estate, String county) {
        unitWithoutSector(estate, "吕梁测试物业", county, "ENTERPRISE");
        Map<String, Object> body = Fixtures.equipment(estate, "2005-06-01", 15);
        body.put("category", "ELEVATOR");
        body.put("name", "住宅电梯");
        body.put("registrationCode", "梯11晋J" + estate.substring(12));
        return Fixtures.register(TestTokens.cityAdmin(), body).get("id");
    }

    private static String officer(String department) {
        return TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of(Caller.DEPARTMENT_CLAIM, department));
    }
}
