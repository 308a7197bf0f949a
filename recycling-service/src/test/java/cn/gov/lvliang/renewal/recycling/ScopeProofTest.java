package cn.gov.lvliang.renewal.recycling;

import static io.restassured.RestAssured.given;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.certificates.ScrapCertificateResourceTestAccess;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import cn.gov.lvliang.renewal.testing.security.PermissionMatrix.Scope;
import cn.gov.lvliang.renewal.testing.security.ScopeProof;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;

/**
 * Every scoped read of this service, proven per role (docs/security.md "How the scope is proven"):
 * side A's enterprises are in 岚县 (141127), side B's in 汾阳市 (141182). A department officer's
 * scope is a whole area of records (decision 0029), so it cannot tell two records of one kind
 * apart: side A's department (市商务局 swj) reads A's record, side B's (市教育局 jyj, responsible for
 * no area here) reads neither.
 */
@QuarkusTest
class ScopeProofTest extends ScopeProof {

    private static final String COUNTY_A = "141127";
    private static final String COUNTY_B = "141182";

    private static Fixture fixture;

    @Override
    protected String module() {
        return "recycling-service";
    }

    @Override
    protected Map<String, String> exclusions() {
        // Fixtures not built yet: a battery pack needs its chain of handovers between enterprises,
        // a disposal record is opened by equipment-inventory-service's equipment.retired.v1 event.
        return Map.of(
                "GET /api/recycling/batteries", "needs a battery pack handed over between enterprises",
                "GET /api/recycling/batteries/{packCode}", "needs a battery pack handed over between enterprises",
                "GET /api/recycling/disposals", "needs a disposal opened by an equipment.retired.v1 event",
                "GET /api/recycling/disposals/{id}", "needs a disposal opened by an equipment.retired.v1 event");
    }

    @Override
    protected Fixture fixture() {
        if (fixture != null) {
            return fixture;
        }
        String dismantlerA = expiring("DISMANTLER", COUNTY_A);
        String dismantlerB = expiring("DISMANTLER", COUNTY_B);
        String recyclerA = Fixtures.qualified("RENEWABLE_RESOURCE_RECYCLER", COUNTY_A);
        String recyclerB = Fixtures.qualified("RENEWABLE_RESOURCE_RECYCLER", COUNTY_B);
        String marketA = Fixtures.qualified("USED_CAR_MARKET", COUNTY_A);
        String marketB = Fixtures.qualified("USED_CAR_MARKET", COUNTY_B);
        Side a = side("A", COUNTY_A, "swj", dismantlerA);
        Side b = side("B", COUNTY_B, "jyj", dismantlerB).blindAs(Scope.DEPARTMENT);
        Side recyclingA = side("A", COUNTY_A, "swj", recyclerA);
        Side recyclingB = side("B", COUNTY_B, "jyj", recyclerB).blindAs(Scope.DEPARTMENT);
        Side tradingA = side("A", COUNTY_A, "swj", marketA);
        Side tradingB = side("B", COUNTY_B, "jyj", marketB).blindAs(Scope.DEPARTMENT);

        Map<String, String> wide = Map.of("size", "200");
        Map<String, Reach> reaches = new HashMap<>();
        reaches.put(
                "GET /api/recycling/enterprises",
                Reach.list(dismantlerA, dismantlerB)
                        .narrowedBy(Map.of("county", COUNTY_A), Map.of("county", COUNTY_B))
                        .with(wide));
        reaches.put(
                "GET /api/recycling/enterprises/expiring-qualifications",
                Reach.list(dismantlerA, dismantlerB).with(Map.of("size", "200", "withinDays", "30")));
        reaches.put("GET /api/recycling/enterprises/{creditCode}", Reach.byId("creditCode", dismantlerA, dismantlerB));

        String[] certificateA = certificate(dismantlerA, COUNTY_A);
        String[] certificateB = certificate(dismantlerB, COUNTY_B);
        reaches.put(
                "GET /api/recycling/scrap-certificates",
                Reach.list(certificateA[0], certificateB[0])
                        .narrowedBy(Map.of("vin", certificateA[1]), Map.of("vin", certificateB[1])));
        for (String read : new String[] {"", "/versions"}) {
            reaches.put(
                    "GET /api/recycling/scrap-certificates/{certificateNumber}" + read,
                    Reach.byId("certificateNumber", certificateA[0], certificateB[0]));
        }

        // Farm-machinery certificates: 市农业农村局 (nyncj) reads side A's (decision 0041).
        String farmDismantlerA = Fixtures.qualified("FARM_MACHINERY_DISMANTLER", COUNTY_A);
        String farmDismantlerB = Fixtures.qualified("FARM_MACHINERY_DISMANTLER", COUNTY_B);
        String farmCertificateA = farmMachineryCertificate(farmDismantlerA, COUNTY_A);
        String farmCertificateB = farmMachineryCertificate(farmDismantlerB, COUNTY_B);
        Side farmingA = side("A", COUNTY_A, "nyncj", farmDismantlerA);
        Side farmingB = side("B", COUNTY_B, "jyj", farmDismantlerB).blindAs(Scope.DEPARTMENT);
        reaches.put(
                "GET /api/recycling/farm-machinery-certificates",
                Reach.list(farmCertificateA, farmCertificateB)
                        .narrowedBy(
                                Map.of("factoryNumber", farmCertificateA), Map.of("factoryNumber", farmCertificateB))
                        .between(farmingA, farmingB));
        for (String read : new String[] {"", "/versions"}) {
            reaches.put(
                    "GET /api/recycling/farm-machinery-certificates/{certificateNumber}" + read,
                    Reach.byId("certificateNumber", farmCertificateA, farmCertificateB)
                            .between(farmingA, farmingB));
        }

        String siteNameA = unique("范围证明分拣中心A");
        String siteNameB = unique("范围证明分拣中心B");
        String siteA = site(recyclerA, COUNTY_A, siteNameA);
        String siteB = site(recyclerB, COUNTY_B, siteNameB);
        reaches.put(
                "GET /api/recycling/sites",
                Reach.list(siteNameA, siteNameB)
                        .narrowedBy(Map.of("county", COUNTY_A), Map.of("county", COUNTY_B))
                        .with(wide)
                        .between(recyclingA, recyclingB));
        reaches.put(
                "GET /api/recycling/sites/{id}", Reach.byId("id", siteA, siteB).between(recyclingA, recyclingB));

        String claimA = unique("CLM-SCOPE-A-");
        String claimB = unique("CLM-SCOPE-B-");
        String applianceA = appliance(recyclerA, claimA);
        String applianceB = appliance(recyclerB, claimB);
        reaches.put(
                "GET /api/recycling/appliance-records",
                Reach.list(applianceA, applianceB)
                        .narrowedBy(Map.of("claimId", claimA), Map.of("claimId", claimB))
                        .between(recyclingA, recyclingB));
        reaches.put(
                "GET /api/recycling/appliance-records/{recordId}",
                Reach.byId("recordId", applianceA, applianceB).between(recyclingA, recyclingB));

        String vinA = TestIdentifiers.vin();
        String vinB = TestIdentifiers.vin();
        String tradeA = trade(marketA, vinA);
        String tradeB = trade(marketB, vinB);
        reaches.put(
                "GET /api/recycling/used-car-trades",
                Reach.list(tradeA, tradeB)
                        .narrowedBy(Map.of("vin", vinA), Map.of("vin", vinB))
                        .between(tradingA, tradingB));
        reaches.put(
                "GET /api/recycling/used-car-trades/{tradeId}",
                Reach.byId("tradeId", tradeA, tradeB).between(tradingA, tradingB));

        String electronicsA = Fixtures.qualified("SECOND_HAND_ELECTRONICS", COUNTY_A);
        String electronicsB = Fixtures.qualified("SECOND_HAND_ELECTRONICS", COUNTY_B);
        String deviceA = unique("PROOF-A-");
        String deviceB = unique("PROOF-B-");
        String wipeA = wipe(electronicsA, deviceA);
        String wipeB = wipe(electronicsB, deviceB);
        Side wipingA = side("A", COUNTY_A, "swj", electronicsA);
        Side wipingB = side("B", COUNTY_B, "jyj", electronicsB).blindAs(Scope.DEPARTMENT);
        reaches.put(
                "GET /api/recycling/data-wipe-certificates",
                Reach.list(wipeA, wipeB)
                        .narrowedBy(Map.of("deviceId", deviceA), Map.of("deviceId", deviceB))
                        .between(wipingA, wipingB));
        reaches.put(
                "GET /api/recycling/data-wipe-certificates/{certificateId}",
                Reach.byId("certificateId", wipeA, wipeB).between(wipingA, wipingB));

        // Remanufacturing is 市工信局's area, not 市商务局's.
        String remanufacturerA = Fixtures.qualified("REMANUFACTURER", COUNTY_A);
        String remanufacturerB = Fixtures.qualified("REMANUFACTURER", COUNTY_B);
        String remanufacturedA = remanufactured(remanufacturerA);
        String remanufacturedB = remanufactured(remanufacturerB);
        Side remanufacturingA = side("A", COUNTY_A, "gxj", remanufacturerA);
        Side remanufacturingB = side("B", COUNTY_B, "jyj", remanufacturerB).blindAs(Scope.DEPARTMENT);
        reaches.put(
                "GET /api/recycling/remanufacturing-records",
                Reach.list(remanufacturedA, remanufacturedB)
                        .narrowedBy(Map.of("county", COUNTY_A), Map.of("county", COUNTY_B))
                        .with(wide)
                        .between(remanufacturingA, remanufacturingB));
        reaches.put(
                "GET /api/recycling/remanufacturing-records/{recordId}",
                Reach.byId("recordId", remanufacturedA, remanufacturedB).between(remanufacturingA, remanufacturingB));

        fixture = new Fixture(a, b, reaches);
        return fixture;
    }

    private static Side side(String name, String county, String department, String enterprise) {
        return new Side(
                name,
                Map.of(
                        Scope.COUNTY, Map.of(Caller.COUNTY_CLAIM, county),
                        Scope.DEPARTMENT, Map.of(Caller.DEPARTMENT_CLAIM, department),
                        Scope.ENTERPRISE, Map.of(Caller.ENTERPRISE_CLAIM, enterprise)),
                Map.of("county", county));
    }

    /** An enterprise whose qualification runs out in 20 days. */
    private static String expiring(String type, String county) {
        String creditCode = TestIdentifiers.creditCode();
        Fixtures.register(Fixtures.enterprise(
                creditCode,
                type,
                county,
                Fixtures.today().minusYears(1),
                Fixtures.today().plusDays(20),
                "VALID"));
        return creditCode;
    }

    /** {number, vin} of a certificate the dismantler issued in its county. */
    private static String[] certificate(String dismantler, String county) {
        String number = "LL-PROOF-" + System.nanoTime() % 1_000_000_000;
        Map<String, Object> body = ScrapCertificateResourceTestAccess.certificate(dismantler, number);
        body.put("county", county);
        post(TestTokens.enterprise(Roles.DISMANTLER, dismantler), "/api/recycling/scrap-certificates", body);
        return new String[] {number, (String) body.get("vin")};
    }

    /** The number (also the factory number) of a farm-machinery certificate the dismantler issued in its county. */
    @SuppressWarnings("unchecked")
    private static String farmMachineryCertificate(String dismantler, String county) {
        String number = unique("NJ-PROOF-");
        Map<String, Object> body = ScrapCertificateResourceTestAccess.farmMachineryCertificate(dismantler, number);
        ((Map<String, Object>) body.get("content")).put("county", county);
        post(TestTokens.enterprise(Roles.DISMANTLER, dismantler), "/api/recycling/farm-machinery-certificates", body);
        return number;
    }

    private static String site(String operator, String county, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("level", "SORTING_CENTRE");
        body.put("operatorCreditCode", operator);
        body.put("county", county);
        body.put("address", "吕梁市测试路 8 号");
        body.put("latitude", 38.279);
        body.put("longitude", 111.673);
        body.put("dailyCapacityKg", 5000);
        return String.valueOf(post(TestTokens.countyOfficer(county), "/api/recycling/sites", body)
                .get("id"));
    }

    private static String appliance(String recycler, String claimId) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", "REFRIGERATOR");
        body.put("count", 1);
        body.put("weightKg", 55.0);
        body.put("source", "TRADE_IN_COLLECTION");
        body.put("claimId", claimId);
        body.put("recordedOn", Fixtures.today().toString());
        body.put(
                "materials",
                Map.of("steelKg", 30.5, "nonFerrousKg", 4.2, "plasticsKg", 12.0, "glassKg", 1.0, "otherKg", 3.3));
        return (String) post(TestTokens.enterprise(Roles.RECYCLER, recycler), "/api/recycling/appliance-records", body)
                .get("recordId");
    }

    private static String wipe(String enterprise, String deviceId) {
        Map<String, Object> body = new HashMap<>();
        body.put("deviceType", "PHONE");
        body.put("deviceId", deviceId);
        body.put("method", "CRYPTOGRAPHIC_ERASE");
        body.put("operatorName", "王五六");
        body.put("wipedAt", java.time.Instant.now().minusSeconds(3600).toString());
        body.put("verificationResult", "PASSED");
        body.put("verificationNote", "抽样恢复测试未恢复出用户数据");
        return (String)
                post(TestTokens.enterprise(Roles.RECYCLER, enterprise), "/api/recycling/data-wipe-certificates", body)
                        .get("certificateId");
    }

    private static String remanufactured(String remanufacturer) {
        Map<String, Object> body = new HashMap<>();
        body.put("sourceEquipment", "矿用液压支架 ZY6800");
        body.put("product", "再制造液压支架立柱");
        body.put("productSerial", unique("RM-"));
        body.put("certificationNumber", unique("CQC-RM-"));
        body.put("certificationBody", "中国质量认证中心");
        body.put("certifiedOn", Fixtures.today().toString());
        body.put(
                "materials", Map.of("steelKg", 850, "nonFerrousKg", 12.5, "plasticsKg", 0, "glassKg", 0, "otherKg", 3));
        return (String) post(
                        TestTokens.enterprise(Roles.REMANUFACTURER, remanufacturer),
                        "/api/recycling/remanufacturing-records",
                        body)
                .get("recordId");
    }

    private static String trade(String market, String vin) {
        Map<String, Object> body = new HashMap<>();
        body.put("vin", vin);
        body.put("tradeDate", Fixtures.today().minusDays(1).toString());
        body.put("priceFen", 8_650_000L);
        body.put("firstRegistrationDate", Fixtures.today().minusYears(3).toString());
        body.put("fromArea", "141102");
        body.put("toArea", "141102");
        body.put("export", false);
        body.put("odometerKm", 35_000);
        return (String)
                post(TestTokens.enterprise(Roles.USED_CAR_MARKET, market), "/api/recycling/used-car-trades", body)
                        .get("tradeId");
    }

    private static String unique(String prefix) {
        return prefix + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> post(String token, String path, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("$");
    }
}
