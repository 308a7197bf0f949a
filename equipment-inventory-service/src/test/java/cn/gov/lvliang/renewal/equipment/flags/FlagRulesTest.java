package cn.gov.lvliang.renewal.equipment.flags;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.register.EfficiencyTier;
import cn.gov.lvliang.renewal.equipment.register.FuelType;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import cn.gov.lvliang.renewal.equipment.register.VehicleEmissionStandard;
import cn.gov.lvliang.renewal.equipment.register.VehicleKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FlagRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final List<RuleDefinition> DEFAULTS = List.of(
            new RuleDefinition(FlagRules.BEYOND_DESIGN_LIFE, 1, true, Map.of("graceYears", 0)),
            new RuleDefinition(FlagRules.BELOW_ENTRY_TIER, 1, true, Map.of()),
            new RuleDefinition(FlagRules.OLD_DIESEL_TRUCK, 1, true, Map.of("maxStandard", "CN4")),
            new RuleDefinition(
                    FlagRules.ELEVATOR_AGE_WITH_FINDINGS, 1, true, Map.of("minAgeYears", 15, "minFindings", 1)),
            new RuleDefinition(FlagRules.FARM_MACHINERY_SCRAP_AGE, 1, true, Map.of("scrapAgeYears", 12)));

    static EquipmentFacts facts(Category category, LocalDate commissioned, Integer life) {
        return new EquipmentFacts(
                1,
                category,
                commissioned,
                life,
                EfficiencyTier.SAVING,
                null,
                null,
                false,
                null,
                0,
                LifecycleStatus.IN_SERVICE);
    }

    @Test
    void equipmentCommissionedIn2005WithAFifteenYearDesignLifeIsBeyondItWithItsReason() {
        List<RaisedFlag> flags = FlagRules.evaluate(
                facts(Category.INDUSTRIAL_PRODUCTION, LocalDate.of(2005, 6, 1), 15), DEFAULTS, TODAY);
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.ruleCode()).isEqualTo("BEYOND_DESIGN_LIFE");
            assertThat(f.ruleVersion()).isEqualTo(1);
            assertThat(f.reason()).contains("2005-06-01").contains("21").contains("15");
        });
    }

    @Test
    void aGraceFromANewRuleVersionDelaysTheFlagAndTheFlagNamesThatVersion() {
        List<RuleDefinition> v2 =
                List.of(new RuleDefinition(FlagRules.BEYOND_DESIGN_LIFE, 2, true, Map.of("graceYears", 10)));
        assertThat(FlagRules.evaluate(facts(Category.POWER, LocalDate.of(2005, 6, 1), 15), v2, TODAY))
                .isEmpty();
        assertThat(FlagRules.evaluate(facts(Category.POWER, LocalDate.of(2000, 6, 1), 15), v2, TODAY))
                .extracting(RaisedFlag::ruleVersion)
                .containsExactly(2);
    }

    @Test
    void anInactiveRuleRaisesNothing() {
        List<RuleDefinition> off = List.of(new RuleDefinition(FlagRules.BEYOND_DESIGN_LIFE, 3, false, Map.of()));
        assertThat(FlagRules.evaluate(facts(Category.POWER, LocalDate.of(1990, 1, 1), 10), off, TODAY))
                .isEmpty();
    }

    @Test
    void belowTheEntryTierMeansMandatoryRetirement() {
        EquipmentFacts e = new EquipmentFacts(
                1,
                Category.ENERGY_USING,
                TODAY.minusYears(2),
                20,
                EfficiencyTier.BELOW_ENTRY,
                null,
                null,
                false,
                null,
                0,
                LifecycleStatus.IN_SERVICE);
        assertThat(FlagRules.evaluate(e, DEFAULTS, TODAY))
                .extracting(RaisedFlag::ruleCode)
                .containsExactly("BELOW_ENTRY_TIER");
    }

    @Test
    void onlyOperatingDieselTrucksAtCn4OrOlderAreFlagged() {
        assertThat(FlagRules.evaluate(truck(VehicleEmissionStandard.CN4, FuelType.DIESEL, true), DEFAULTS, TODAY))
                .extracting(RaisedFlag::ruleCode)
                .containsExactly("OLD_DIESEL_TRUCK");
        assertThat(FlagRules.evaluate(truck(VehicleEmissionStandard.CN2, FuelType.DIESEL, true), DEFAULTS, TODAY))
                .hasSize(1);
        assertThat(FlagRules.evaluate(truck(VehicleEmissionStandard.CN5, FuelType.DIESEL, true), DEFAULTS, TODAY))
                .isEmpty();
        assertThat(FlagRules.evaluate(truck(VehicleEmissionStandard.CN4, FuelType.PETROL, true), DEFAULTS, TODAY))
                .isEmpty();
        assertThat(FlagRules.evaluate(truck(VehicleEmissionStandard.CN4, FuelType.DIESEL, false), DEFAULTS, TODAY))
                .isEmpty();
    }

    private static EquipmentFacts truck(VehicleEmissionStandard standard, FuelType fuel, Boolean operating) {
        return new EquipmentFacts(
                1,
                Category.VEHICLE,
                TODAY.minusYears(3),
                null,
                null,
                fuel,
                VehicleKind.TRUCK,
                operating,
                standard,
                0,
                LifecycleStatus.IN_SERVICE);
    }

    /**
     * Issue 20 §4: an unknown 是否营运 or 安全隐患数 (a blank cell) is not a fact a flag can rest on:
     * the rule does not flag, and the record shows the blank for someone to fill in.
     */
    @Test
    void anUnknownOperatingOrFindingsCountRaisesNoFlag() {
        assertThat(FlagRules.evaluate(truck(VehicleEmissionStandard.CN4, FuelType.DIESEL, null), DEFAULTS, TODAY))
                .isEmpty();
        EquipmentFacts unknownFindings = new EquipmentFacts(
                1,
                Category.ELEVATOR,
                TODAY.minusYears(16),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                LifecycleStatus.IN_SERVICE);
        assertThat(FlagRules.evaluate(unknownFindings, DEFAULTS, TODAY)).isEmpty();
    }

    @Test
    void anOldElevatorNeedsSafetyFindingsToBeFlagged() {
        EquipmentFacts clean = new EquipmentFacts(
                1,
                Category.ELEVATOR,
                TODAY.minusYears(16),
                null,
                null,
                null,
                null,
                false,
                null,
                0,
                LifecycleStatus.IN_SERVICE);
        EquipmentFacts findings = new EquipmentFacts(
                1,
                Category.ELEVATOR,
                TODAY.minusYears(16),
                null,
                null,
                null,
                null,
                false,
                null,
                2,
                LifecycleStatus.IN_SERVICE);
        EquipmentFacts young = new EquipmentFacts(
                1,
                Category.ELEVATOR,
                TODAY.minusYears(5),
                null,
                null,
                null,
                null,
                false,
                null,
                2,
                LifecycleStatus.IN_SERVICE);
        assertThat(FlagRules.evaluate(clean, DEFAULTS, TODAY)).isEmpty();
        assertThat(FlagRules.evaluate(findings, DEFAULTS, TODAY))
                .extracting(RaisedFlag::ruleCode)
                .containsExactly("ELEVATOR_AGE_WITH_FINDINGS");
        assertThat(FlagRules.evaluate(young, DEFAULTS, TODAY)).isEmpty();
    }

    @Test
    void farmMachineryPastItsScrappingAge() {
        assertThat(FlagRules.evaluate(facts(Category.FARM_MACHINERY, TODAY.minusYears(12), null), DEFAULTS, TODAY))
                .extracting(RaisedFlag::ruleCode)
                .containsExactly("FARM_MACHINERY_SCRAP_AGE");
        assertThat(FlagRules.evaluate(facts(Category.FARM_MACHINERY, TODAY.minusYears(11), null), DEFAULTS, TODAY))
                .isEmpty();
    }

    @Test
    void retiredEquipmentRaisesNoFlag() {
        EquipmentFacts retired = new EquipmentFacts(
                1,
                Category.POWER,
                LocalDate.of(1990, 1, 1),
                10,
                EfficiencyTier.BELOW_ENTRY,
                null,
                null,
                false,
                null,
                0,
                LifecycleStatus.RETIRED);
        assertThat(FlagRules.evaluate(retired, DEFAULTS, TODAY)).isEmpty();
    }

    @Test
    void parametersAreChecked() {
        assertThat(FlagRules.check(FlagRules.OLD_DIESEL_TRUCK, Map.of("maxStandard", "CN9")))
                .isNotEmpty();
        assertThat(FlagRules.check(FlagRules.ELEVATOR_AGE_WITH_FINDINGS, Map.of("minAgeYears", 12)))
                .isEmpty();
        assertThat(FlagRules.check(FlagRules.ELEVATOR_AGE_WITH_FINDINGS, Map.of("bogus", 1)))
                .isNotEmpty();
        assertThat(FlagRules.check("NO_SUCH_RULE", Map.of())).isNotEmpty();
    }

    @Property
    void beyondDesignLifeExactlyWhenYearsInServiceReachTheDesignLife(
            @ForAll @IntRange(min = 0, max = 60) int ageInDays100, @ForAll @IntRange(min = 1, max = 40) int life) {
        LocalDate commissioned = TODAY.minusDays(ageInDays100 * 100L);
        int years = java.time.Period.between(commissioned, TODAY).getYears();
        boolean flagged = !FlagRules.evaluate(facts(Category.POWER, commissioned, life), DEFAULTS, TODAY)
                .isEmpty();
        assertThat(flagged).isEqualTo(years >= life);
    }
}
