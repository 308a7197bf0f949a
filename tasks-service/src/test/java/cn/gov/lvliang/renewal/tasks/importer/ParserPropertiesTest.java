package cn.gov.lvliang.renewal.tasks.importer;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Properties of the parser: line breaks inside a task change nothing; no input makes it throw. */
class ParserPropertiesTest {

    private static final PolicyDocumentParser PARSER = new PolicyDocumentParser();
    private static final ParsedPlan ORIGINAL = PARSER.parse(PolicyDocumentParserTest.DOCUMENT);

    @Property(tries = 300)
    void aLineBreakAnywhereInsideATaskGivesTheSameTasks(
            @ForAll @IntRange(min = 1, max = 50) int number,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double where,
            @ForAll boolean crlf) {
        String text = ORIGINAL.task(number).text();
        int start = PolicyDocumentParserTest.DOCUMENT.indexOf(text);
        // after the marker "(n)" and before the last character
        int marker = ("(" + number + ")").length();
        int at = start + marker + 1 + (int) (where * (text.length() - marker - 2));
        String split = PolicyDocumentParserTest.DOCUMENT.substring(0, at)
                + (crlf ? "\r\n" : "\n")
                + PolicyDocumentParserTest.DOCUMENT.substring(at);
        ParsedPlan plan = PARSER.parse(split);
        assertThat(plan.tasks())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("line")
                .isEqualTo(ORIGINAL.tasks());
        assertThat(plan.report().found()).isEqualTo(ORIGINAL.report().found());
        assertThat(plan.report().withCode(ImportReport.Codes.UNPARSED_LINE)).isEmpty();
    }

    @Property(tries = 300)
    void anyTextGivesAReportAndNeverThrows(@ForAll String text) {
        ParsedPlan plan = PARSER.parse(text);
        assertThat(plan.report()).isNotNull();
        assertThat(plan.tasks()).hasSize(plan.report().found().tasks());
    }

    @Property(tries = 100)
    void aPrefixOfTheDocumentNeverInventsADepartment(@ForAll @DoubleRange(min = 0.3, max = 1.0) double share) {
        String prefix = PolicyDocumentParserTest.DOCUMENT.substring(
                0, (int) (share * PolicyDocumentParserTest.DOCUMENT.length()));
        ParsedPlan plan = PARSER.parse(prefix);
        for (ParsedPlan.Task task : plan.tasks()) {
            ParsedPlan.Task full = ORIGINAL.task(task.number());
            if (task.departmentsComplete() && task.text().equals(full.text())) {
                assertThat(task.leads()).isEqualTo(full.leads());
            } else {
                // a cut-off task names no department it does not fully show
                assertThat(task.leads())
                        .allSatisfy(u -> assertThat(full.leads()).contains(u));
            }
        }
    }
}
