package cn.gov.lvliang.renewal.tasks.importer;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@link PolicyDocumentParser} found in a policy document (政策文件): its metadata, the tree
 * of actions (行动) → projects (工程) → tasks (任务), the document-wide rules, the main targets
 * (主要目标) and a report of everything it recognised or could not parse. Nothing in it is
 * invented: every value is a piece of the text, or is derived from one that is quoted alongside.
 */
public record ParsedPlan(
        Metadata metadata,
        List<Action> actions,
        List<DocumentRule> rules,
        List<TargetStatement> targets,
        ImportReport report,
        String normalisedText) {

    /** All tasks in document order. */
    public List<Task> tasks() {
        return actions.stream()
                .flatMap(a -> a.projects().stream())
                .flatMap(p -> p.tasks().stream())
                .toList();
    }

    /** All projects in document order. */
    public List<Project> projects() {
        return actions.stream().flatMap(a -> a.projects().stream()).toList();
    }

    /** The task numbered {@code number}, or null. */
    public Task task(int number) {
        return tasks().stream().filter(t -> t.number() == number).findFirst().orElse(null);
    }

    /**
     * The document's own metadata.
     *
     * @param documentNumber 发文字号, for example 吕政发〔2024〕4号 (null when absent)
     * @param title 标题, the first line
     * @param issuer 发文机关, the line above the date
     * @param issuedOn 成文日期
     * @param citedDocuments higher-level documents it cites (上级文件)
     */
    public record Metadata(
            String documentNumber,
            String title,
            String issuer,
            LocalDate issuedOn,
            List<CitedDocument> citedDocuments) {}

    /** A document cited by number, with the 《title》 written just before the number when there is one. */
    public record CitedDocument(String documentNumber, String title) {}

    /** 行动: (一)重点领域设备更新行动. */
    public record Action(int number, String label, String title, int line, List<Project> projects) {}

    /** 工程: 1.工业设备绿色智能更新升级工程。… */
    public record Project(int number, String title, String text, int line, List<Task> tasks) {}

    /**
     * 任务: (1)设备现状摸排。…(市工信局…负责).
     *
     * @param title the phrase before the first 。
     * @param text the full text, closing parentheses included
     * @param leads the units named in the closing parentheses, in order
     * @param countiesImplement the parentheses name the county governments (各县市区人民政府负责落实)
     * @param departmentsComplete false when the closing parentheses are cut off
     */
    public record Task(
            int number,
            int projectNumber,
            String title,
            String text,
            int line,
            List<Unit> leads,
            boolean countiesImplement,
            boolean departmentsComplete,
            List<Milestone> milestones) {

        /** Names of the lead units of kind {@link UnitKind#DEPARTMENT}. */
        public List<String> leadDepartmentNames() {
            return leads.stream()
                    .filter(u -> u.kind() == UnitKind.DEPARTMENT)
                    .map(Unit::name)
                    .toList();
        }

        /** Names of the co-operating companies (国网吕梁分公司 …). */
        public List<String> cooperatingUnitNames() {
            return leads.stream()
                    .filter(u -> u.kind() == UnitKind.COMPANY)
                    .map(Unit::name)
                    .toList();
        }
    }

    /** What kind of unit a task's parentheses name. */
    public enum UnitKind {
        /** A city department (市工信局). */
        DEPARTMENT,
        /** A company that co-operates (国网吕梁分公司, 地方电力吕梁分公司). */
        COMPANY,
        /** Anything else named there; reported as a warning. */
        OTHER
    }

    /** A unit named in a task's closing parentheses. */
    public record Unit(String name, UnitKind kind) {}

    /**
     * A candidate milestone or target found in a task's text: a deadline (到2025年底), quantities
     * (659个, 80%), and the clause they come from.
     */
    public record Milestone(String clause, String deadlineText, LocalDate dueDate, List<Quantity> quantities) {}

    /** A number with its unit, as written: 659 个, 80 %, 一 倍. */
    public record Quantity(java.math.BigDecimal value, String unit, String text) {}

    /** A rule that applies to the whole document, such as "every county implements every task". */
    public record DocumentRule(String code, String quote, Integer taskNumber) {

        public static final String ALL_COUNTIES_IMPLEMENT = "ALL_COUNTIES_IMPLEMENT_EVERY_TASK";
    }

    /**
     * A clause of the main targets (主要目标): "报废汽车回收量较2023年增加约一倍".
     *
     * @param baselineYear the 较YYYY年 year, null when the clause has none
     * @param targetYear the 到YYYY年 year of its paragraph
     */
    public record TargetStatement(String clause, Integer baselineYear, Integer targetYear, List<Quantity> quantities) {}
}
