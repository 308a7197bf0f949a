package cn.gov.lvliang.renewal.equipment.flags;

import java.util.Map;

/** One version of a flag rule, as stored in {@code flag_rule}. */
public record RuleDefinition(String code, int version, boolean active, Map<String, Object> parameters) {

    public int intParameter(String name, int fallback) {
        Object value = parameters.get(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s && s.matches("-?\\d+")) {
            return Integer.parseInt(s);
        }
        return fallback;
    }

    public String textParameter(String name, String fallback) {
        Object value = parameters.get(name);
        return value == null ? fallback : value.toString();
    }
}
