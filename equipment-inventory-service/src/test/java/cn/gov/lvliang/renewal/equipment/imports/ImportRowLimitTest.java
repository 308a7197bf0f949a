package cn.gov.lvliang.renewal.equipment.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The row limit is configuration; a file above it is refused as a whole and saves nothing. */
@QuarkusTest
@TestProfile(ImportRowLimitTest.ThreeRows.class)
class ImportRowLimitTest {

    public static class ThreeRows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("equipment.import.max-rows", "3");
        }
    }

    @Test
    void aSheetAboveTheRowLimitIsRefusedAndNothingIsSaved() {
        String credit = TestIdentifiers.creditCode();
        StringBuilder csv = new StringBuilder("统一社会信用代码,单位名称,县（市、区）,单位类型,资产编号,设备名称,设备类别,数量（台套/公里）,投产时间\n");
        for (int i = 0; i < 4; i++) {
            csv.append(credit).append(",某单位,141181,企业,R-").append(i).append(",锅炉,用能设备,1,2010-01-01\n");
        }
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .multiPart("file", "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .queryParam("mode", "ACCEPT_VALID")
                .post("/api/equipment/imports/status")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("3"));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/equipment/records?unitCreditCode=" + credit)
                .then()
                .body("total", equalTo(0));
    }
}
