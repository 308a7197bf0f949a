package cn.gov.lvliang.renewal.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Requests every system test makes the same way: dev tokens, a qualified dismantler, a certificate. */
final class SuiteRequests {

    private SuiteRequests() {}

    /** A dev token from the gateway's {@code POST /dev/token}. */
    static String devToken(String gatewayUrl, Map<String, String> claims) {
        return given().baseUri(gatewayUrl)
                .contentType(ContentType.JSON)
                .body(claims)
                .post("/dev/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** Registers a dismantler whose qualification runs from a year ago to a year ahead. */
    static void registerQualifiedDismantler(String gatewayUrl, String adminToken, String creditCode, String county) {
        registerQualified(gatewayUrl, adminToken, creditCode, county, "DISMANTLER", "报废机动车回收拆解");
    }

    /** Registers an enterprise of {@code type} whose qualification is valid today. */
    static void registerQualified(
            String gatewayUrl, String adminToken, String creditCode, String county, String type, String scope) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        given().baseUri(gatewayUrl)
                .auth()
                .oauth2(adminToken)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "creditCode",
                        creditCode,
                        "name",
                        "吕梁系统测试拆解有限公司" + creditCode.substring(12),
                        "type",
                        type,
                        "county",
                        county,
                        "address",
                        "吕梁市临县测试路 8 号",
                        "contactName",
                        "王五",
                        "contactPhone",
                        "13812345678",
                        "qualification",
                        Map.of(
                                "licenceNumber",
                                "LIC-" + UUID.randomUUID(),
                                "scope",
                                scope,
                                "validFrom",
                                today.minusYears(1).toString(),
                                "validTo",
                                today.plusYears(1).toString(),
                                "status",
                                "VALID")))
                .post("/api/recycling/enterprises")
                .then()
                .statusCode(201);
    }

    /** The full field set of a scrap certificate of a 2011 fuel car. */
    static Map<String, Object> certificate(
            String number, String dismantler, String county, String vin, String ownerId, LocalDate handover) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateNumber", number);
        body.put("dismantlerCreditCode", dismantler);
        body.put("county", county);
        body.put("vin", vin);
        body.put("ownerName", "李四");
        body.put("ownerIdNumber", ownerId);
        body.put("ownerPhone", "13912345678");
        body.put("ownerAddress", "吕梁市临县城庄镇某村 2 号");
        body.put("plate", "晋J2B345");
        body.put("firstRegistrationDate", "2011-03-15");
        body.put("handoverDate", handover.toString());
        body.put("powerType", "FUEL");
        body.put("vehicleType", "小型普通客车");
        body.put("vehicleUse", "非营运");
        body.put("makeAndModel", "大众 SVW7182");
        body.put("kerbWeightKg", 1320);
        body.put("engineNumber", "CEA654321");
        return body;
    }
}
