package cn.gov.lvliang.renewal.subsidy.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator.Amount;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator.Ineligibility;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator.MachinePurchase;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator.NotEligible;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator.Result;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator.TruckPurchase;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The amount tables of old diesel trucks and farm machinery (decision 0039). */
class TruckAndMachineAmountsTest {

    private static final RuleParameters.Eligibility NO_CUTOFFS =
            new RuleParameters.Eligibility(null, null, null, null, null, null);
    private static final RuleParameters.Limits NO_LIMITS = new RuleParameters.Limits(null, null, null);

    static final RuleParameters TRUCKS = new RuleParameters(
            new RuleParameters.Amount(RuleParameters.AmountKind.FIXED_BY_TRUCK_CLASS, null, null, null, null, null),
            NO_CUTOFFS,
            NO_LIMITS,
            null,
            new RuleParameters.Truck(
                    true,
                    List.of(
                            new RuleParameters.TruckAmount("HEAVY", "CHINA_IV", "NONE", 2_500_000L),
                            new RuleParameters.TruckAmount("HEAVY", "CHINA_IV", "NEV", 7_500_000L),
                            new RuleParameters.TruckAmount("MEDIUM", "CHINA_III", "CHINA_VI", 3_500_000L))),
            null,
            null);

    static final RuleParameters MACHINES = new RuleParameters(
            new RuleParameters.Amount(RuleParameters.AmountKind.FIXED_BY_MACHINE_POWER, null, null, null, null, null),
            NO_CUTOFFS,
            NO_LIMITS,
            null,
            null,
            new RuleParameters.FarmMachinery(List.of(
                    band("TRACTOR", "0", "36.8", 300_000),
                    band("TRACTOR", "36.8", "73.5", 800_000),
                    band("TRACTOR", "73.5", null, 1_500_000),
                    band("SPRAYER", "0", null, 100_000))),
            null);

    private static RuleParameters.MachineBand band(String type, String min, String max, long fen) {
        return new RuleParameters.MachineBand(type, new BigDecimal(min), max == null ? null : new BigDecimal(max), fen);
    }

    private static Result truck(String vehicleClass, String standard, String newTruck) {
        return SubsidyCalculator.truck(TRUCKS, new TruckPurchase(vehicleClass, standard, newTruck));
    }

    private static Result machine(String type, String kw) {
        return SubsidyCalculator.farmMachine(MACHINES, new MachinePurchase(type, new BigDecimal(kw)));
    }

    @Test
    void aTruckEarnsTheRowOfItsClassStandardAndNewTruck() {
        assertThat(truck("HEAVY", "CHINA_IV", "NEV"))
                .isEqualTo(new Amount(7_500_000, "fixed HEAVY × CHINA_IV × new truck NEV 7500000 fen"));
        assertThat(((Amount) truck("HEAVY", "CHINA_IV", "NONE")).amountFen()).isEqualTo(2_500_000);
        assertThat(((Amount) truck("MEDIUM", "CHINA_III", "CHINA_VI")).amountFen())
                .isEqualTo(3_500_000);
    }

    @Test
    void aTruckWithoutARowEarnsNothing() {
        assertThat(truck("MEDIUM", "CHINA_IV", "NEV"))
                .isEqualTo(new NotEligible(
                        Ineligibility.TRUCK_NOT_COVERED, "no amount for MEDIUM × CHINA_IV × new truck NEV"));
    }

    @Test
    void aMachineEarnsTheBandItsPowerFallsInLowerBoundIncluded() {
        assertThat(((Amount) machine("TRACTOR", "36.79")).amountFen()).isEqualTo(300_000);
        assertThat(((Amount) machine("TRACTOR", "36.8")).amountFen()).isEqualTo(800_000);
        assertThat(machine("TRACTOR", "58.8"))
                .isEqualTo(new Amount(800_000, "fixed TRACTOR 58.8 kW in [36.8, 73.5) kW 800000 fen"));
        assertThat(((Amount) machine("TRACTOR", "250")).amountFen()).isEqualTo(1_500_000);
        assertThat(((Amount) machine("SPRAYER", "3")).amountFen()).isEqualTo(100_000);
    }

    @Test
    void aMachineTypeWithoutABandEarnsNothing() {
        assertThat(((NotEligible) machine("COMBINE_HARVESTER", "58.8")).reason())
                .isEqualTo(Ineligibility.MACHINE_NOT_COVERED);
    }

    @Test
    void aTableOfAnotherKindDoesNotApply() {
        assertThat(((NotEligible) SubsidyCalculator.truck(MACHINES, new TruckPurchase("HEAVY", "CHINA_IV", "NEV")))
                        .reason())
                .isEqualTo(Ineligibility.CATEGORY_NOT_COVERED);
        assertThat(((NotEligible) SubsidyCalculator.farmMachine(TRUCKS, new MachinePurchase("TRACTOR", BigDecimal.TEN)))
                        .reason())
                .isEqualTo(Ineligibility.CATEGORY_NOT_COVERED);
    }

    @Test
    void aTableIsRequiredByItsKindAndABandMustBeWide() {
        RuleParameters noTable = new RuleParameters(TRUCKS.amount(), NO_CUTOFFS, NO_LIMITS, null, null, null, null);
        assertThat(noTable.inconsistencies()).containsExactly("truck is required for FIXED_BY_TRUCK_CLASS");
        RuleParameters emptyBand = new RuleParameters(
                MACHINES.amount(),
                NO_CUTOFFS,
                NO_LIMITS,
                null,
                null,
                new RuleParameters.FarmMachinery(List.of(band("TRACTOR", "50", "50", 1))),
                null);
        assertThat(emptyBand.inconsistencies()).hasSize(1);
        assertThat(TRUCKS.inconsistencies()).isEmpty();
        assertThat(MACHINES.inconsistencies()).isEmpty();
    }
}
