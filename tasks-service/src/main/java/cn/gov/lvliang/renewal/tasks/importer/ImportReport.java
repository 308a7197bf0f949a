package cn.gov.lvliang.renewal.tasks.importer;

import java.util.List;

/**
 * 导入报告: what the parser recognised against what the document announces, and every place it
 * could not parse.
 */
public record ImportReport(Counts found, Counts announced, List<Finding> findings) {

    /** Numbers of actions, projects and tasks. {@code announced} has nulls when the text does not say. */
    public record Counts(Integer actions, Integer projects, Integer tasks) {}

    /** How bad a finding is: warnings keep the import; errors reject it. */
    public enum Severity {
        INFO,
        WARNING,
        ERROR
    }

    /**
     * One finding.
     *
     * @param code stable machine code, for example {@code TEXT_TRUNCATED}
     * @param line 1-based line of the normalised text, null for document-wide findings
     * @param taskNumber the task concerned, if any
     * @param message a sentence for people in Chinese (导入提示), like the API's problem messages
     * @param messageEn the same sentence in English, alongside
     * @param excerpt the text concerned, as written
     */
    public record Finding(
            Severity severity,
            String code,
            Integer line,
            Integer taskNumber,
            String message,
            String messageEn,
            String excerpt) {}

    /** The findings with {@code code}. */
    public List<Finding> withCode(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** Finding codes. */
    public static final class Codes {
        public static final String TEXT_TRUNCATED = "TEXT_TRUNCATED";
        public static final String DEPARTMENTS_INCOMPLETE = "DEPARTMENTS_INCOMPLETE";
        public static final String NO_LEAD_DEPARTMENTS = "NO_LEAD_DEPARTMENTS";
        public static final String MISSING_ACTIONS = "MISSING_ACTIONS";
        public static final String MISSING_PROJECTS = "MISSING_PROJECTS";
        public static final String MISSING_TASKS = "MISSING_TASKS";
        public static final String EXTRA_ITEMS = "MORE_THAN_ANNOUNCED";
        public static final String NUMBERING_GAP = "NUMBERING_GAP";
        public static final String DUPLICATE_NUMBER = "DUPLICATE_NUMBER";
        public static final String UNPARSED_LINE = "UNPARSED_LINE";
        public static final String OUTSIDE_TREE = "OUTSIDE_TREE";
        public static final String UNRECOGNISED_UNIT = "UNRECOGNISED_UNIT";
        public static final String MISSING_METADATA = "MISSING_METADATA";
        public static final String NO_ANNOUNCED_COUNTS = "NO_ANNOUNCED_COUNTS";
        public static final String NO_TASKS = "NO_TASKS";

        private Codes() {}
    }
}
