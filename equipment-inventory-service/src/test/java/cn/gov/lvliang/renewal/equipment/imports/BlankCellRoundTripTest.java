package cn.gov.lvliang.renewal.equipment.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.equipment.lists.Column;
import cn.gov.lvliang.renewal.equipment.lists.ListKind;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 20 §4: a blank 是否营运 or 安全隐患数 stays blank through import, JSON and export. */
@QuarkusTest
class BlankCellRoundTripTest {

    private static List<String> row(List<String> header, String credit, String tag, String operating, String findings) {
        Map<String, String> v = Map.ofEntries(
                Map.entry("统一社会信用代码", credit),
                Map.entry("单位名称", "离石区某医院"),
                Map.entry("县（市、区）", "离石区"),
                Map.entry("单位类型", "医院"),
                Map.entry("资产编号", tag),
                Map.entry("设备名称", "CT机"),
                Map.entry("设备类别", "医疗设备"),
                Map.entry("数量（台套/公里）", "1"),
                Map.entry("投产时间", "2015-03-01"),
                Map.entry("是否营运", operating),
                Map.entry("安全隐患数", findings));
        return header.stream().map(h -> v.getOrDefault(h, "")).toList();
    }

    @Test
    void aBlankOperatingAndABlankFindingsCountComeBackBlankNotAsNoAndZero() throws IOException {
        List<String> header = ListKind.STATUS.columns().stream()
                .filter(Column::importable)
                .map(Column::header)
                .toList();
        String credit = TestIdentifiers.creditCode();
        List<List<String>> sheet = new ArrayList<>();
        sheet.add(header);
        sheet.add(row(header, credit, "BLANK-1", "", ""));
        sheet.add(row(header, credit, "KNOWN-1", "否", "0"));
        String admin = TestTokens.cityAdmin();
        given().auth()
                .oauth2(admin)
                .multiPart("file", "status.xlsx", Sheets.xlsx(sheet))
                .queryParam("mode", "REJECT_FILE")
                .post("/api/equipment/imports/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("accepted", equalTo(2));

        given().auth()
                .oauth2(admin)
                .queryParam("unitCreditCode", credit)
                .get("/api/equipment/records")
                .then()
                .statusCode(200)
                .body("items.find { it.assetTag == 'BLANK-1' }.operating", nullValue())
                .body("items.find { it.assetTag == 'BLANK-1' }.safetyFindings", nullValue())
                .body("items.find { it.assetTag == 'KNOWN-1' }.operating", equalTo(false))
                .body("items.find { it.assetTag == 'KNOWN-1' }.safetyFindings", equalTo(0));

        byte[] exported = given().auth()
                .oauth2(admin)
                .queryParam("unitCreditCode", credit)
                .get("/api/equipment/lists/status/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        List<List<String>> read = Sheets.read(exported);
        List<String> exportedHeader = read.get(0);
        int operating = exportedHeader.indexOf("是否营运");
        int findings = exportedHeader.indexOf("安全隐患数");
        int tag = exportedHeader.indexOf("资产编号");
        assertThat(operating).isNotNegative();
        assertThat(findings).isNotNegative();
        assertThat(read).hasSize(3);
        for (List<String> r : read.subList(1, 3)) {
            if (cell(r, tag).equals("BLANK-1")) {
                assertThat(cell(r, operating)).isEmpty();
                assertThat(cell(r, findings)).isEmpty();
            } else {
                assertThat(cell(r, operating)).isEqualTo("否");
                assertThat(cell(r, findings)).isEqualTo("0");
            }
        }
        assertThat(read.subList(1, 3)).extracting(r -> cell(r, tag)).containsExactlyInAnyOrder("BLANK-1", "KNOWN-1");
    }

    /** A trailing empty cell is not in the row at all. */
    private static String cell(List<String> row, int i) {
        return i < row.size() ? row.get(i) : "";
    }
}
