package cn.gov.lvliang.renewal.tasks.importer;

import cn.gov.lvliang.renewal.tasks.importer.ImportReport.Codes;
import cn.gov.lvliang.renewal.tasks.importer.ImportReport.Counts;
import cn.gov.lvliang.renewal.tasks.importer.ImportReport.Finding;
import cn.gov.lvliang.renewal.tasks.importer.ImportReport.Severity;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.Action;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.CitedDocument;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.DocumentRule;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.Metadata;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.Project;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.TargetStatement;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.Task;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.Unit;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of a task-breakdown document (任务分解) such as 吕政发〔2024〕4号 into a {@link
 * ParsedPlan}. Pure Java, no I/O.
 *
 * <p>The structure it reads:
 *
 * <ul>
 *   <li>sections 一、二、… ("一、主要目标", "二、重点任务"), which are not actions;
 *   <li>actions (一)(二)… → projects 1. 2. … → tasks (1)(2)…, each numbered as in the text
 *       (projects and tasks are numbered through the whole document);
 *   <li>each task ends with its lead departments in parentheses.
 * </ul>
 *
 * Lines are joined where the text breaks inside a sentence: inside an open 《 or (, and inside a
 * task until its closing parentheses. Everything it cannot place is reported, never guessed.
 */
public final class PolicyDocumentParser {

    private static final String CN = "[一二三四五六七八九十]+";
    private static final Pattern SECTION = Pattern.compile("^(" + CN + ")、\\s*(.+)$");
    private static final Pattern ACTION = Pattern.compile("^\\((" + CN + ")\\)\\s*(.+)$");
    private static final Pattern PROJECT = Pattern.compile("^(\\d{1,3})\\s*[.、](?!\\d)\\s*(.+)$");
    private static final Pattern TASK = Pattern.compile("^\\((\\d{1,3})\\)\\s*(.+)$");
    private static final Pattern DOCUMENT_NUMBER =
            Pattern.compile("([\\p{IsHan}]{1,8})\\s*[〔\\[［【]\\s*(\\d{4})\\s*[〕\\]］】]\\s*(\\d{1,4})\\s*号");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日$");
    private static final Pattern ANNOUNCED_ACTIONS = Pattern.compile("(\\d+|" + CN + ")\\s*大行动");
    private static final Pattern ANNOUNCED_PROJECTS = Pattern.compile("(\\d+|" + CN + ")\\s*个工程");
    private static final Pattern ANNOUNCED_TASKS = Pattern.compile("(\\d+|" + CN + ")\\s*项(?:具体|重点)?任务");

    private enum Kind {
        SECTION,
        ACTION,
        PROJECT,
        TASK,
        TEXT
    }

    /**
     * A logical line: one or more physical lines joined, with the number of the first.
     *
     * @param cutOff an open parenthesis of it was never closed: the next heading, project or task
     *     number ended it
     */
    private record Block(Kind kind, int line, String text, boolean cutOff) {

        Block(Kind kind, int line, String text) {
            this(kind, line, text, false);
        }
    }

    /** Parses {@code raw}. Never throws on odd input: problems go to the report. */
    public ParsedPlan parse(String raw) {
        String normalised = TextNormaliser.normalise(raw);
        List<Block> blocks = blocks(TextNormaliser.lines(normalised));
        return new Walk(normalised, blocks).run();
    }

    // --- logical lines ---------------------------------------------------------------------

    private static Kind kindOf(String line) {
        if (TASK.matcher(line).matches()) {
            return Kind.TASK;
        }
        if (ACTION.matcher(line).matches()) {
            return Kind.ACTION;
        }
        if (SECTION.matcher(line).matches()) {
            return Kind.SECTION;
        }
        if (PROJECT.matcher(line).matches()) {
            return Kind.PROJECT;
        }
        return Kind.TEXT;
    }

    private static List<Block> blocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            Block previous = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            Kind kind = kindOf(line);
            if (previous != null && continues(previous, line, kind)) {
                blocks.set(blocks.size() - 1, new Block(previous.kind(), previous.line(), previous.text() + line));
            } else {
                if (previous != null && kind != Kind.TEXT && openBrackets(previous.text())) {
                    // recovery: an unclosed parenthesis ends at the next heading, project or task
                    blocks.set(blocks.size() - 1, new Block(previous.kind(), previous.line(), previous.text(), true));
                }
                blocks.add(new Block(kind, i + 1, line));
            }
        }
        return blocks;
    }

    /** Whether {@code line} carries on the sentence of {@code previous} rather than starting a block. */
    private static boolean continues(Block previous, String line, Kind kind) {
        if (kind != Kind.TEXT) {
            return false; // a heading, project or task number starts a block, even after an open (
        }
        if (openBrackets(previous.text())) {
            return true; // a break inside 《…》 or (…), such as the one right after 《
        }
        // A task runs until its closing parentheses; a project's introduction until the next marker.
        return (previous.kind() == Kind.TASK && !endsWithLeads(previous.text())) || previous.kind() == Kind.PROJECT;
    }

    /**
     * Whether a task's text already ends with its lead departments: a closing parenthesis that
     * names departments, not one such as 停车库(场) or (2021-2025年) that a line break happens to
     * follow.
     */
    static boolean endsWithLeads(String text) {
        int[] group = closingGroup(text);
        return group != null && LeadDepartments.looksLikeLeads(text.substring(group[0] + 1, text.length() - 1));
    }

    private static boolean openBrackets(String text) {
        int round = 0;
        int book = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '(' -> round++;
                case ')' -> round = Math.max(0, round - 1);
                case '《' -> book++;
                case '》' -> book = Math.max(0, book - 1);
                default -> {}
            }
        }
        return round > 0 || book > 0;
    }

    // --- walking the blocks ----------------------------------------------------------------

    private static final class Walk {
        private final String normalised;
        private final List<Block> blocks;
        private final List<Finding> findings = new ArrayList<>();
        private final List<Block> header = new ArrayList<>();
        private final Map<String, List<String>> sectionParagraphs = new LinkedHashMap<>();
        private final List<MutableAction> actions = new ArrayList<>();
        private final List<DocumentRule> rules = new ArrayList<>();
        private String section;

        Walk(String normalised, List<Block> blocks) {
            this.normalised = normalised;
            this.blocks = blocks;
        }

        ParsedPlan run() {
            for (Block block : blocks) {
                switch (block.kind()) {
                    case SECTION -> startSection(block);
                    case ACTION -> startAction(block);
                    case PROJECT -> startProject(block);
                    case TASK -> startTask(block);
                    case TEXT -> text(block);
                }
            }
            Metadata metadata = metadata();
            List<Action> tree = actions.stream().map(MutableAction::freeze).toList();
            List<Task> tasks = tree.stream()
                    .flatMap(a -> a.projects().stream())
                    .flatMap(p -> p.tasks().stream())
                    .toList();
            checkEnd(tasks);
            Counts found = new Counts(
                    tree.size(),
                    (int) tree.stream().mapToLong(a -> a.projects().size()).sum(),
                    tasks.size());
            Counts announced = announced();
            compare(found, announced, tree, tasks);
            checkNumbering("action", tree.stream().map(Action::number).toList());
            checkNumbering(
                    "project",
                    tree.stream()
                            .flatMap(a -> a.projects().stream())
                            .map(Project::number)
                            .toList());
            checkNumbering("task", tasks.stream().map(Task::number).toList());
            if (tasks.isEmpty()) {
                findings.add(new Finding(
                        Severity.ERROR,
                        Codes.NO_TASKS,
                        null,
                        null,
                        "未找到编号为(1)(2)……的任务，这不像一份任务分解文件。",
                        "No task numbered (1), (2), … was found; this does not look like a task breakdown.",
                        null));
            }
            return new ParsedPlan(
                    metadata,
                    tree,
                    List.copyOf(rules),
                    targets(),
                    new ImportReport(found, announced, List.copyOf(findings)),
                    normalised);
        }

        private void startSection(Block block) {
            Matcher m = SECTION.matcher(block.text());
            m.matches();
            section = m.group(2).strip();
            sectionParagraphs.putIfAbsent(section, new ArrayList<>());
        }

        private void startAction(Block block) {
            Matcher m = ACTION.matcher(block.text());
            m.matches();
            int number;
            try {
                number = ChineseNumerals.value(m.group(1));
            } catch (IllegalArgumentException e) {
                unparsed(block, "行动编号不是数字", "an action label that is not a numeral");
                return;
            }
            actions.add(new MutableAction(number, "(" + m.group(1) + ")", stripFullStop(m.group(2)), block.line()));
        }

        private void startProject(Block block) {
            Matcher m = PROJECT.matcher(block.text());
            m.matches();
            if (actions.isEmpty()) {
                if (section == null) {
                    header.add(block);
                    return;
                }
                findings.add(new Finding(
                        Severity.WARNING,
                        Codes.OUTSIDE_TREE,
                        block.line(),
                        null,
                        "编号段落不在任何行动(一)(二)……之下，未作为工程导入。",
                        "A numbered paragraph outside any action (一)(二)…; it is not taken as a project.",
                        excerpt(block.text())));
                sectionParagraphs.get(section).add(block.text());
                return;
            }
            String text = m.group(2).strip();
            currentAction()
                    .projects
                    .add(new MutableProject(Integer.parseInt(m.group(1)), title(text), text, block.line()));
        }

        private void startTask(Block block) {
            Matcher m = TASK.matcher(block.text());
            m.matches();
            MutableAction action = actions.isEmpty() ? null : currentAction();
            if (action == null || action.projects.isEmpty()) {
                findings.add(new Finding(
                        Severity.WARNING,
                        Codes.OUTSIDE_TREE,
                        block.line(),
                        Integer.valueOf(m.group(1)),
                        "任务不在任何工程(1. 2. ……)之下，未导入计划。",
                        "A task outside any project (1. 2. …); it is left out of the plan.",
                        excerpt(block.text())));
                return;
            }
            MutableProject project = action.projects.get(action.projects.size() - 1);
            project.tasks.add(new TaskBlock(
                    Integer.parseInt(m.group(1)), project.number, m.group(2).strip(), block.line(), block.cutOff()));
        }

        private void text(Block block) {
            if (section == null) {
                header.add(block);
            } else if (actions.isEmpty()) {
                sectionParagraphs.get(section).add(block.text());
            } else {
                unparsed(block, "该段既不是行动、工程，也不是任务", "a paragraph that is neither an action, a project nor a task");
            }
        }

        private void unparsed(Block block, String whatZh, String what) {
            findings.add(new Finding(
                    Severity.WARNING,
                    Codes.UNPARSED_LINE,
                    block.line(),
                    null,
                    "第" + block.line() + "行无法归类：" + whatZh + "。",
                    "Could not place line " + block.line() + ": " + what + ".",
                    excerpt(block.text())));
        }

        private MutableAction currentAction() {
            return actions.get(actions.size() - 1);
        }

        // --- tasks ---

        private Task freezeTask(TaskBlock b) {
            String text = b.text;
            String title = title(text);
            if (b.cutOff) {
                findings.add(new Finding(
                        Severity.WARNING,
                        Codes.TEXT_TRUNCATED,
                        b.line,
                        b.number,
                        "任务(" + b.number + ")的文字在未闭合的括号中中断，下一行已是新的标题、工程或任务。",
                        "The text of task (" + b.number
                                + ") breaks off inside an open parenthesis; the next line starts a new heading,"
                                + " project or task.",
                        excerpt(tail(text))));
            }
            int[] group = closingGroup(text);
            List<Unit> leads = List.of();
            boolean counties = false;
            boolean complete = true;
            String body = text;
            if (group != null) {
                String inside = text.substring(group[0] + 1, text.length() - 1);
                body = text.substring(0, group[0]);
                LeadDepartments.Reading reading = LeadDepartments.read(inside);
                leads = reading.units();
                counties = reading.countiesImplement();
                for (String name : reading.unrecognised()) {
                    findings.add(new Finding(
                            Severity.WARNING,
                            Codes.UNRECOGNISED_UNIT,
                            b.line,
                            b.number,
                            "任务(" + b.number + ")列出的“" + name + "”既不是市级部门(市……)也不是企业(……公司)。",
                            "Task (" + b.number + ") names \"" + name
                                    + "\", which is neither a city department (市…) nor a company (…公司).",
                            name));
                }
                if (reading.ruleQuote() != null) {
                    rules.add(new DocumentRule(DocumentRule.ALL_COUNTIES_IMPLEMENT, reading.ruleQuote(), b.number));
                }
            } else {
                int open = unclosedParenthesis(text);
                if (open >= 0) {
                    complete = false;
                    body = text.substring(0, open);
                    findings.add(new Finding(
                            Severity.WARNING,
                            Codes.DEPARTMENTS_INCOMPLETE,
                            b.line,
                            b.number,
                            "任务(" + b.number + ")的牵头单位列表不完整，未从中采用任何单位。",
                            "The list of lead departments of task (" + b.number
                                    + ") is cut off; no department is taken from it.",
                            text.substring(open)));
                } else {
                    findings.add(new Finding(
                            Severity.WARNING,
                            Codes.NO_LEAD_DEPARTMENTS,
                            b.line,
                            b.number,
                            "任务(" + b.number + ")末尾没有括号中的牵头单位。",
                            "Task (" + b.number + ") does not end with its lead departments in parentheses.",
                            excerpt(tail(text))));
                }
            }
            if (leads.isEmpty() && group != null) {
                findings.add(new Finding(
                        Severity.WARNING,
                        Codes.NO_LEAD_DEPARTMENTS,
                        b.line,
                        b.number,
                        "任务(" + b.number + ")末尾的括号中没有牵头单位。",
                        "The closing parentheses of task (" + b.number + ") name no department.",
                        text.substring(group[0])));
            }
            return new Task(
                    b.number,
                    b.projectNumber,
                    title,
                    text,
                    b.line,
                    leads,
                    counties,
                    complete,
                    Quantities.milestones(body));
        }

        private void checkEnd(List<Task> tasks) {
            if (blocks.isEmpty()) {
                return;
            }
            Block last = blocks.get(blocks.size() - 1);
            if (last.kind() == Kind.TASK && !tasks.isEmpty()) {
                Task task = tasks.get(tasks.size() - 1);
                if (!task.departmentsComplete()
                        || !(task.text().endsWith(")") || task.text().endsWith("。"))) {
                    findings.add(
                            0,
                            new Finding(
                                    Severity.WARNING,
                                    Codes.TEXT_TRUNCATED,
                                    last.line(),
                                    task.number(),
                                    "文本在任务(" + task.number() + ")中间结束，其后内容缺失。",
                                    "The text ends inside task (" + task.number()
                                            + "); everything after it is missing.",
                                    excerpt(tail(task.text()))));
                }
            } else if (!endsASentence(last.text())) {
                findings.add(
                        0,
                        new Finding(
                                Severity.WARNING,
                                Codes.TEXT_TRUNCATED,
                                last.line(),
                                null,
                                "文本在句子中间结束。",
                                "The text ends in the middle of a sentence.",
                                excerpt(tail(last.text()))));
            }
        }

        private static boolean endsASentence(String text) {
            return text.endsWith("。")
                    || text.endsWith(")")
                    || text.endsWith("”")
                    || text.endsWith("》")
                    || DATE.matcher(text).matches()
                    || !text.matches(".*[，,、(《]$");
        }

        // --- counts ---

        private Counts announced() {
            Integer a = announcedCount(ANNOUNCED_ACTIONS);
            Integer p = announcedCount(ANNOUNCED_PROJECTS);
            Integer t = announcedCount(ANNOUNCED_TASKS);
            if (a == null && p == null && t == null) {
                findings.add(new Finding(
                        Severity.INFO,
                        Codes.NO_ANNOUNCED_COUNTS,
                        null,
                        null,
                        "文本未说明包含多少行动、工程和任务。",
                        "The text does not announce how many actions, projects and tasks it holds.",
                        null));
            }
            return new Counts(a, p, t);
        }

        private Integer announcedCount(Pattern pattern) {
            Matcher m = pattern.matcher(normalised);
            if (!m.find()) {
                return null;
            }
            try {
                return Quantities.chineseOrArabic(m.group(1));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private void compare(Counts found, Counts announced, List<Action> tree, List<Task> tasks) {
            int lastAction = tree.stream().mapToInt(Action::number).max().orElse(0);
            int lastProject = tree.stream()
                    .flatMap(a -> a.projects().stream())
                    .mapToInt(Project::number)
                    .max()
                    .orElse(0);
            int lastTask = tasks.stream().mapToInt(Task::number).max().orElse(0);
            missing(Codes.MISSING_ACTIONS, "action", announced.actions(), found.actions(), lastAction);
            missing(Codes.MISSING_PROJECTS, "project", announced.projects(), found.projects(), lastProject);
            missing(Codes.MISSING_TASKS, "task", announced.tasks(), found.tasks(), lastTask);
        }

        private void missing(String code, String what, Integer announced, int found, int last) {
            if (announced == null) {
                return;
            }
            if (found > announced) {
                findings.add(new Finding(
                        Severity.WARNING,
                        Codes.EXTRA_ITEMS,
                        null,
                        null,
                        "文本说明有" + announced + "个" + zh(what) + "，实际有" + found + "个。",
                        "The text announces " + announced + " " + what + "s but contains " + found + ".",
                        null));
            } else if (found < announced) {
                String range =
                        last + 1 == announced ? what + " " + announced : what + "s " + (last + 1) + "–" + announced;
                String rangeZh = last + 1 == announced
                        ? "第" + announced + "个" + zh(what)
                        : "第" + (last + 1) + "–" + announced + "个" + zh(what);
                if (last >= announced) {
                    range = (announced - found) + " " + what + "(s) (numbering has gaps)";
                    rangeZh = (announced - found) + "个" + zh(what) + "（编号有缺口）";
                }
                findings.add(new Finding(
                        Severity.WARNING,
                        code,
                        null,
                        null,
                        "文本说明有" + announced + "个" + zh(what) + "，实际只有" + found + "个：缺少" + rangeZh + "。",
                        "The text announces " + announced + " " + what + "s but contains " + found + ": the announced "
                                + range + " " + (announced - found == 1 ? "is" : "are") + " missing.",
                        null));
            }
        }

        private void checkNumbering(String what, List<Integer> numbers) {
            int expected = 1;
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int n : numbers) {
                if (!seen.add(n)) {
                    findings.add(new Finding(
                            Severity.WARNING,
                            Codes.DUPLICATE_NUMBER,
                            null,
                            null,
                            zh(what) + "编号" + n + "出现多次。",
                            "The " + what + " number " + n + " appears more than once.",
                            null));
                } else if (n != expected) {
                    findings.add(new Finding(
                            Severity.WARNING,
                            Codes.NUMBERING_GAP,
                            null,
                            null,
                            zh(what) + "编号从" + (expected - 1) + "跳到" + n + "。",
                            "The " + what + " numbering jumps from " + (expected - 1) + " to " + n + ".",
                            null));
                }
                expected = Math.max(expected, n + 1);
            }
        }

        private static String zh(String what) {
            return switch (what) {
                case "action" -> "行动";
                case "project" -> "工程";
                default -> "任务";
            };
        }

        // --- metadata and targets ---

        private Metadata metadata() {
            String title = header.isEmpty() ? null : header.get(0).text();
            String number = null;
            String issuer = null;
            LocalDate date = null;
            for (int i = 0; i < header.size(); i++) {
                String text = header.get(i).text();
                Matcher n = DOCUMENT_NUMBER.matcher(text);
                if (number == null && n.matches()) {
                    number = canonical(n);
                }
                Matcher d = DATE.matcher(text);
                if (date == null && d.matches()) {
                    try {
                        date = LocalDate.of(
                                Integer.parseInt(d.group(1)),
                                Integer.parseInt(d.group(2)),
                                Integer.parseInt(d.group(3)));
                    } catch (DateTimeException e) {
                        unparsed(header.get(i), "日期不存在", "a date that does not exist");
                    }
                    if (i > 0
                            && header.get(i - 1).text().length() <= 30
                            && !header.get(i - 1).text().matches(".*[。:：,，]$")) {
                        issuer = header.get(i - 1).text();
                    }
                }
            }
            if (number == null) {
                Matcher n = DOCUMENT_NUMBER.matcher(normalised);
                if (n.find()) {
                    number = canonical(n);
                }
            }
            List<CitedDocument> cited = new ArrayList<>();
            Matcher n = DOCUMENT_NUMBER.matcher(normalised);
            while (n.find()) {
                String other = canonical(n);
                if (!other.equals(number)
                        && cited.stream().noneMatch(c -> c.documentNumber().equals(other))) {
                    cited.add(new CitedDocument(other, citedTitle(n.start())));
                }
            }
            for (String[] field : new String[][] {
                {"document number (发文字号)", "发文字号", number},
                {"title", "标题", title},
                {"issuer", "发文机关", issuer},
                {"date", "成文日期", date == null ? null : "x"}
            }) {
                if (field[2] == null) {
                    findings.add(new Finding(
                            Severity.WARNING,
                            Codes.MISSING_METADATA,
                            null,
                            null,
                            "未找到文件的" + field[1] + "。",
                            "The " + field[0] + " of the document was not found.",
                            null));
                }
            }
            return new Metadata(number, title, issuer, date, List.copyOf(cited));
        }

        private static String canonical(Matcher m) {
            return m.group(1) + "〔" + m.group(2) + "〕" + m.group(3) + "号";
        }

        /** The 《title》 written just before a document number, as in 《…通知》(晋政发〔2024〕10号). */
        private String citedTitle(int numberStart) {
            String before = normalised.substring(0, numberStart).replace("\n", "");
            String trimmed = before.stripTrailing();
            if (trimmed.endsWith("(")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1).stripTrailing();
            }
            if (!trimmed.endsWith("》")) {
                return null;
            }
            int open = trimmed.lastIndexOf('《');
            return open < 0 ? null : trimmed.substring(open + 1, trimmed.length() - 1);
        }

        private List<TargetStatement> targets() {
            List<TargetStatement> out = new ArrayList<>();
            for (Map.Entry<String, List<String>> section : sectionParagraphs.entrySet()) {
                if (!section.getKey().contains("目标")) {
                    continue;
                }
                for (String paragraph : section.getValue()) {
                    Integer year = Quantities.deadlineYear(paragraph);
                    if (year == null) {
                        continue;
                    }
                    for (String sentence : paragraph.split("。")) {
                        for (String clause : Quantities.clauses(sentence)) {
                            var quantities = Quantities.quantities(clause);
                            if (!quantities.isEmpty() || clause.contains("提升") || clause.contains("达到")) {
                                if (clause.matches("^到\\d{4}年$")) {
                                    continue;
                                }
                                out.add(new TargetStatement(clause, Quantities.baselineYear(clause), year, quantities));
                            }
                        }
                    }
                }
            }
            return out;
        }

        // --- helpers ---

        private final class MutableAction {
            final int number;
            final String label;
            final String title;
            final int line;
            final List<MutableProject> projects = new ArrayList<>();

            MutableAction(int number, String label, String title, int line) {
                this.number = number;
                this.label = label;
                this.title = title;
                this.line = line;
            }

            Action freeze() {
                return new Action(
                        number,
                        label,
                        title,
                        line,
                        projects.stream().map(MutableProject::freeze).toList());
            }
        }

        private final class MutableProject {
            final int number;
            final String title;
            final String text;
            final int line;
            final List<TaskBlock> tasks = new ArrayList<>();

            MutableProject(int number, String title, String text, int line) {
                this.number = number;
                this.title = title;
                this.text = text;
                this.line = line;
            }

            Project freeze() {
                return new Project(
                        number,
                        title,
                        text,
                        line,
                        tasks.stream().map(Walk.this::freezeTask).toList());
            }
        }

        private record TaskBlock(int number, int projectNumber, String text, int line, boolean cutOff) {}
    }

    // --- text helpers ----------------------------------------------------------------------

    /** The phrase before the first 。 (or before the closing parentheses when there is no 。). */
    static String title(String text) {
        int stop = text.indexOf('。');
        if (stop >= 0) {
            return text.substring(0, stop).strip();
        }
        int[] group = closingGroup(text);
        int open = group != null ? group[0] : unclosedParenthesis(text);
        return (open >= 0 ? text.substring(0, open) : text).strip();
    }

    private static String stripFullStop(String text) {
        String t = text.strip();
        return t.endsWith("。") ? t.substring(0, t.length() - 1) : t;
    }

    /** {start, end} of the parenthesis group that closes the text, or null. */
    static int[] closingGroup(String text) {
        if (!text.endsWith(")")) {
            return null;
        }
        int depth = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                depth--;
                if (depth == 0) {
                    return new int[] {i, text.length()};
                }
            }
        }
        return null;
    }

    /** The index of the outermost ( that is never closed, or -1. */
    static int unclosedParenthesis(String text) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                open.add(i);
            } else if (c == ')' && !open.isEmpty()) {
                open.remove(open.size() - 1);
            }
        }
        return open.isEmpty() ? -1 : open.get(0);
    }

    private static String tail(String text) {
        return text.length() <= 40 ? text : text.substring(text.length() - 40);
    }

    private static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
