package cn.gov.lvliang.renewal.recycling.datawipes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DataWipeTest {

    private static final String PATH = "/api/recycling/data-wipe-certificates";

    @Test
    void aDataWipeIsCertifiedWithTheOperatorMaskedAndScoped() {
        String enterprise = Fixtures.qualified("SECOND_HAND_ELECTRONICS", "141129");
        String token = TestTokens.enterprise(Roles.RECYCLER, enterprise);
        Map<String, Object> body = new HashMap<>();
        body.put("deviceType", "PHONE");
        body.put("deviceId", "356938035643809");
        body.put("method", "CRYPTOGRAPHIC_ERASE");
        body.put("operatorName", "王五六");
        body.put("wipedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        body.put("verificationResult", "PASSED");
        body.put("verificationNote", "抽样恢复测试未恢复出用户数据");
        String id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(201)
                .body("operatorName", equalTo("王**"))
                .body("county", equalTo("141129"))
                .extract()
                .path("certificateId");
        given().auth()
                .oauth2(TestTokens.countyOfficer("141129"))
                .queryParam("deviceId", "356938035643809")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.certificateId", hasItem(id));
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.RECYCLER, TestIdentifiers.creditCode()))
                .get(PATH + "/" + id)
                .then()
                .statusCode(404);

        body.put("wipedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("wipedAt"));
    }
}
