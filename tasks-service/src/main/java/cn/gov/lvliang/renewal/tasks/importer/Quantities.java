package cn.gov.lvliang.renewal.tasks.importer;

import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.Milestone;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.Quantity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds deadlines (到2025年底, 到2027年) and quantities (659个, 80%, 15个百分点, 约一倍) in a text,
 * clause by clause. Years that are not deadlines (2021-2025年, 2024年版, 较2023年) and labels such as
 * 5G, 4A级 or 能效2级 are not quantities.
 */
public final class Quantities {

    private static final Pattern DEADLINE = Pattern.compile("到(\\d{4})年(底|末)?");
    private static final Pattern QUANTITY =
            Pattern.compile("(\\d+(?:\\.\\d+)?)(%|个百分点|个|项|台|辆|家|座|处|公里|万元|亿元|万辆|万台|万吨|吨)");
    private static final Pattern TIMES = Pattern.compile("约?([一二两三四五六七八九十]|\\d+)倍");
    private static final Pattern BASELINE = Pattern.compile("较(\\d{4})年");

    private Quantities() {}

    /** Splits a text into clauses at 。；;,， (parentheses kept inside their clause). */
    static List<String> clauses(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '《') {
                depth++;
            } else if ((c == ')' || c == '》') && depth > 0) {
                depth--;
            }
            if (depth == 0 && (c == '。' || c == '；' || c == ';' || c == ',' || c == '，')) {
                add(out, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder clause) {
        String s = clause.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    /** The quantities written in {@code clause}, in order. */
    public static List<Quantity> quantities(String clause) {
        List<Quantity> found = new ArrayList<>();
        Matcher m = QUANTITY.matcher(clause);
        while (m.find()) {
            if (m.start() > 0
                    && Character.isLetter(clause.charAt(m.start() - 1))
                    && isAsciiLetter(clause, m.start() - 1)) {
                continue; // part of a label such as "A1个"
            }
            found.add(new Quantity(new BigDecimal(m.group(1)), m.group(2), m.group()));
        }
        Matcher t = TIMES.matcher(clause);
        while (t.find()) {
            found.add(new Quantity(BigDecimal.valueOf(chineseOrArabic(t.group(1))), "倍", t.group()));
        }
        return found;
    }

    private static boolean isAsciiLetter(String s, int i) {
        char c = s.charAt(i);
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** Candidate milestones: every clause with a deadline, a quantity, or both. */
    public static List<Milestone> milestones(String text) {
        List<Milestone> found = new ArrayList<>();
        String carriedDeadline = null;
        LocalDate carriedDate = null;
        for (String clause : clauses(text)) {
            Matcher d = DEADLINE.matcher(clause);
            String deadlineText = null;
            LocalDate due = null;
            if (d.find()) {
                deadlineText = d.group();
                due = LocalDate.of(Integer.parseInt(d.group(1)), 12, 31);
                carriedDeadline = deadlineText;
                carriedDate = due;
            }
            List<Quantity> quantities = quantities(clause);
            if (deadlineText != null && clause.equals(deadlineText)) {
                continue; // "到2027年," introduces the next clause, which carries it
            }
            if (deadlineText == null && !quantities.isEmpty() && carriedDeadline != null) {
                deadlineText = carriedDeadline; // "到2027年,全市…达到80%"
                due = carriedDate;
            }
            if (deadlineText != null || !quantities.isEmpty()) {
                found.add(new Milestone(clause, deadlineText, due, quantities));
            }
        }
        return found;
    }

    /** The 较YYYY年 baseline year of a clause, or null. */
    static Integer baselineYear(String clause) {
        Matcher m = BASELINE.matcher(clause);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The 到YYYY年 year of a text, or null. */
    static Integer deadlineYear(String text) {
        Matcher m = DEADLINE.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** 一 … 十, or Arabic digits. */
    static int chineseOrArabic(String numeral) {
        if (numeral.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(numeral);
        }
        return ChineseNumerals.value(numeral);
    }
}
