package cn.gov.lvliang.renewal.recycling.remanufacturing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.Fixtures;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RemanufacturingTest {

    private static final String PATH = "/api/recycling/remanufacturing-records";

    private static Map<String, Object> body() {
        return Map.of(
                "sourceEquipment", "矿用液压支架 ZY6800",
                "product", "再制造液压支架立柱",
                "productSerial", "RM-2025-0007",
                "certificationNumber", "CQC-RM-2025-1234",
                "certificationBody", "中国质量认证中心",
                "certifiedOn", Fixtures.today().toString(),
                "materials", Map.of("steelKg", 850, "nonFerrousKg", 12.5, "plasticsKg", 0, "glassKg", 0, "otherKg", 3));
    }

    @Test
    void onlyAQualifiedRemanufacturerRecordsAndItsCountyReads() {
        String remanufacturer = Fixtures.qualified("REMANUFACTURER", "141128");
        String id = given().auth()
                .oauth2(TestTokens.enterprise(Roles.REMANUFACTURER, remanufacturer))
                .contentType(ContentType.JSON)
                .body(body())
                .post(PATH)
                .then()
                .statusCode(201)
                .body("county", equalTo("141128"))
                .body("materials.steelKg", equalTo(850))
                .extract()
                .path("recordId");
        given().auth()
                .oauth2(TestTokens.countyOfficer("141128"))
                .get(PATH + "/" + id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get(PATH + "/" + id)
                .then()
                .statusCode(404);

        String recycler = Fixtures.qualified("RENEWABLE_RESOURCE_RECYCLER", "141128");
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.REMANUFACTURER, recycler))
                .contentType(ContentType.JSON)
                .body(body())
                .post(PATH)
                .then()
                .statusCode(403);
    }
}
