package cn.gov.lvliang.renewal.equipment.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.gov.lvliang.renewal.equipment.messaging.EquipmentEvents;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final String county = TestTokens.countyOfficer("141181");

    private static String wrongCheckCharacter(String credit) {
        return credit.substring(0, 17) + (credit.charAt(17) == 'X' ? 'Y' : 'X');
    }

    private List<String> templateHeader(String list) throws IOException {
        byte[] template = given().auth()
                .oauth2(county)
                .get("/api/equipment/lists/" + list + "/template")
                .then()
                .statusCode(200)
                .contentType(XLSX)
                .extract()
                .asByteArray();
        return Sheets.read(template).get(0);
    }

    private static List<String> retirementRow(List<String> header, String credit, String tag, String sector) {
        Map<String, String> v = new HashMap<>();
        v.put("统一社会信用代码", credit);
        v.put("单位名称", "孝义市某焦化有限公司");
        v.put("县（市、区）", "孝义市");
        v.put("重点领域", sector);
        v.put("单位类型", "企业");
        v.put("资产编号", tag);
        v.put("设备名称", "4.3米焦炉");
        v.put("规格型号", "JN43-80");
        v.put("设备类别", "工业生产设备");
        v.put("数量（台套/公里）", "1");
        v.put("投产时间", "2005-06-01");
        v.put("设计使用年限（年）", "15");
        v.put("能效水平", "准入水平");
        v.put("原值（元）", "12500000");
        v.put("淘汰标准", "炭化室高度4.3米及以下焦炉");
        v.put("法规依据", "《产业结构调整指导目录（2024年本）》");
        v.put("计划淘汰日期", "2025-12-31");
        v.put("替代设备", "6.25米捣固焦炉");
        return header.stream().map(h -> v.getOrDefault(h, "")).toList();
    }

    private JsonPath upload(String list, String mode, byte[] file, String fileName, String token) {
        return given().auth()
                .oauth2(token)
                .multiPart("file", fileName, file)
                .queryParam("mode", mode)
                .post("/api/equipment/imports/" + list)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private long countOf(String credit) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/equipment/records?unitCreditCode=" + credit)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
    }

    @Test
    void theRetirementTemplateWithThreeValidAndTwoInvalidRowsAcceptsThreeAndReportsTwoAndReimportsWithoutDuplicates()
            throws IOException {
        List<String> header = templateHeader("retirement");
        assertThat(header).contains("统一社会信用代码", "重点领域", "淘汰标准", "法规依据", "计划淘汰日期", "替代设备");

        String credit = TestIdentifiers.creditCode();
        String other = TestIdentifiers.creditCode();
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        rows.add(retirementRow(header, credit, "JH-01", "焦化"));
        rows.add(retirementRow(header, credit, "JH-02", "焦化"));
        rows.add(retirementRow(header, other, "GL-01", "coking"));
        rows.add(retirementRow(header, wrongCheckCharacter(TestIdentifiers.creditCode()), "JH-03", "焦化"));
        rows.add(retirementRow(header, credit, "JH-04", "造船"));
        byte[] file = Sheets.xlsx(rows);

        JsonPath report = upload("retirement", "ACCEPT_VALID", file, "淘汰清单.xlsx", county);
        assertThat(report.getString("status")).isEqualTo("COMPLETED");
        assertThat(report.getInt("totalRows")).isEqualTo(5);
        assertThat(report.getInt("accepted")).isEqualTo(3);
        assertThat(report.getInt("rejected")).isEqualTo(2);
        assertThat(report.getList("errors")).hasSize(2);
        assertThat(report.getInt("errors[0].row")).isEqualTo(5);
        assertThat(report.getString("errors[0].column")).isEqualTo("统一社会信用代码");
        assertThat(report.getString("errors[0].message")).contains("GB 32100");
        assertThat(report.getInt("errors[1].row")).isEqualTo(6);
        assertThat(report.getString("errors[1].column")).isEqualTo("重点领域");
        assertThat(report.getString("errors[1].value")).isEqualTo("造船");
        assertThat(report.getString("errors[1].message")).isEqualTo("不是已知的重点领域");
        assertThat(countOf(credit)).isEqualTo(2);
        assertThat(countOf(other)).isEqualTo(1);

        // The same file again: the valid rows upsert by credit code + asset tag, nothing doubles.
        JsonPath again = upload("retirement", "ACCEPT_VALID", file, "淘汰清单.xlsx", county);
        assertThat(again.getInt("accepted")).isEqualTo(3);
        assertThat(again.getInt("rejected")).isEqualTo(2);
        assertThat(countOf(credit)).isEqualTo(2);
        assertThat(countOf(other)).isEqualTo(1);

        // The rows are on the retirement list, scheduled, with their fields and the flag.
        given().auth()
                .oauth2(county)
                .get("/api/equipment/lists/retirement?unitCreditCode=" + credit)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].status", equalTo("RETIREMENT_SCHEDULED"))
                .body("items[0].retirementLegalBasis", equalTo("《产业结构调整指导目录（2024年本）》"))
                .body("items[0].retirementPlannedOn", equalTo("2025-12-31"))
                .body("items[0].originalValueFen", equalTo(1_250_000_000))
                .log()
                .body()
                .body("items[0].flags", org.hamcrest.Matchers.containsString("BEYOND_DESIGN_LIFE"));

        // The English report, and the downloadable XLSX report with every error.
        JsonPath english = given().auth()
                .oauth2(county)
                .header("Accept-Language", "en")
                .multiPart("file", "retirement.xlsx", file)
                .queryParam("mode", "ACCEPT_VALID")
                .post("/api/equipment/imports/retirement")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(english.getString("errors[1].message")).isEqualTo("not a known sector");
        byte[] xlsxReport = given().auth()
                .oauth2(county)
                .get(report.getString("reportUrl"))
                .then()
                .statusCode(200)
                .contentType(XLSX)
                .extract()
                .asByteArray();
        List<List<String>> lines = Sheets.read(xlsxReport);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).containsExactly("行号", "列", "值", "错误说明");
        assertThat(lines.get(2)).contains("6", "重点领域", "造船");

        // Retirement scheduled by import is announced on Kafka.
        String id = String.valueOf(given().auth()
                .oauth2(county)
                .get("/api/equipment/lists/retirement?unitCreditCode=" + other)
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id"));
        assertThat(KafkaTestClient.await(
                        EquipmentEvents.TOPIC,
                        r -> id.equals(r.key()) && r.value().contains(EquipmentEvents.EQUIPMENT_RETIREMENT_SCHEDULED),
                        1,
                        Duration.ofSeconds(20)))
                .hasSize(1);

        // Every import leaves its trace in the record's history.
        given().auth()
                .oauth2(county)
                .get("/api/equipment/records/" + id + "/history")
                .then()
                .statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("imported-new", "imported", "imported"))
                .body("[0].fromStatus", org.hamcrest.Matchers.nullValue())
                .body("[0].toStatus", equalTo("RETIREMENT_SCHEDULED"))
                .body("[0].after.retirementLegalBasis", equalTo("《产业结构调整指导目录（2024年本）》"))
                .body("[1].fromStatus", equalTo("RETIREMENT_SCHEDULED"));
    }

    @Test
    void inRejectFileModeOneBadRowSavesNothing() throws IOException {
        List<String> header = templateHeader("retirement");
        String credit = TestIdentifiers.creditCode();
        List<List<String>> rows =
                List.of(header, retirementRow(header, credit, "A-1", "焦化"), retirementRow(header, credit, "A-2", "造船"));
        JsonPath report = upload("retirement", "REJECT_FILE", Sheets.xlsx(rows), "x.xlsx", county);
        assertThat(report.getString("status")).isEqualTo("REJECTED");
        assertThat(report.getInt("accepted")).isZero();
        assertThat(report.getInt("rejected")).isEqualTo(1);
        assertThat(countOf(credit)).isZero();
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/equipment/units?q=" + credit)
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void rowsOutsideTheCallersScopeAndFormulasAreRejected() throws IOException {
        List<String> header = templateHeader("retirement");
        String credit = TestIdentifiers.creditCode();
        List<String> otherCounty = new ArrayList<>(retirementRow(header, credit, "B-1", "焦化"));
        otherCounty.set(header.indexOf("县（市、区）"), "离石区");
        List<String> formula = new ArrayList<>(retirementRow(header, TestIdentifiers.creditCode(), "B-2", "焦化"));
        formula.set(header.indexOf("设备名称"), "=1+1");
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        csv.append(String.join(",", otherCounty)).append('\n');
        csv.append(String.join(",", formula)).append('\n');
        JsonPath report =
                upload("retirement", "ACCEPT_VALID", csv.toString().getBytes(StandardCharsets.UTF_8), "x.csv", county);
        assertThat(report.getString("format")).isEqualTo("CSV");
        assertThat(report.getInt("accepted")).isZero();
        assertThat(report.getList("errors.message", String.class)).containsExactlyInAnyOrder("不在您的权限范围内", "不接受公式");
    }

    @Test
    void eachCallerListsTheImportsItRanAndTheCityListsThemAll() throws IOException {
        List<String> header = templateHeader("retirement");
        String credit = TestIdentifiers.creditCode();
        String subject = "recycler-" + credit;
        String mine = TestTokens.token(subject, Roles.RECYCLER, Map.of(Caller.ENTERPRISE_CLAIM, credit));
        List<List<String>> rows = List.of(header, retirementRow(header, credit, "L-1", "造船"));
        String rejected = upload("retirement", "REJECT_FILE", Sheets.xlsx(rows), "retirement-lishi.xlsx", mine)
                .getString("id");
        String completed = upload(
                        "retirement",
                        "REJECT_FILE",
                        Sheets.xlsx(List.of(header, retirementRow(header, credit, "L-2", "焦化"))),
                        "x.xlsx",
                        mine)
                .getString("id");

        given().auth()
                .oauth2(mine)
                .get("/api/equipment/imports")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(completed, rejected))
                .body("items[1].status", equalTo("REJECTED"))
                .body("items[1].fileName", equalTo("retirement-lishi.xlsx"))
                .body("items[1].rejected", equalTo(1))
                .body("items[1].reportUrl", equalTo("/api/equipment/imports/" + rejected + "/report"))
                .body("items[1].createdBy", equalTo(subject));
        String someoneElse = TestTokens.token(
                "recycler-other-" + credit,
                Roles.RECYCLER,
                Map.of(Caller.ENTERPRISE_CLAIM, TestIdentifiers.creditCode()));
        given().auth()
                .oauth2(someoneElse)
                .get("/api/equipment/imports")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(rejected)));
        given().auth()
                .oauth2(TestTokens.auditor())
                .queryParam("status", "REJECTED")
                .queryParam("list", "retirement")
                .get("/api/equipment/imports")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(rejected))
                .body("items.id", not(hasItem(completed)));
        given().auth()
                .oauth2(mine)
                .queryParam("list", "no-such-list")
                .queryParam("status", "DONE")
                .get("/api/equipment/imports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anEnterpriseImportsOnlyItsOwnRows() throws IOException {
        List<String> header = templateHeader("retirement");
        String mine = TestIdentifiers.creditCode();
        String token = TestTokens.enterprise(Roles.RECYCLER, mine);
        List<List<String>> rows = List.of(
                header,
                retirementRow(header, mine, "C-1", "焦化"),
                retirementRow(header, TestIdentifiers.creditCode(), "C-2", "焦化"));
        JsonPath report = upload("retirement", "ACCEPT_VALID", Sheets.xlsx(rows), "x.xlsx", token);
        assertThat(report.getInt("accepted")).isEqualTo(1);
        assertThat(report.getString("errors[0].column")).isEqualTo("统一社会信用代码");
        assertThat(report.getInt("errors[0].row")).isEqualTo(3);
    }

    @Test
    void twoThousandCsvRowsStreamInAndOutAgain() throws IOException {
        List<String> header = templateHeader("status");
        String credit = TestIdentifiers.creditCode();
        StringBuilder csv =
                new StringBuilder("\uFEFF").append(String.join(",", header)).append('\n');
        for (int i = 0; i < 2000; i++) {
            Map<String, String> v = Map.of(
                    "统一社会信用代码", credit,
                    "单位名称", "\"汾阳市某\"\"白酒\"\"有限公司\"",
                    "县（市、区）", "141181",
                    "重点领域", "白酒",
                    "单位类型", "企业",
                    "资产编号", "S-" + i,
                    "设备名称", "蒸馏设备",
                    "设备类别", i % 2 == 0 ? "用能设备" : "农业机械",
                    "数量（台套/公里）", "2",
                    "投产时间", i % 3 == 0 ? "2008" : "2020-05-01");
            csv.append(String.join(
                            ",", header.stream().map(h -> v.getOrDefault(h, "")).toList()))
                    .append('\n');
        }
        JsonPath report =
                upload("status", "REJECT_FILE", csv.toString().getBytes(StandardCharsets.UTF_8), "status.csv", county);
        assertThat(report.getString("status")).isEqualTo("COMPLETED");
        assertThat(report.getInt("accepted")).isEqualTo(2000);

        String exported = given().auth()
                .oauth2(county)
                .queryParam("format", "csv")
                .queryParam("unitCreditCode", credit)
                .get("/api/equipment/lists/status/export")
                .then()
                .statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''"))
                .extract()
                .asString();
        String[] lines = exported.split("\r\n");
        assertThat(lines).hasSize(2001);
        assertThat(lines[0]).startsWith("\uFEFF统一社会信用代码,单位名称");
        assertThat(exported).contains("汾阳市某\"\"白酒\"\"有限公司").contains("白酒");

        byte[] xlsx = given().auth()
                .oauth2(county)
                .queryParam("unitCreditCode", credit)
                .queryParam("category", "FARM_MACHINERY")
                .get("/api/equipment/lists/status/export")
                .then()
                .statusCode(200)
                .contentType(XLSX)
                .extract()
                .asByteArray();
        assertThat(Sheets.read(xlsx)).hasSize(1001);

        // Farm machinery commissioned in 2008 is past its scrapping age: on the old-farm-machinery list.
        given().auth()
                .oauth2(county)
                .get("/api/equipment/lists/old-farm-machinery?unitCreditCode=" + credit + "&size=200")
                .then()
                .statusCode(200)
                .body("total", equalTo(333))
                .body("items", hasSize(200));
    }

    @Test
    void aFileWithoutTheRequiredHeadersIs400() {
        given().auth()
                .oauth2(county)
                .multiPart("file", "x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/equipment/imports/retirement")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("淘汰标准"));
    }

    @Test
    void anXlsxThatExpandsLikeABombIsRefused() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        given().auth()
                .oauth2(county)
                .multiPart("file", "bomb.xlsx", out.toByteArray())
                .post("/api/equipment/imports/status")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
