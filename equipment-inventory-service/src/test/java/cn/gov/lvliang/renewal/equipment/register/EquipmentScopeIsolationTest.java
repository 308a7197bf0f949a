package cn.gov.lvliang.renewal.equipment.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;

import cn.gov.lvliang.renewal.equipment.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * County 141102 cannot write a 141123 equipment record. Reads are proven for every operation and
 * scoped role by {@link cn.gov.lvliang.renewal.equipment.ScopeProofTest}.
 */
@QuarkusTest
class EquipmentScopeIsolationTest {

    private static final String RECORDS = "/api/equipment/records";

    private static String unitCreditCode;
    private static Object id;
    private static String assetTag;

    /** Once per class: RestAssured knows the app's port only from the first test on. */
    @BeforeEach
    void aRecordIn141123() {
        if (id != null) {
            return;
        }
        unitCreditCode = TestIdentifiers.creditCode();
        Fixtures.unit(unitCreditCode, "141123", "coal");
        Map<String, Object> body = Fixtures.equipment(unitCreditCode, "2012-01-01", 15);
        assetTag = (String) body.get("assetTag");
        id = Fixtures.register(TestTokens.cityAdmin(), body).get("id");
    }

    @Test
    void writesAreRefusedAndChangeNothing() {
        String officer = TestTokens.countyOfficer("141102");
        Map<String, Object> update = Fixtures.equipment(unitCreditCode, "2012-01-01", 15);
        update.put("assetTag", assetTag);
        update.put("name", "被改写的设备");
        update.put("version", 0);
        int put = given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(update)
                .put(RECORDS + "/" + id)
                .statusCode();
        assertThat(put).isIn(400, 403, 404);
        int retire = given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Map.of("version", 0, "retiredOn", "2025-01-01", "reason", "scope"))
                .post(RECORDS + "/" + id + "/retirement")
                .statusCode();
        assertThat(retire).isIn(400, 403, 404);
        int register = given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Fixtures.equipment(unitCreditCode, "2015-01-01", 15))
                .post(RECORDS)
                .statusCode();
        assertThat(register)
                .as("registering equipment on another county's unit")
                .isIn(400, 403, 404);

        given().auth()
                .oauth2(TestTokens.countyOfficer("141123"))
                .get(RECORDS + "/" + id)
                .then()
                .statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("4.3米焦炉"))
                .body("status", not(org.hamcrest.Matchers.equalTo("RETIRED")));
    }
}
