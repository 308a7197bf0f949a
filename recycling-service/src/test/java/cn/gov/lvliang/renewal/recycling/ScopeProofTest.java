package cn.gov.lvliang.renewal.recycling;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.certificates.ScrapCertificateResourceTestAccess;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import cn.gov.lvliang.renewal.testing.security.PermissionMatrix.Scope;
import cn.gov.lvliang.renewal.testing.security.ScopeProof;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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

        // Batteries (市工信局's area): a pack registered by a dismantler and handed over to a battery
        // recycler, which reads it as a holder; disposals (市商务局's): opened by equipment-inventory-
        // service's equipment.retired.v1 through the real broker, closed by the side's dismantler.
        String recyclerOfPacksA = Fixtures.qualified("BATTERY_RECYCLER", COUNTY_A);
        String recyclerOfPacksB = Fixtures.qualified("BATTERY_RECYCLER", COUNTY_B);
        String packA = handedOverPack(Fixtures.qualified("DISMANTLER", COUNTY_A), recyclerOfPacksA);
        String packB = handedOverPack(Fixtures.qualified("DISMANTLER", COUNTY_B), recyclerOfPacksB);
        Side batteriesA = side("A", COUNTY_A, "gxj", recyclerOfPacksA);
        Side batteriesB = side("B", COUNTY_B, "jyj", recyclerOfPacksB).blindAs(Scope.DEPARTMENT);
        reaches.put(
                "GET /api/recycling/batteries",
                Reach.list(packA, packB)
                        .narrowedBy(Map.of("holder", recyclerOfPacksA), Map.of("holder", recyclerOfPacksB))
                        .with(wide)
                        .between(batteriesA, batteriesB));
        reaches.put(
                "GET /api/recycling/batteries/{packCode}",
                Reach.byId("packCode", packA, packB).between(batteriesA, batteriesB));
        String[] disposalA = closedDisposal(COUNTY_A, dismantlerA);
        String[] disposalB = closedDisposal(COUNTY_B, dismantlerB);
        reaches.put(
                "GET /api/recycling/disposals",
                Reach.list(disposalA[1], disposalB[1])
                        .narrowedBy(Map.of("equipmentId", disposalA[1]), Map.of("equipmentId", disposalB[1]))
                        .with(wide));
        reaches.put("GET /api/recycling/disposals/{id}", Reach.byId("id", disposalA[0], disposalB[0]));

        // A department reads its own responsibility (jyj's is empty, yet its own: side B is not blind here).
        reaches.put(
                "GET /api/recycling/responsibilities/{department}",
                Reach.byId("department", "swj", "jyj").between(a, side("B", COUNTY_B, "jyj", dismantlerB)));

        fixture = new Fixture(a, b, reaches);
        return fixture;
    }

    /** A battery pack the dismantler registered and handed over to the recycler; its code. */
    private static String handedOverPack(String dismantler, String recycler) {
        String code = "03HPB"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 19).toUpperCase(Locale.ROOT);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post(
                TestTokens.enterprise(Roles.DISMANTLER, dismantler),
                "/api/recycling/batteries",
                Map.of(
                        "packCode",
                        code,
                        "sourceVin",
                        TestIdentifiers.vin(),
                        "stateOfHealthPercent",
                        85,
                        "receivedAt",
                        now.minus(2, ChronoUnit.DAYS).toString()));
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.DISMANTLER, dismantler))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "toCreditCode",
                        recycler,
                        "handedOverAt",
                        now.minus(1, ChronoUnit.DAYS).toString(),
                        "stateOfHealthPercent",
                        80))
                .post("/api/recycling/batteries/" + code + "/handovers")
                .then()
                .statusCode(200);
        return code;
    }

    /** {id, equipmentId} of a disposal opened by an equipment.retired.v1 event and closed by the handler. */
    private static String[] closedDisposal(String county, String handler) {
        String equipment = "EQ-PROOF-" + UUID.randomUUID();
        KafkaTestClient.send("equipment.events", equipment, """
                {"specversion":"1.0","id":"%s","source":"/equipment-inventory-service",
                 "type":"cn.gov.lvliang.equipment.equipment.retired.v1","subject":"%s",
                 "time":"2026-12-05T04:00:00Z","datacontenttype":"application/json",
                 "data":{"equipmentId":"%s","unitCreditCode":"%s","county":"%s","name":"燃煤锅炉 4t/h",
                   "category":"工业锅炉","retiredOn":"2025-03-01","disposal":"SCRAP"}}
                """.formatted(
                        UUID.randomUUID(), equipment, equipment, TestIdentifiers.creditCode(), county));
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> id[0] = given().auth()
                        .oauth2(TestTokens.cityAdmin())
                        .queryParam("equipmentId", equipment)
                        .get("/api/recycling/disposals")
                        .then()
                        .statusCode(200)
                        .body("total", org.hamcrest.Matchers.equalTo(1))
                        .extract()
                        .jsonPath()
                        .getString("items[0].id"));
        given().auth()
                .oauth2(TestTokens.countyOfficer(county))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "outcome",
                        "SCRAPPED",
                        "handlerCreditCode",
                        handler,
                        "closedOn",
                        Fixtures.today().toString(),
                        "materials",
                        Map.of("steelKg", 3200, "nonFerrousKg", 150, "plasticsKg", 0, "glassKg", 0, "otherKg", 80)))
                .post("/api/recycling/disposals/" + id[0] + "/outcome")
                .then()
                .statusCode(200);
        return new String[] {id[0], equipment};
    }

    private static Side side(String name, String county, String department, String enterprise) {
        return Side.of(name, county, department, enterprise);
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
