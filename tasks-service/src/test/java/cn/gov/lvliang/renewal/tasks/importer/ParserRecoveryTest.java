package cn.gov.lvliang.renewal.tasks.importer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.tasks.TestPlans;
import cn.gov.lvliang.renewal.tasks.importer.ImportReport.Codes;
import cn.gov.lvliang.renewal.tasks.importer.ImportReport.Finding;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.Task;
import org.junit.jupiter.api.Test;

/**
 * The parser recovers from an unclosed parenthesis: it ends at the next heading, project or task
 * number, and the task it cut off keeps its truncation warnings. Findings speak Chinese with English
 * alongside.
 */
class ParserRecoveryTest {

    private static final String APPENDED = TestPlans.APPENDED_ACTION;

    private final PolicyDocumentParser parser = new PolicyDocumentParser();

    @Test
    void anActionAppendedAfterTheTruncatedTaskFiftyIsAnActionAProjectAndATask() {
        ParsedPlan plan = parser.parse(PolicyDocumentParserTest.DOCUMENT + APPENDED);

        assertThat(plan.report().found()).isEqualTo(new ImportReport.Counts(4, 15, 51));
        assertThat(plan.actions().get(3).title()).isEqualTo("再生资源高效利用行动");
        assertThat(plan.projects().get(14).number()).isEqualTo(15);
        Task task51 = plan.task(51);
        assertThat(task51.projectNumber()).isEqualTo(15);
        assertThat(task51.title()).isEqualTo("推广再生材料应用");
        assertThat(task51.leadDepartmentNames()).containsExactly("市发展改革委", "市工信局");

        Task task50 = plan.task(50);
        assertThat(task50.text()).endsWith("(市工").doesNotContain("再生资源");
        assertThat(task50.leads()).isEmpty();
        assertThat(task50.departmentsComplete()).isFalse();
        assertThat(plan.report().withCode(Codes.TEXT_TRUNCATED))
                .singleElement()
                .satisfies(f -> assertThat(f.taskNumber()).isEqualTo(50));
        assertThat(plan.report().withCode(Codes.DEPARTMENTS_INCOMPLETE))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.taskNumber()).isEqualTo(50);
                    assertThat(f.excerpt()).isEqualTo("(市工");
                });
        assertThat(plan.report().withCode(Codes.MISSING_TASKS))
                .singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("tasks 52–55"));
    }

    @Test
    void theTruncationWarningsOfTaskFiftyAreTheSameWithAndWithoutTheAppendedText() {
        var before = parser.parse(PolicyDocumentParserTest.DOCUMENT).report();
        var after = parser.parse(PolicyDocumentParserTest.DOCUMENT + APPENDED).report();
        for (String code : new String[] {Codes.TEXT_TRUNCATED, Codes.DEPARTMENTS_INCOMPLETE}) {
            assertThat(after.withCode(code)).extracting(Finding::taskNumber).containsExactly(50);
            assertThat(before.withCode(code)).extracting(Finding::taskNumber).containsExactly(50);
        }
    }

    @Test
    void anUnclosedParenthesisEndsAtTheNextProjectNumber() {
        String broken =
                PolicyDocumentParserTest.DOCUMENT.replace("市生态环境局按照职责分工负责)\n2.建筑和市政", "市生态环境局按照职责分工负责\n2.建筑和市政");
        assertThat(broken).isNotEqualTo(PolicyDocumentParserTest.DOCUMENT);
        ParsedPlan plan = parser.parse(broken);

        assertThat(plan.report().found()).isEqualTo(new ImportReport.Counts(3, 14, 50));
        assertThat(plan.task(7).text()).endsWith("按照职责分工负责").doesNotContain("建筑和市政");
        assertThat(plan.task(7).departmentsComplete()).isFalse();
        assertThat(plan.task(8).projectNumber()).isEqualTo(2);
        assertThat(plan.task(8).leadDepartmentNames()).containsExactly("市市场监管局", "市住建局");
        assertThat(plan.report().withCode(Codes.TEXT_TRUNCATED))
                .extracting(Finding::taskNumber)
                .containsExactlyInAnyOrder(7, 50);
        assertThat(plan.report().withCode(Codes.DEPARTMENTS_INCOMPLETE))
                .extracting(Finding::taskNumber)
                .containsExactlyInAnyOrder(7, 50);
    }

    @Test
    void anUnclosedParenthesisEndsAtTheNextTaskNumberAndAtTheNextHeading() {
        String broken = PolicyDocumentParserTest.DOCUMENT.replace("(市市场监管局、市住建局按照职责分工负责)\n(9)", "(市市场监管局、市住建局\n(9)");
        assertThat(broken).isNotEqualTo(PolicyDocumentParserTest.DOCUMENT);
        ParsedPlan plan = parser.parse(broken + "\n(四)新的行动\n");

        assertThat(plan.task(8).text()).endsWith("(市市场监管局、市住建局");
        assertThat(plan.task(9).title()).isEqualTo("实施建筑节能改造");
        assertThat(plan.task(9).leadDepartmentNames()).containsExactly("市住建局");
        assertThat(plan.task(50).text()).doesNotContain("新的行动");
        assertThat(plan.actions()).hasSize(4);
    }

    @Test
    void everyFindingIsInChineseWithEnglishAlongside() {
        String odd = PolicyDocumentParserTest.DOCUMENT.replace("(二)消费品以旧换新行动", "附:说明文字\n(二)消费品以旧换新行动");
        var findings = parser.parse(odd + APPENDED).report().findings();
        assertThat(findings).extracting(Finding::code).contains(Codes.UNPARSED_LINE, Codes.TEXT_TRUNCATED);
        for (Finding f : findings) {
            assertThat(f.message()).as(f.code()).containsPattern("\\p{IsHan}");
            assertThat(f.messageEn()).as(f.code()).isNotBlank().containsPattern("[A-Za-z]{3,}");
        }
        assertThat(parser.parse("hello\nworld").report().withCode(Codes.NO_TASKS))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("未找到"));
    }
}
