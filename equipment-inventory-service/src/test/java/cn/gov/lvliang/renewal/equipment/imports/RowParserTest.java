package cn.gov.lvliang.renewal.equipment.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.renewal.equipment.lists.Column;
import cn.gov.lvliang.renewal.equipment.lists.ListKind;
import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.units.UnitType;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowParserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final Map<String, String> SECTORS = Map.of("焦化", "coking", "coking", "coking");

    static List<String> header(ListKind kind) {
        return kind.columns().stream()
                .filter(Column::importable)
                .map(Column::header)
                .toList();
    }

    static TabularReader.SourceRow row(ListKind kind, Map<String, String> values) {
        List<TabularReader.SourceCell> cells = new ArrayList<>();
        for (String h : header(kind)) {
            String v = values.getOrDefault(h, "");
            cells.add(new TabularReader.SourceCell(v, v.startsWith("="), false));
        }
        return new TabularReader.SourceRow(2, cells);
    }

    static Map<String, String> retirementRow(String credit) {
        return Map.ofEntries(
                Map.entry("统一社会信用代码", credit),
                Map.entry("单位名称", "吕梁某焦化有限公司"),
                Map.entry("县（市、区）", "孝义市"),
                Map.entry("重点领域", "焦化"),
                Map.entry("单位类型", "企业"),
                Map.entry("资产编号", "JH-01"),
                Map.entry("设备名称", "4.3米焦炉"),
                Map.entry("设备类别", "工业生产设备"),
                Map.entry("数量（台套/公里）", "1"),
                Map.entry("投产时间", "2005-06-01"),
                Map.entry("设计使用年限（年）", "15"),
                Map.entry("原值（元）", "12500000.50"),
                Map.entry("淘汰标准", "炭化室高度4.3米及以下焦炉"),
                Map.entry("法规依据", "产业结构调整指导目录（2024年本）"),
                Map.entry("计划淘汰日期", "2025/12/31"));
    }

    @Test
    void aValidRetirementRowIsTyped() {
        RowParser parser = new RowParser(ListKind.RETIREMENT, header(ListKind.RETIREMENT), SECTORS);
        String credit = TestIdentifiers.creditCode();
        RowParser.Parsed parsed = parser.parse(row(ListKind.RETIREMENT, retirementRow(credit)), TODAY);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.get("unitCreditCode")).isEqualTo(credit);
        assertThat(parsed.get("county")).isEqualTo("141181");
        assertThat(parsed.get("sector")).isEqualTo("coking");
        assertThat(parsed.get("unitType")).isEqualTo(UnitType.ENTERPRISE);
        assertThat(parsed.get("category")).isEqualTo(Category.INDUSTRIAL_PRODUCTION);
        assertThat(parsed.get("originalValueFen")).isEqualTo(1_250_000_050L);
        assertThat(parsed.get("retirementPlannedOn")).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void aWrongCheckCharacterAnUnknownSectorAndAFormulaAreReportedByColumn() {
        RowParser parser = new RowParser(ListKind.RETIREMENT, header(ListKind.RETIREMENT), SECTORS);
        String good = TestIdentifiers.creditCode();
        String bad = good.substring(0, 17) + (good.charAt(17) == 'X' ? 'Y' : 'X');
        Map<String, String> values = new java.util.HashMap<>(retirementRow(bad));
        values.put("重点领域", "造船");
        values.put("设备名称", "=HYPERLINK(\"http://x\")");
        RowParser.Parsed parsed = parser.parse(row(ListKind.RETIREMENT, values), TODAY);
        assertThat(parsed.errors())
                .extracting(RowParser.CellError::column, RowParser.CellError::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("统一社会信用代码", "import.credit-code"),
                        org.assertj.core.groups.Tuple.tuple("重点领域", "import.sector"),
                        org.assertj.core.groups.Tuple.tuple("设备名称", "import.formula"));
    }

    @Test
    void missingRequiredHeadersRefuseTheFile() {
        assertThatThrownBy(() -> new RowParser(ListKind.RETIREMENT, List.of("统一社会信用代码", "单位名称"), SECTORS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("淘汰标准");
    }

    @Test
    void datesInTheFormsPeopleTypeThem() {
        assertThat(RowParser.date("2005-06-01", false)).isEqualTo(LocalDate.of(2005, 6, 1));
        assertThat(RowParser.date("2005/6/1", false)).isEqualTo(LocalDate.of(2005, 6, 1));
        assertThat(RowParser.date("2005", false)).isEqualTo(LocalDate.of(2005, 1, 1));
        assertThat(RowParser.date("38504", true)).isEqualTo(LocalDate.of(2005, 6, 1));
        assertThat(RowParser.date("yesterday", false)).isNull();
        assertThat(RowParser.date("2005-13-01", false)).isNull();
    }
}
