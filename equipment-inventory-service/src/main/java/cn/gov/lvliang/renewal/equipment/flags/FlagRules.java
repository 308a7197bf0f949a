package cn.gov.lvliang.renewal.equipment.flags;

import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.register.EfficiencyTier;
import cn.gov.lvliang.renewal.equipment.register.Equipment;
import cn.gov.lvliang.renewal.equipment.register.FuelType;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import cn.gov.lvliang.renewal.equipment.register.VehicleEmissionStandard;
import cn.gov.lvliang.renewal.equipment.register.VehicleKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flag rules, evaluated in pure Java against the thresholds stored as data ({@code flag_rule}).
 * A rule code names the logic; its parameters are changed by adding a rule version.
 */
public final class FlagRules {

    /** 超过设计使用年限. Parameter {@code graceYears} (default 0). */
    public static final String BEYOND_DESIGN_LIFE = "BEYOND_DESIGN_LIFE";
    /** 能效低于准入水平 (强制淘汰). No parameters. */
    public static final String BELOW_ENTRY_TIER = "BELOW_ENTRY_TIER";
    /** 国四及以下营运柴油货车. Parameter {@code maxStandard} (default CN4). */
    public static final String OLD_DIESEL_TRUCK = "OLD_DIESEL_TRUCK";
    /** 超龄且有安全隐患的电梯. Parameters {@code minAgeYears} (15), {@code minFindings} (1). */
    public static final String ELEVATOR_AGE_WITH_FINDINGS = "ELEVATOR_AGE_WITH_FINDINGS";
    /** 达到报废年限的农业机械. Parameter {@code scrapAgeYears} (12). */
    public static final String FARM_MACHINERY_SCRAP_AGE = "FARM_MACHINERY_SCRAP_AGE";

    /** Each code with the parameters it accepts. */
    public static final Map<String, Set<String>> PARAMETERS = Map.of(
            BEYOND_DESIGN_LIFE, Set.of("graceYears"),
            BELOW_ENTRY_TIER, Set.of(),
            OLD_DIESEL_TRUCK, Set.of("maxStandard"),
            ELEVATOR_AGE_WITH_FINDINGS, Set.of("minAgeYears", "minFindings"),
            FARM_MACHINERY_SCRAP_AGE, Set.of("scrapAgeYears"));

    private FlagRules() {}

    /** The flags the active rules raise on {@code e} today. Retired equipment raises none. */
    public static List<RaisedFlag> evaluate(EquipmentFacts e, List<RuleDefinition> rules, LocalDate today) {
        List<RaisedFlag> flags = new ArrayList<>();
        if (e.status() == LifecycleStatus.RETIRED) {
            return flags;
        }
        int age = Equipment.yearsInService(e.commissionedOn(), today);
        for (RuleDefinition rule : rules) {
            if (!rule.active()) {
                continue;
            }
            String reason = switch (rule.code()) {
                case BEYOND_DESIGN_LIFE -> beyondDesignLife(e, rule, age);
                case BELOW_ENTRY_TIER ->
                    e.efficiencyTier() == EfficiencyTier.BELOW_ENTRY
                            ? "能效低于准入水平，应强制淘汰 / below the entry tier: mandatory retirement"
                            : null;
                case OLD_DIESEL_TRUCK -> oldDieselTruck(e, rule);
                case ELEVATOR_AGE_WITH_FINDINGS -> elevator(e, rule, age);
                case FARM_MACHINERY_SCRAP_AGE -> farmMachinery(e, rule, age);
                default -> null;
            };
            if (reason != null) {
                flags.add(new RaisedFlag(rule.code(), rule.version(), reason));
            }
        }
        return flags;
    }

    /** Problems with a rule's parameters, empty when they are acceptable. */
    public static List<String> check(String code, Map<String, Object> parameters) {
        List<String> problems = new ArrayList<>();
        Set<String> known = PARAMETERS.get(code);
        if (known == null) {
            problems.add("unknown rule " + code);
            return problems;
        }
        for (Map.Entry<String, Object> p : parameters.entrySet()) {
            if (!known.contains(p.getKey())) {
                problems.add("unknown parameter " + p.getKey());
            } else if (p.getKey().equals("maxStandard")) {
                if (!(p.getValue() instanceof String s)
                        || !Set.of("CN1", "CN2", "CN3", "CN4", "CN5", "CN6").contains(s)) {
                    problems.add("maxStandard must be CN1..CN6");
                }
            } else if (!(p.getValue() instanceof Integer n) || n < 0 || n > 100) {
                problems.add(p.getKey() + " must be a whole number 0..100");
            }
        }
        return problems;
    }

    private static String beyondDesignLife(EquipmentFacts e, RuleDefinition rule, int age) {
        if (e.designLifeYears() == null) {
            return null;
        }
        int limit = e.designLifeYears() + rule.intParameter("graceYears", 0);
        if (age < limit) {
            return null;
        }
        return String.format(
                "投产于%s，已使用%d年，达到或超过设计使用年限%d年 / commissioned %s, %d years in service, at or beyond"
                        + " its %d-year design life",
                e.commissionedOn(), age, e.designLifeYears(), e.commissionedOn(), age, e.designLifeYears());
    }

    private static String oldDieselTruck(EquipmentFacts e, RuleDefinition rule) {
        if (e.category() != Category.VEHICLE
                || e.vehicleKind() != VehicleKind.TRUCK
                || e.fuelType() != FuelType.DIESEL
                || !Boolean.TRUE.equals(e.operating())
                || e.emissionStandard() == null) {
            return null;
        }
        VehicleEmissionStandard max = VehicleEmissionStandard.valueOf(rule.textParameter("maxStandard", "CN4"));
        if (e.emissionStandard().compareTo(max) > 0) {
            return null;
        }
        return String.format(
                "营运柴油货车，排放标准%s，不高于%s / operating diesel truck at %s, not above %s",
                e.emissionStandard().label(), max.label(), e.emissionStandard(), max);
    }

    private static String elevator(EquipmentFacts e, RuleDefinition rule, int age) {
        int minAge = rule.intParameter("minAgeYears", 15);
        int minFindings = rule.intParameter("minFindings", 1);
        if (e.category() != Category.ELEVATOR
                || age < minAge
                || e.safetyFindings() == null
                || e.safetyFindings() < minFindings) {
            return null;
        }
        return String.format(
                "电梯已使用%d年（≥%d年）且有%d项安全隐患 / elevator %d years old (≥ %d) with %d safety findings",
                age, minAge, e.safetyFindings(), age, minAge, e.safetyFindings());
    }

    private static String farmMachinery(EquipmentFacts e, RuleDefinition rule, int age) {
        int scrapAge = rule.intParameter("scrapAgeYears", 12);
        if (e.category() != Category.FARM_MACHINERY || age < scrapAge) {
            return null;
        }
        return String.format(
                "农业机械已使用%d年，达到报废年限%d年 / farm machinery %d years old, past its %d-year scrapping age",
                age, scrapAge, age, scrapAge);
    }
}
