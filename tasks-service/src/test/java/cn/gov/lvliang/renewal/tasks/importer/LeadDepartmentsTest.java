package cn.gov.lvliang.renewal.tasks.importer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.Unit;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.UnitKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The closing parentheses, the quantities and the numerals on their own. */
class LeadDepartmentsTest {

    @Test
    void responsibilityPhrasesAreDropped() {
        assertThat(LeadDepartments.read("市住建局负责").units()).containsExactly(new Unit("市住建局", UnitKind.DEPARTMENT));
        assertThat(LeadDepartments.read("市商务局牵头,市财政局配合").units())
                .extracting(Unit::name)
                .containsExactly("市商务局", "市财政局");
        assertThat(LeadDepartments.read("市商务局、市财政局按职责分工负责").units())
                .extracting(Unit::name)
                .containsExactly("市商务局", "市财政局");
    }

    @Test
    void countyGovernmentsAndTheDocumentRule() {
        var r = LeadDepartments.read("市工信局按照职责分工负责，各县(市、区)人民政府负责落实。以下均需各县市区人民政府落实,不再一一列出");
        assertThat(r.units()).extracting(Unit::name).containsExactly("市工信局");
        assertThat(r.countiesImplement()).isTrue();
        assertThat(r.ruleQuote()).startsWith("以下均需");
    }

    @Test
    void companiesCooperateAndOtherNamesAreReported() {
        var r = LeadDepartments.read("市能源局,国网吕梁分公司、某协会按照职责分工负责");
        assertThat(r.units())
                .containsExactly(
                        new Unit("市能源局", UnitKind.DEPARTMENT),
                        new Unit("国网吕梁分公司", UnitKind.COMPANY),
                        new Unit("某协会", UnitKind.OTHER));
        assertThat(r.unrecognised()).containsExactly("某协会");
    }

    @Test
    void parenthesesThatAreNotLeads() {
        assertThat(LeadDepartments.looksLikeLeads("场")).isFalse();
        assertThat(LeadDepartments.looksLikeLeads("2021-2025年")).isFalse();
        assertThat(LeadDepartments.looksLikeLeads("含技工院校")).isFalse();
        assertThat(LeadDepartments.looksLikeLeads("市、区")).isFalse();
        assertThat(LeadDepartments.looksLikeLeads("市卫健委")).isTrue();
        assertThat(LeadDepartments.looksLikeLeads("市卫健委负责")).isTrue();
    }

    @Test
    void quantitiesAndDeadlines() {
        assertThat(Quantities.quantities("较2023年增长25%以上")).singleElement().satisfies(q -> {
            assertThat(q.value()).isEqualByComparingTo(BigDecimal.valueOf(25));
            assertThat(q.unit()).isEqualTo("%");
        });
        assertThat(Quantities.quantities("推动全市4A级及以上旅游景区5G网络有效覆盖")).isEmpty();
        assertThat(Quantities.quantities("增加约一倍"))
                .singleElement()
                .satisfies(q -> assertThat(q.unit()).isEqualTo("倍"));
        assertThat(Quantities.milestones("到2027年,全市农作物耕种收综合机械化率达到80%"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.deadlineText()).isEqualTo("到2027年");
                    assertThat(m.clause()).startsWith("全市农作物");
                });
        assertThat(Quantities.milestones("按照《方案(2021-2025年)》要求")).isEmpty();
    }

    @Test
    void chineseNumerals() {
        assertThat(ChineseNumerals.value("一")).isEqualTo(1);
        assertThat(ChineseNumerals.value("十")).isEqualTo(10);
        assertThat(ChineseNumerals.value("十七")).isEqualTo(17);
        assertThat(ChineseNumerals.value("二十")).isEqualTo(20);
        assertThat(ChineseNumerals.value("五十五")).isEqualTo(55);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChineseNumerals.value("零"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
