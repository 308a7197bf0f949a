package cn.gov.lvliang.renewal.equipment.aggregates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.equipment.Fixtures;
import cn.gov.lvliang.renewal.equipment.aggregates.AggregateResource.Aggregate;
import cn.gov.lvliang.renewal.equipment.imports.Sheets;
import cn.gov.lvliang.renewal.equipment.scope.Scope;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The aggregates read from the summary the database keeps (V7) equal the aggregates counted over
 * every record, after every kind of write the service makes: registrations, lifecycle steps,
 * changes of category, tier, grade and county, an XLSX import and its re-import, flags raised and
 * cleared one by one, and deletes; before and after the deltas are folded into the summary.
 */
@QuarkusTest
class EquipmentTallyTest {

    /** 中阳县: no other test of this module counts its records (this test counts from a baseline). */
    private static final String COUNTY = "141129";
    /** 柳林县, where one unit moves. */
    private static final String OTHER_COUNTY = "141125";

    private static final Scope CITY = new Scope(Scope.Kind.CITY, null, Set.of(), Set.of(), true);
    private static final Scope IN_COUNTY = new Scope(Scope.Kind.COUNTY, COUNTY, Set.of(), Set.of(), true);
    private static final Scope MOVED_TO = new Scope(Scope.Kind.COUNTY, OTHER_COUNTY, Set.of(), Set.of(), true);
    /** Sectors and categories as 市工信局 and 市市场监管局 read them together. */
    private static final Scope DEPARTMENT = new Scope(
            Scope.Kind.DEPARTMENT,
            "gxj",
            Set.of("coking", "steel"),
            Set.of("ELEVATOR", "ENERGY_USING", "MEDICAL"),
            true);

    @Inject
    EquipmentTally tally;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSummaryAnswersAsTheScanOfEveryRecordAfterEveryKindOfWrite() throws Exception {
        Aggregate before = inCounty();
        long movedBefore = equipmentIn(MOVED_TO);
        String coking = TestIdentifiers.creditCode();
        String power = TestIdentifiers.creditCode();
        Fixtures.unit(coking, COUNTY, "coking");
        long powerUnit = Fixtures.unit(power, COUNTY, "power");

        // Registered: entry tier, grade C, industrial production.
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            records.add(Fixtures.register(TestTokens.cityAdmin(), Fixtures.equipment(coking, "2020-01-01", 30)));
        }
        records.add(Fixtures.register(TestTokens.cityAdmin(), Fixtures.equipment(power, "2021-06-01", 30)));
        assertSameEverywhere();
        assertThat(inCounty().equipment() - before.equipment()).isEqualTo(5);

        // Lifecycle: a renewal planned (status and planned investment), then completed (tier, completed investment).
        Map<String, Object> renewed = records.get(0);
        int version = post(
                renewed,
                "renewal-plan",
                Map.of(
                        "investmentFen",
                        300_000_000L,
                        "targetEquipment",
                        "高效电机",
                        "plannedYear",
                        2026,
                        "version",
                        renewed.get("version")));
        assertSameEverywhere();
        post(
                renewed,
                "renewal-completion",
                Map.of(
                        "amountFen",
                        280_000_000L,
                        "completedOn",
                        "2026-10-31",
                        "efficiencyTier",
                        "SAVING",
                        "version",
                        version));
        // Changed: category, tier and grade of another record.
        Map<String, Object> changed = new HashMap<>(Fixtures.equipment(coking, "2020-01-01", 30));
        changed.put("assetTag", records.get(1).get("assetTag"));
        changed.put("category", "ENERGY_USING");
        changed.put("efficiencyTier", "ADVANCED");
        changed.put("emissionGrade", "A");
        put(records.get(1), changed);
        assertSameEverywhere();

        // Two flags on one record (below the entry tier; beyond its design life), cleared one after the other.
        Map<String, Object> flaggedTwice = new HashMap<>(Fixtures.equipment(coking, "2000-01-01", 10));
        flaggedTwice.put("assetTag", records.get(2).get("assetTag"));
        flaggedTwice.put("efficiencyTier", "BELOW_ENTRY");
        put(records.get(2), flaggedTwice);
        assertThat(openFlags(records.get(2))).isEqualTo(2);
        assertSameEverywhere();
        assertThat(inCounty().flagged() - before.flagged()).isEqualTo(1);
        flaggedTwice.put("efficiencyTier", "ENTRY");
        put(records.get(2), flaggedTwice);
        assertThat(openFlags(records.get(2))).isEqualTo(1);
        assertSameEverywhere();
        assertThat(inCounty().flagged() - before.flagged()).isEqualTo(1);
        flaggedTwice.put("designLifeYears", 60);
        put(records.get(2), flaggedTwice);
        assertThat(openFlags(records.get(2))).isZero();
        assertSameEverywhere();
        assertThat(inCounty().flagged()).isEqualTo(before.flagged());

        // Imported: three new records scheduled for retirement, then the same file again (updates).
        byte[] file = retirementFile(coking);
        importRetirement(file);
        assertSameEverywhere();
        assertThat(inCounty().retirementScheduled() - before.retirementScheduled())
                .isEqualTo(3);
        importRetirement(file);
        assertSameEverywhere();

        // The power unit moves county: its record's county follows.
        movePowerUnit(powerUnit);
        assertSameEverywhere();
        assertThat(tally.aggregates("county", MOVED_TO))
                .singleElement()
                .satisfies(a -> assertThat(a.equipment()).isEqualTo(1));

        // Deleted (the service deletes no record; an operator might): the record and its history.
        long deleted = id(records.get(3));
        sql("delete from equipment_history where equipment_id = ?", deleted);
        sql("delete from equipment_flag where equipment_id = ?", deleted);
        sql("delete from equipment where id = ?", deleted);
        assertSameEverywhere();
        assertThat(inCounty().equipment() - before.equipment()).isEqualTo(3 + 3);

        assertThat(pendingDeltas()).isPositive();
        tally.fold();
        assertThat(pendingDeltas()).isZero();
        assertSameEverywhere();
    }

    private void assertSameEverywhere() {
        for (String by : List.of("county", "sector", "category")) {
            for (Scope scope : java.util.Arrays.asList(null, CITY, IN_COUNTY, MOVED_TO, DEPARTMENT)) {
                assertThat(tally.aggregates(by, scope))
                        .as("by %s for %s", by, scope == null ? "the statistics bureau" : scope.kind())
                        .isEqualTo(tally.scanned(by, scope));
            }
        }
    }

    /** The county's aggregate, zeros when it has no record yet. */
    private Aggregate inCounty() {
        List<Aggregate> rows = tally.aggregates("county", IN_COUNTY);
        return rows.isEmpty() ? new Aggregate(COUNTY, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null) : rows.get(0);
    }

    private long equipmentIn(Scope county) {
        return tally.aggregates("county", county).stream()
                .mapToLong(Aggregate::equipment)
                .sum();
    }

    private static long id(Map<String, Object> record) {
        return ((Number) record.get("id")).longValue();
    }

    private static int post(Map<String, Object> record, String step, Map<String, Object> body) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/equipment/records/" + id(record) + "/" + step)
                .then()
                .statusCode(200)
                .extract()
                .path("version");
    }

    private static void put(Map<String, Object> record, Map<String, Object> body) {
        int version = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/equipment/records/" + id(record))
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        Map<String, Object> request = new HashMap<>(body);
        request.put("version", version);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(request)
                .put("/api/equipment/records/" + id(record))
                .then()
                .statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static void movePowerUnit(long unit) {
        Map<String, Object> view = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/equipment/units/" + unit)
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", view.get("creditCode"));
        body.put("name", view.get("name"));
        body.put("county", OTHER_COUNTY);
        body.put("sector", "power");
        body.put("type", "ENTERPRISE");
        body.put("contactName", "王小五");
        body.put("contactPhone", "13812345678");
        body.put("version", view.get("version"));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/equipment/units/" + unit)
                .then()
                .statusCode(200);
    }

    private static byte[] retirementFile(String credit) throws IOException {
        List<String> header = Sheets.read(given().auth()
                        .oauth2(TestTokens.cityAdmin())
                        .get("/api/equipment/lists/retirement/template")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray())
                .get(0);
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (String tag : List.of("FS-01", "FS-02", "FS-03")) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("统一社会信用代码", credit);
            v.put("单位名称", "中阳县某焦化有限公司");
            v.put("县（市、区）", "中阳县");
            v.put("重点领域", "焦化");
            v.put("单位类型", "企业");
            v.put("资产编号", tag);
            v.put("设备名称", "4.3米焦炉");
            v.put("设备类别", "工业生产设备");
            v.put("数量（台套/公里）", "1");
            v.put("投产时间", "2015-06-01");
            v.put("设计使用年限（年）", "30");
            v.put("能效水平", "准入水平");
            v.put("淘汰标准", "炭化室高度4.3米及以下焦炉");
            v.put("法规依据", "《产业结构调整指导目录（2024年本）》");
            v.put("计划淘汰日期", "2026-12-31");
            v.put("替代设备", "6.25米捣固焦炉");
            rows.add(header.stream().map(h -> v.getOrDefault(h, "")).toList());
        }
        return Sheets.xlsx(rows);
    }

    private static void importRetirement(byte[] file) {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .multiPart("file", "retirement.xlsx", file)
                .queryParam("mode", "REJECT_FILE")
                .post("/api/equipment/imports/retirement")
                .then()
                .statusCode(200)
                .body("rejected", org.hamcrest.Matchers.equalTo(0));
    }

    private long openFlags(Map<String, Object> record) throws SQLException {
        return count("select count(*) from equipment_flag where cleared_at is null and equipment_id = " + id(record));
    }

    private long pendingDeltas() throws SQLException {
        return count("select count(*) from equipment_summary_delta");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String sql, long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }
}
