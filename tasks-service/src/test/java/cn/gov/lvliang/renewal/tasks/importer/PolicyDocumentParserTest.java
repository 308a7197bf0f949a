package cn.gov.lvliang.renewal.tasks.importer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.tasks.importer.ImportReport.Codes;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.Milestone;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.Task;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The importer on the shared document 吕政发〔2024〕4号 and on variants of it. */
class PolicyDocumentParserTest {

    static final String DOCUMENT = resource("/policy/lvzhengfa-2024-4.txt");

    private final PolicyDocumentParser parser = new PolicyDocumentParser();

    static String resource(String path) {
        try (InputStream in = PolicyDocumentParserTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsTheMetadata() {
        ParsedPlan plan = parser.parse(DOCUMENT);
        assertThat(plan.metadata().documentNumber()).isEqualTo("吕政发〔2024〕4号");
        assertThat(plan.metadata().title()).isEqualTo("吕梁市人民政府关于印发吕梁市推动大规模设备更新和消费品以旧换新工作任务分解的通知");
        assertThat(plan.metadata().issuer()).isEqualTo("吕梁市人民政府");
        assertThat(plan.metadata().issuedOn()).isEqualTo(LocalDate.of(2024, 5, 11));
        assertThat(plan.metadata().citedDocuments()).singleElement().satisfies(c -> {
            assertThat(c.documentNumber()).isEqualTo("晋政发〔2024〕10号");
            assertThat(c.title()).isEqualTo("山西省人民政府关于印发山西省推动大规模设备更新和消费品以旧换新实施方案的通知");
        });
    }

    @Test
    void findsThreeActionsFourteenProjectsAndFiftyTasksAgainstTheAnnouncedFourSeventeenFiftyFive() {
        ParsedPlan plan = parser.parse(DOCUMENT);
        assertThat(plan.report().found()).isEqualTo(new ImportReport.Counts(3, 14, 50));
        assertThat(plan.report().announced()).isEqualTo(new ImportReport.Counts(4, 17, 55));
        assertThat(plan.actions())
                .extracting(ParsedPlan.Action::title)
                .containsExactly("重点领域设备更新行动", "消费品以旧换新行动", "资源回收循环利用行动");
        assertThat(plan.projects())
                .extracting(ParsedPlan.Project::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(plan.projects().get(0).title()).isEqualTo("工业设备绿色智能更新升级工程");
        assertThat(plan.tasks())
                .extracting(Task::number)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList());
        // sections 一、主要目标 and 二、重点任务 are not actions
        assertThat(plan.actions()).extracting(ParsedPlan.Action::title).doesNotContain("主要目标", "重点任务");
        // tasks sit under the project that precedes them
        assertThat(plan.task(7).projectNumber()).isEqualTo(1);
        assertThat(plan.task(8).projectNumber()).isEqualTo(2);
        assertThat(plan.task(32).projectNumber()).isEqualTo(9);
        assertThat(plan.task(50).projectNumber()).isEqualTo(14);
    }

    @Test
    void reportsTheTruncationAndWhatIsMissing() {
        ImportReport report = parser.parse(DOCUMENT).report();
        assertThat(report.withCode(Codes.TEXT_TRUNCATED)).singleElement().satisfies(f -> {
            assertThat(f.taskNumber()).isEqualTo(50);
            assertThat(f.messageEn()).contains("ends inside task (50)");
        });
        assertThat(report.withCode(Codes.DEPARTMENTS_INCOMPLETE))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.taskNumber()).isEqualTo(50);
                    assertThat(f.excerpt()).isEqualTo("(市工");
                });
        assertThat(report.withCode(Codes.MISSING_TASKS))
                .singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("tasks 51–55"));
        assertThat(report.withCode(Codes.MISSING_ACTIONS))
                .singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("action 4 is missing"));
        assertThat(report.withCode(Codes.MISSING_PROJECTS))
                .singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("projects 15–17"));
        // nothing else is wrong with the text
        assertThat(report.findings())
                .extracting(ImportReport.Finding::code)
                .containsExactlyInAnyOrder(
                        Codes.TEXT_TRUNCATED,
                        Codes.DEPARTMENTS_INCOMPLETE,
                        Codes.MISSING_ACTIONS,
                        Codes.MISSING_PROJECTS,
                        Codes.MISSING_TASKS);
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void neverInventsTheCutOffDepartmentsOfTaskFifty() {
        Task task50 = parser.parse(DOCUMENT).task(50);
        assertThat(task50.title()).isEqualTo("推进产品设备梯次利用");
        assertThat(task50.departmentsComplete()).isFalse();
        assertThat(task50.leads()).isEmpty();
        assertThat(task50.text()).endsWith("(市工");
    }

    @Test
    void readsTheLeadDepartmentsOfTheAcceptanceTasks() {
        ParsedPlan plan = parser.parse(DOCUMENT);
        assertThat(plan.task(1).leadDepartmentNames()).containsExactly("市工信局", "市能源局", "市规划和自然资源局", "市生态环境局");
        assertThat(plan.task(1).countiesImplement()).isTrue();
        assertThat(plan.task(11).leadDepartmentNames()).containsExactly("市城管局", "市住建局", "市数据局");
        assertThat(plan.task(10).leadDepartmentNames()).containsExactly("市住建局");
        assertThat(plan.task(9).leadDepartmentNames()).containsExactly("市住建局");
        assertThat(plan.task(1).title()).isEqualTo("设备现状摸排");
        assertThat(plan.task(10).title()).isEqualTo("开展老旧小区环境综合整治");
    }

    @Test
    void separatesCooperatingCompaniesFromDepartments() {
        ParsedPlan plan = parser.parse(DOCUMENT);
        assertThat(plan.task(2).leadDepartmentNames()).containsExactly("市工信局", "市能源局", "市规划和自然资源局", "市生态环境局");
        assertThat(plan.task(2).cooperatingUnitNames()).containsExactly("国网吕梁分公司", "地方电力吕梁分公司");
        assertThat(plan.task(34).cooperatingUnitNames()).containsExactly("国网吕梁分公司");
        assertThat(plan.task(34).leadDepartmentNames()).hasSize(7).contains("市住建局");
    }

    @Test
    void everyCompleteTaskHasALeadDepartmentAndATitle() {
        for (Task task : parser.parse(DOCUMENT).tasks()) {
            assertThat(task.title()).isNotBlank().doesNotContain("。");
            assertThat(task.text()).startsWith(task.title());
            if (task.number() < 50) {
                assertThat(task.leadDepartmentNames())
                        .as("task %d", task.number())
                        .isNotEmpty();
                assertThat(task.leadDepartmentNames())
                        .allSatisfy(n -> assertThat(n).startsWith("市").doesNotContain("负责"));
            }
        }
    }

    @Test
    void readsTheDocumentWideRuleFromTaskOne() {
        ParsedPlan plan = parser.parse(DOCUMENT);
        assertThat(plan.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.code()).isEqualTo(ParsedPlan.DocumentRule.ALL_COUNTIES_IMPLEMENT);
            assertThat(rule.taskNumber()).isEqualTo(1);
            assertThat(rule.quote()).startsWith("以下均需各县市区人民政府落实");
        });
    }

    @Test
    void findsTheMilestonesOfTasksTenTwelveEighteenAndNineteen() {
        ParsedPlan plan = parser.parse(DOCUMENT);
        Milestone compounds = single(plan.task(10).milestones());
        assertThat(compounds.dueDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(compounds.deadlineText()).isEqualTo("到2025年底");
        assertThat(compounds.quantities()).singleElement().satisfies(q -> {
            assertThat(q.value()).isEqualByComparingTo(BigDecimal.valueOf(659));
            assertThat(q.unit()).isEqualTo("个");
        });
        assertThat(compounds.clause()).contains("659个老旧小区改造任务");

        Milestone pipelines = single(plan.task(12).milestones());
        assertThat(pipelines.dueDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(pipelines.quantities()).isEmpty();

        Milestone coverage = single(plan.task(18).milestones());
        assertThat(coverage.dueDate()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(coverage.quantities()).extracting(ParsedPlan.Quantity::text).containsExactly("100%");

        Milestone mechanisation = single(plan.task(19).milestones());
        assertThat(mechanisation.dueDate()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(mechanisation.quantities())
                .extracting(ParsedPlan.Quantity::text)
                .containsExactly("80%");
        // labels and years are not quantities
        assertThat(plan.task(4).milestones()).isEmpty();
        assertThat(plan.task(26).milestones()).isEmpty();
    }

    @Test
    void readsTheMainTargets() {
        List<ParsedPlan.TargetStatement> targets = parser.parse(DOCUMENT).targets();
        assertThat(targets).allSatisfy(t -> assertThat(t.targetYear()).isEqualTo(2027));
        assertThat(targets)
                .filteredOn(t -> t.clause().startsWith("二手车交易量"))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.baselineYear()).isEqualTo(2023);
                    assertThat(t.quantities())
                            .extracting(ParsedPlan.Quantity::text)
                            .containsExactly("45%");
                });
        assertThat(targets)
                .filteredOn(t -> t.clause().startsWith("报废汽车回收量"))
                .singleElement()
                .satisfies(t -> assertThat(t.quantities())
                        .extracting(ParsedPlan.Quantity::unit)
                        .containsExactly("倍"));
        assertThat(targets).filteredOn(t -> t.clause().contains("25%")).hasSize(1);
        assertThat(targets).filteredOn(t -> t.clause().startsWith("废旧家电回收量")).hasSize(1);
    }

    // --- variants ---

    @Test
    void crlfLineEndingsGiveTheSamePlan() {
        ParsedPlan lf = parser.parse(DOCUMENT);
        ParsedPlan crlf = parser.parse(DOCUMENT.replace("\n", "\r\n"));
        assertThat(crlf.tasks()).isEqualTo(lf.tasks());
        assertThat(crlf.metadata()).isEqualTo(lf.metadata());
        assertThat(crlf.report()).isEqualTo(lf.report());
    }

    @Test
    void fullWidthDigitsAndParenthesesGiveTheSamePlan() {
        StringBuilder wide = new StringBuilder();
        for (char c : DOCUMENT.toCharArray()) {
            if (c >= '0' && c <= '9') {
                wide.append((char) ('０' + (c - '0')));
            } else if (c == '(') {
                wide.append('（');
            } else if (c == ')') {
                wide.append('）');
            } else {
                wide.append(c);
            }
        }
        ParsedPlan plan = parser.parse("\uFEFF" + wide);
        ParsedPlan lf = parser.parse(DOCUMENT);
        assertThat(plan.tasks()).isEqualTo(lf.tasks());
        assertThat(plan.metadata().documentNumber()).isEqualTo("吕政发〔2024〕4号");
        assertThat(plan.report().found()).isEqualTo(new ImportReport.Counts(3, 14, 50));
    }

    @Test
    void theLineBreakAfterTheOpeningBookTitleMarkIsJoined() {
        ParsedPlan plan = parser.parse(DOCUMENT);
        assertThat(plan.report().withCode(Codes.UNPARSED_LINE)).isEmpty();
        assertThat(plan.metadata().citedDocuments().get(0).title()).startsWith("山西省人民政府");
    }

    @Test
    void aTaskSplitAcrossLinesIsOneTask() {
        String split = DOCUMENT.replace("按照《吕梁市城镇老旧小区", "按照《\n吕梁市城镇老旧小区")
                .replace("智能快件箱、智能信包箱、", "智能快件箱、\r\n智能信包箱、")
                .replace("到2025年底基本完成全市659个老旧小区改造任务。(市住建局负责)", "到2025年底基本完成全市659个老旧小区改造任务。\n(市住建局负责)")
                .replace("(市城管局、市住建局、市数据局按照职责分工负责)", "(市城管局、市住建局,\n市数据局按照职责分工负责)");
        ParsedPlan plan = parser.parse(split);
        ParsedPlan original = parser.parse(DOCUMENT);
        assertThat(plan.task(10).text()).isEqualTo(original.task(10).text());
        assertThat(plan.task(10).leadDepartmentNames()).containsExactly("市住建局");
        assertThat(plan.task(11).leadDepartmentNames()).containsExactly("市城管局", "市住建局", "市数据局");
        assertThat(plan.report().found()).isEqualTo(new ImportReport.Counts(3, 14, 50));
        assertThat(plan.report().withCode(Codes.UNPARSED_LINE)).isEmpty();
    }

    @Test
    void aLineBreakRightAfterAParenthesisInsideTheTextIsNotTheEndOfTheTask() {
        String split =
                DOCUMENT.replace("停车库(场)、电动自行车", "停车库(场)\n、电动自行车").replace("(2021-2025年)》要求", "(2021-2025年)\n》要求");
        ParsedPlan plan = parser.parse(split);
        assertThat(plan.task(10).text())
                .isEqualTo(parser.parse(DOCUMENT).task(10).text());
        assertThat(plan.report().withCode(Codes.UNPARSED_LINE)).isEmpty();
    }

    @Test
    void fullWidthCommasAndAsciiParenthesesInTheDepartmentList() {
        String variant = DOCUMENT.replace(
                "(市工信局、市能源局、市规划和自然资源局、市生态环境局,国网吕梁分公司、地方电力吕梁分公司按照职责分工负责)",
                "（市工信局，市能源局、市规划和自然资源局、市生态环境局，国网吕梁分公司、地方电力吕梁分公司按照职责分工负责）");
        Task task2 = parser.parse(variant).task(2);
        assertThat(task2.leadDepartmentNames()).containsExactly("市工信局", "市能源局", "市规划和自然资源局", "市生态环境局");
        assertThat(task2.cooperatingUnitNames()).containsExactly("国网吕梁分公司", "地方电力吕梁分公司");
    }

    @Test
    void aCompleteDocumentHasNoWarnings() {
        String complete = DOCUMENT.substring(0, DOCUMENT.lastIndexOf("(市工")) + "(市工信局、市能源局按照职责分工负责)\n"
                + "(四)标准提升衔接行动\n"
                + "15.能耗排放标准提升工程。加快标准提升。\n"
                + "(51)提升标准一。内容。(市市场监管局负责)\n"
                + "(52)提升标准二。内容。(市市场监管局负责)\n"
                + "16.产品技术标准提升工程。推进。\n"
                + "(53)提升标准三。内容。(市市场监管局、市工信局按照职责分工负责)\n"
                + "17.回收标准工程。推进。\n"
                + "(54)提升标准四。内容。(市商务局负责)\n"
                + "(55)提升标准五。到2027年,完成10项标准。(市商务局负责)\n";
        ParsedPlan plan = parser.parse(complete);
        assertThat(plan.report().found()).isEqualTo(new ImportReport.Counts(4, 17, 55));
        assertThat(plan.report().findings()).isEmpty();
        assertThat(plan.task(50).leadDepartmentNames()).containsExactly("市工信局", "市能源局");
        assertThat(plan.task(55).milestones())
                .singleElement()
                .satisfies(m -> assertThat(m.quantities())
                        .extracting(ParsedPlan.Quantity::text)
                        .containsExactly("10项"));
    }

    @Test
    void aRemovedTaskShowsAsAGapAndAnAddedOneAsMoreThanAnnounced() {
        int start = DOCUMENT.indexOf("(9)实施建筑节能改造");
        int end = DOCUMENT.indexOf("(10)开展老旧小区");
        ParsedPlan removed = parser.parse(DOCUMENT.substring(0, start) + DOCUMENT.substring(end));
        assertThat(removed.task(9)).isNull();
        assertThat(removed.report().found().tasks()).isEqualTo(49);
        assertThat(removed.report().withCode(Codes.NUMBERING_GAP))
                .singleElement()
                .satisfies(f -> assertThat(f.messageEn()).contains("from 8 to 10"));

        String added = DOCUMENT.replace("(9)实施建筑节能改造", "(9)新增的任务。新增内容。(市商务局负责)\n(9)实施建筑节能改造");
        ParsedPlan duplicated = parser.parse(added);
        assertThat(duplicated.report().found().tasks()).isEqualTo(51);
        assertThat(duplicated.report().withCode(Codes.DUPLICATE_NUMBER)).hasSize(1);
    }

    @Test
    void aParagraphThatFitsNowhereIsReported() {
        String odd = DOCUMENT.replace("(二)消费品以旧换新行动", "附:说明文字\n(二)消费品以旧换新行动");
        // the stray paragraph follows task (31), which is complete, so it cannot be a continuation
        ParsedPlan plan = parser.parse(odd);
        assertThat(plan.report().withCode(Codes.UNPARSED_LINE))
                .singleElement()
                .satisfies(f -> assertThat(f.excerpt()).isEqualTo("附:说明文字"));
        assertThat(plan.task(31).text()).doesNotContain("附");
    }

    @Test
    void garbageIsReportedNotThrown() {
        ParsedPlan plan = parser.parse("hello\nworld");
        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.report().hasErrors()).isTrue();
        assertThat(parser.parse("").report().hasErrors()).isTrue();
    }

    private static Milestone single(List<Milestone> milestones) {
        assertThat(milestones).hasSize(1);
        return milestones.get(0);
    }
}
