package cn.gov.lvliang.renewal.equipment;

import static io.restassured.RestAssured.given;

import cn.gov.lvliang.renewal.testing.TestTokens;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates units and equipment through the API. */
public final class Fixtures {

    private static final AtomicInteger TAGS = new AtomicInteger();

    private Fixtures() {}

    public static long unit(String creditCode, String county, String sector) {
        return ((Number) given().auth()
                        .oauth2(TestTokens.cityAdmin())
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "creditCode",
                                creditCode,
                                "name",
                                "吕梁测试单位" + creditCode.substring(10),
                                "county",
                                county,
                                "sector",
                                sector,
                                "type",
                                "ENTERPRISE",
                                "contactName",
                                "王小五",
                                "contactPhone",
                                "13812345678"))
                        .post("/api/equipment/units")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    public static String tag() {
        return "T-" + System.nanoTime() % 100_000_000 + "-" + TAGS.incrementAndGet();
    }

    public static Map<String, Object> equipment(String creditCode, String commissionedOn, int designLife) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitCreditCode", creditCode);
        body.put("assetTag", tag());
        body.put("name", "4.3米焦炉");
        body.put("model", "JN43-80");
        body.put("category", "INDUSTRIAL_PRODUCTION");
        body.put("quantity", 1);
        body.put("commissionedOn", commissionedOn);
        body.put("designLifeYears", designLife);
        body.put("efficiencyTier", "ENTRY");
        body.put("emissionGrade", "C");
        body.put("originalValueFen", 1_250_000_000L);
        return body;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> register(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/equipment/records")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }
}
