package cn.gov.lvliang.renewal.equipment.units;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.equipment.Fixtures;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectUnitResourceTest {

    private static Map<String, Object> unit(String credit, String county, Integer version) {
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", credit);
        body.put("name", "交口县某学校");
        body.put("county", county);
        body.put("type", "SCHOOL");
        body.put("contactPhone", "13912345678");
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    @Test
    void anEnterpriseRegistersOnlyItselfAndACountyOfficerOnlyItsCounty() {
        String mine = TestIdentifiers.creditCode();
        String token = TestTokens.enterprise(Roles.RETAILER, mine);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(unit(TestIdentifiers.creditCode(), "141130", null))
                .post("/api/equipment/units")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(unit(mine, "141130", null))
                .post("/api/equipment/units")
                .then()
                .statusCode(201)
                .body("contactPhone", equalTo("139****5678"));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .contentType(ContentType.JSON)
                .body(unit(TestIdentifiers.creditCode(), "141130", null))
                .post("/api/equipment/units")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(unit(mine, "141130", null))
                .post("/api/equipment/units")
                .then()
                .statusCode(409);
    }

    @Test
    void aChangeNeedsTheCurrentVersionAndMovesTheUnitsEquipmentAlong() {
        String credit = TestIdentifiers.creditCode();
        long id = Fixtures.unit(credit, "141130", "coal");
        Map<String, Object> e = Fixtures.register(TestTokens.cityAdmin(), Fixtures.equipment(credit, "2018-01-01", 20));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(unit(credit, "141129", 0))
                .put("/api/equipment/units/" + id)
                .then()
                .statusCode(200)
                .body("county", equalTo("141129"))
                .body("version", equalTo(1));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(unit(credit, "141130", 0))
                .put("/api/equipment/units/" + id)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:lvliang:renewal:problem:stale-version"));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141129"))
                .get("/api/equipment/records/" + e.get("id"))
                .then()
                .statusCode(200)
                .body("county", equalTo("141129"));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141130"))
                .get("/api/equipment/units/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void anUnknownSectorIsAFieldError() {
        Map<String, Object> body = unit(TestIdentifiers.creditCode(), "141130", null);
        body.put("sector", "shipbuilding");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/equipment/units")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sector"));
    }
}
