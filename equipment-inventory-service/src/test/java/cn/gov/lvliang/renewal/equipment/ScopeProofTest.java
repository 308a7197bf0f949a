package cn.gov.lvliang.renewal.equipment;

import static io.restassured.RestAssured.given;

import cn.gov.lvliang.renewal.equipment.imports.Sheets;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import cn.gov.lvliang.renewal.testing.security.PermissionMatrix.Scope;
import cn.gov.lvliang.renewal.testing.security.ScopeProof;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every scoped read of this service, proven per role (docs/security.md "How the scope is proven"):
 * side A is a coke oven of a coking unit in 文水县 (141121, 市工信局 gxj), side B an elevator of an
 * estate in 石楼县 (141126, 市住建局 zjj); each side also ran one import.
 */
@QuarkusTest
class ScopeProofTest extends ScopeProof {

    private static final String COUNTY_A = "141121";
    private static final String COUNTY_B = "141126";

    private static Fixture fixture;

    @Override
    protected String module() {
        return "equipment-inventory-service";
    }

    @Override
    protected Map<String, String> exclusions() {
        return Map.of();
    }

    @Override
    protected Fixture fixture() {
        if (fixture != null) {
            return fixture;
        }
        String unitA = TestIdentifiers.creditCode();
        String unitB = TestIdentifiers.creditCode();
        Record a = record(unitA, COUNTY_A, "coking", "INDUSTRIAL_PRODUCTION");
        Record b = record(unitB, COUNTY_B, null, "ELEVATOR");
        String importA = anImport("A", COUNTY_A);
        String importB = anImport("B", COUNTY_B);
        Map<String, String> byUnitA = Map.of("unitCreditCode", unitA);
        Map<String, String> byUnitB = Map.of("unitCreditCode", unitB);
        fixture = new Fixture(
                side("A", COUNTY_A, "GXJ", unitA),
                side("B", COUNTY_B, "zjj", unitB),
                Map.ofEntries(
                        Map.entry(
                                "GET /api/equipment/records",
                                Reach.list(a.tag(), b.tag()).narrowedBy(byUnitA, byUnitB)),
                        Map.entry("GET /api/equipment/records/{id}", Reach.byId("id", a.id(), b.id())),
                        Map.entry("GET /api/equipment/records/{id}/history", Reach.byId("id", a.id(), b.id())),
                        Map.entry(
                                "GET /api/equipment/units",
                                Reach.list(unitA, unitB).narrowedBy(Map.of("q", unitA), Map.of("q", unitB))),
                        Map.entry("GET /api/equipment/units/{id}", Reach.byId("id", a.unitId(), b.unitId())),
                        Map.entry(
                                "GET /api/equipment/lists/{kind}",
                                Reach.list(a.tag(), b.tag())
                                        .at(Map.of("kind", "status"))
                                        .narrowedBy(byUnitA, byUnitB)),
                        Map.entry(
                                "GET /api/equipment/lists/{kind}/export",
                                Reach.list(a.tag(), b.tag())
                                        .at(Map.of("kind", "status"))
                                        .narrowedBy(byUnitA, byUnitB)
                                        .with(Map.of("format", "csv"))),
                        // Counts by category: the coke oven's category on A, the elevator's on B; the
                        // counties of the sides are used by no other test of this module.
                        Map.entry(
                                "GET /api/equipment/aggregates",
                                Reach.list("INDUSTRIAL_PRODUCTION", "ELEVATOR").with(Map.of("by", "category"))),
                        Map.entry("GET /api/equipment/imports", Reach.list(importA, importB)),
                        Map.entry("GET /api/equipment/imports/{id}", Reach.byId("id", importA, importB)),
                        Map.entry("GET /api/equipment/imports/{id}/report", Reach.byId("id", importA, importB)),
                        Map.entry(
                                "GET /api/equipment/responsibilities/{department}",
                                Reach.byId("department", "gxj", "zjj"))));
        return fixture;
    }

    private static Side side(String name, String county, String department, String unit) {
        return Side.of(name, county, department, unit)
                .claiming(Scope.SUBJECT, Map.of(Caller.COUNTY_CLAIM, county))
                .filtering(Map.of("unitCreditCode", unit));
    }

    private record Record(String id, String tag, String unitId) {}

    private static Record record(String unit, String county, String sector, String category) {
        Map<String, Object> unitBody = new HashMap<>();
        unitBody.put("creditCode", unit);
        unitBody.put("name", "吕梁范围证明单位" + unit.substring(10));
        unitBody.put("county", county);
        unitBody.put("type", "ENTERPRISE");
        if (sector != null) {
            unitBody.put("sector", sector);
        }
        Object unitId = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(unitBody)
                .post("/api/equipment/units")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> body = Fixtures.equipment(unit, "2005-06-01", 15);
        body.put("category", category);
        if (category.equals("ELEVATOR")) {
            body.put("name", "住宅电梯");
            body.put("registrationCode", "梯11晋J" + unit.substring(12));
        }
        Map<String, Object> created = Fixtures.register(TestTokens.cityAdmin(), body);
        return new Record(String.valueOf(created.get("id")), (String) body.get("assetTag"), String.valueOf(unitId));
    }

    /** An import of one (rejected) row, run by the side's subject as a county officer of its county. */
    private static String anImport(String side, String county) {
        String token =
                TestTokens.token(ScopeProof.subject(side), Roles.COUNTY_OFFICER, Map.of(Caller.COUNTY_CLAIM, county));
        byte[] template = given().auth()
                .oauth2(token)
                .get("/api/equipment/lists/retirement/template")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try {
            List<String> header = Sheets.read(template).get(0);
            List<String> row = new ArrayList<>(header.stream().map(h -> "").toList());
            row.set(0, "not-a-credit-code");
            byte[] file = Sheets.xlsx(List.of(header, row));
            return given().auth()
                    .oauth2(token)
                    .multiPart("file", "scope-proof.xlsx", file)
                    .queryParam("mode", "ACCEPT_VALID")
                    .post("/api/equipment/imports/retirement")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("id");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
