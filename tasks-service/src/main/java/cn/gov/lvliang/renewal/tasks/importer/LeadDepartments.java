package cn.gov.lvliang.renewal.tasks.importer;

import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.Unit;
import cn.gov.lvliang.renewal.tasks.importer.ParsedPlan.UnitKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the closing parentheses of a task (牵头单位), for example
 * "(市工信局、市能源局按照职责分工负责,各县市区人民政府负责落实。以下均需各县市区人民政府落实,不再一一列出)".
 *
 * <p>Sentences split on 。；; clauses on the commas {@code ,} and {@code ，}; names on 、. The
 * responsibility phrase ("按照职责分工负责", "负责", "牵头", "配合") ends a clause and is dropped. A
 * clause naming 各县(市、区)人民政府 means the counties implement the task; a sentence "以下均需…落实"
 * is the document-wide rule.
 */
public final class LeadDepartments {

    private static final Pattern RESPONSIBILITY = Pattern.compile("(按照?职责分工负责|按职责分工负责|分工负责|牵头负责|共同负责|负责落实|牵头|配合|负责)$");
    private static final Pattern COUNTY_GOVERNMENTS = Pattern.compile("^各县(\\(?市、?区\\)?|市区)人民政府");
    static final Pattern DOCUMENT_RULE = Pattern.compile("以下均需各县(\\(?市、?区\\)?|市区)人民政府落实");

    private LeadDepartments() {}

    /**
     * The outcome of reading one parenthesis.
     *
     * @param unrecognised names that are neither a city department nor a company
     * @param ruleQuote the "以下均需…" sentence, when present
     */
    public record Reading(List<Unit> units, boolean countiesImplement, List<String> unrecognised, String ruleQuote) {}

    /** Reads the inside of a closing parenthesis (without the parentheses). */
    public static Reading read(String inside) {
        Map<String, Unit> units = new LinkedHashMap<>();
        List<String> unrecognised = new ArrayList<>();
        boolean counties = false;
        String rule = null;
        for (String sentence : inside.split("[。；;]")) {
            String s = sentence.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (DOCUMENT_RULE.matcher(s).find()) {
                rule = s;
                continue;
            }
            for (String clause : s.split("[,，]")) {
                String c =
                        RESPONSIBILITY.matcher(clause.strip()).replaceFirst("").strip();
                if (c.isEmpty() || c.startsWith("不再")) {
                    continue;
                }
                if (COUNTY_GOVERNMENTS.matcher(c).find()) {
                    counties = true;
                    continue;
                }
                for (String name : c.split("[、/]")) {
                    String n = RESPONSIBILITY
                            .matcher(name.strip())
                            .replaceFirst("")
                            .strip();
                    if (n.isEmpty()) {
                        continue;
                    }
                    UnitKind kind = kindOf(n);
                    if (kind == UnitKind.OTHER) {
                        unrecognised.add(n);
                    }
                    units.putIfAbsent(n, new Unit(n, kind));
                }
            }
        }
        return new Reading(List.copyOf(units.values()), counties, unrecognised, rule);
    }

    /**
     * Whether the inside of a parenthesis reads as a list of lead departments: it states a
     * responsibility (负责, 落实, 牵头), or every name in it is a department or a company.
     */
    public static boolean looksLikeLeads(String inside) {
        if (inside.contains("负责") || inside.contains("落实") || inside.contains("牵头")) {
            return true;
        }
        Reading reading = read(inside);
        return !reading.units().isEmpty() && reading.unrecognised().isEmpty();
    }

    /** 市… is a city department; …公司 a company; anything else is reported. */
    static UnitKind kindOf(String name) {
        if (name.endsWith("公司") || name.endsWith("集团")) {
            return UnitKind.COMPANY;
        }
        if (name.startsWith("市") && name.length() >= 3 && !name.contains("(")) {
            return UnitKind.DEPARTMENT;
        }
        return UnitKind.OTHER;
    }
}
