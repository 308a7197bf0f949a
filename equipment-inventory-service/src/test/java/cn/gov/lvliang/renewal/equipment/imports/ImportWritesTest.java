package cn.gov.lvliang.renewal.equipment.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.equipment.messaging.EquipmentEvents;
import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an import writes besides the records, read from the database: one event per row with the
 * record's version, one history row per row, the flags and their events, and a unit whose county
 * changed carries its other records along.
 */
@QuarkusTest
class ImportWritesTest {

    private final String admin = TestTokens.cityAdmin();

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(SuiteInfrastructure.postgres().jdbcUrl("app"), "postgres", "postgres");
    }

    private static List<List<String>> query(String sql, Object... args) throws SQLException {
        try (Connection c = database();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private List<String> header() throws IOException {
        byte[] template = given().auth()
                .oauth2(admin)
                .get("/api/equipment/lists/status/template")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        return Sheets.read(template).get(0);
    }

    private String importCsv(List<String> header, List<Map<String, String>> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (Map<String, String> v : rows) {
            csv.append(String.join(
                            ",",
                            header.stream()
                                    .map(h -> quoted(v.getOrDefault(h, "")))
                                    .toList()))
                    .append('\n');
        }
        JsonPath report = given().auth()
                .oauth2(admin)
                .multiPart("file", "status.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .queryParam("mode", "REJECT_FILE")
                .post("/api/equipment/imports/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(report.getList("errors")).isEmpty();
        assertThat(report.getInt("accepted")).isEqualTo(rows.size());
        return report.getString("id");
    }

    private static String quoted(String cell) {
        return cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static Map<String, String> row(String credit, String county, String tag, String commissioned, int life) {
        Map<String, String> v = new HashMap<>();
        v.put("统一社会信用代码", credit);
        v.put("单位名称", "孝义市某焦化有限公司");
        v.put("县（市、区）", county);
        v.put("重点领域", "coking");
        v.put("单位类型", "企业");
        v.put("资产编号", tag);
        v.put("设备名称", "焦炉\t\"一号\"\\");
        v.put("设备类别", "用能设备");
        v.put("数量（台套/公里）", "2");
        v.put("投产时间", commissioned);
        v.put("设计使用年限（年）", String.valueOf(life));
        return v;
    }

    @Test
    void eachRowGetsItsEventHistoryAndFlagsAndAUnitThatMovedCarriesItsRecords() throws Exception {
        List<String> header = header();
        String credit = TestIdentifiers.creditCode();
        String first = importCsv(
                header,
                List.of(
                        row(credit, "141181", "OLD-1", "2000-01-01", 10),
                        row(credit, "141181", "NEW-2", "2020-01-01", 30),
                        row(credit, "141181", "NEW-3", "2021-05-01", 30)));

        List<List<String>> records = query(
                "select id, asset_tag, county, version, name, quantity from equipment where unit_credit_code = ?"
                        + " order by asset_tag",
                credit);
        assertThat(records).hasSize(3);
        String newTwo = records.get(0).get(0);
        String old = records.get(2).get(0);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.get(2)).isEqualTo("141181");
            assertThat(r.get(3)).isEqualTo("0");
            assertThat(r.get(4)).isEqualTo("焦炉\t\"一号\"\\");
            assertThat(r.get(5)).isEqualTo("2.000");
        });

        // one registered event per row, with the record's version, and the flag's event for the old one
        assertThat(query(
                        "select type, envelope->'data'->>'assetTag', envelope->'data'->>'version' from outbox_event"
                                + " where aggregate_id = ? order by id",
                        old))
                .containsExactly(
                        List.of(EquipmentEvents.EQUIPMENT_REGISTERED, "OLD-1", "0"),
                        Arrays.asList(EquipmentEvents.EQUIPMENT_FLAGGED, null, null));
        assertThat(query("select type from outbox_event where aggregate_id = ?", newTwo))
                .containsExactly(List.of(EquipmentEvents.EQUIPMENT_REGISTERED));
        assertThat(query(
                        "select rule_code, envelope->'data'->>'ruleCode' from equipment_flag f join outbox_event o on"
                                + " o.aggregate_id = f.equipment_id::text and o.type = ? where f.equipment_id = ? and"
                                + " f.cleared_at is null",
                        EquipmentEvents.EQUIPMENT_FLAGGED,
                        Long.parseLong(old)))
                .containsExactly(List.of("BEYOND_DESIGN_LIFE", "BEYOND_DESIGN_LIFE"));
        assertThat(query(
                        "select action, from_status, to_status, after->>'importId', after->>'row', after->>'name' from"
                                + " equipment_history where equipment_id = ?",
                        Long.parseLong(old)))
                .containsExactly(Arrays.asList("imported-new", null, "IN_SERVICE", first, "2", "焦炉\t\"一号\"\\"));

        // the unit moves to another county; only one of its records is in the file
        String second = importCsv(header, List.of(row(credit, "141182", "OLD-1", "2000-01-01", 10)));
        assertThat(query(
                        "select asset_tag, county, version from equipment where unit_credit_code = ? order by asset_tag",
                        credit))
                .containsExactly(
                        List.of("NEW-2", "141182", "0"),
                        List.of("NEW-3", "141182", "0"),
                        List.of("OLD-1", "141182", "1"));
        assertThat(query(
                        "select type, envelope->'data'->>'version', envelope->'data'->>'county' from outbox_event"
                                + " where aggregate_id = ? order by id",
                        old))
                .containsExactly(
                        List.of(EquipmentEvents.EQUIPMENT_REGISTERED, "0", "141181"),
                        Arrays.asList(EquipmentEvents.EQUIPMENT_FLAGGED, null, "141181"),
                        List.of(EquipmentEvents.EQUIPMENT_UPDATED, "1", "141182"));
        assertThat(query(
                        "select action, from_status, to_status, after->>'importId' from equipment_history where"
                                + " equipment_id = ? order by id",
                        Long.parseLong(old)))
                .containsExactly(
                        Arrays.asList("imported-new", null, "IN_SERVICE", first),
                        List.of("imported", "IN_SERVICE", "IN_SERVICE", second));
    }
}
