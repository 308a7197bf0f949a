package cn.gov.lvliang.renewal.subsidy.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator.Amount;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator.Ineligibility;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator.NotEligible;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator.Purchase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The amount rules of the shipped programmes, and properties of money that hold for any input. */
class SubsidyCalculatorTest {

    static final RuleParameters APPLIANCES_2025 = new RuleParameters(
            new RuleParameters.Amount(RuleParameters.AmountKind.PERCENT_OF_PRICE, null, 1500, 500, 200_000L, null),
            new RuleParameters.Eligibility(
                    2, List.of("AIR_CONDITIONER", "REFRIGERATOR", "TELEVISION"), null, null, null, null),
            new RuleParameters.Limits(Map.of("AIR_CONDITIONER", 3), 1, null));

    static final RuleParameters DIGITAL_2025 = new RuleParameters(
            new RuleParameters.Amount(RuleParameters.AmountKind.PERCENT_OF_PRICE, null, 1500, 0, 50_000L, 600_000L),
            new RuleParameters.Eligibility(null, List.of("MOBILE_PHONE"), null, null, null, null),
            new RuleParameters.Limits(Map.of(), 1, null));

    static final RuleParameters CARS_2024 = new RuleParameters(
            new RuleParameters.Amount(
                    RuleParameters.AmountKind.FIXED_BY_NEW_CAR_POWER_TYPE,
                    Map.of("NEV", 2_000_000L, "FUEL", 1_500_000L),
                    null,
                    null,
                    null,
                    null),
            new RuleParameters.Eligibility(
                    null,
                    null,
                    Map.of("FUEL", LocalDate.of(2011, 6, 30), "NEV", LocalDate.of(2018, 4, 30)),
                    null,
                    2000,
                    LocalDate.of(2025, 1, 10)),
            new RuleParameters.Limits(null, null, null));

    private static Purchase appliance(long priceFen, Integer grade) {
        return new Purchase(priceFen, grade, "AIR_CONDITIONER", null, null);
    }

    @Test
    void gradeOneAtFiveThousandYuanEarnsOneThousand() {
        assertThat(SubsidyCalculator.compute(APPLIANCES_2025, appliance(500_000, 1)))
                .isEqualTo(new Amount(100_000, "500000 fen × 1500 bp + grade-1 bonus 500 bp = 100000 fen"));
    }

    @Test
    void gradeTwoAtTwentyThousandYuanIsCappedAtTwoThousand() {
        Amount amount = (Amount) SubsidyCalculator.compute(APPLIANCES_2025, appliance(2_000_000, 2));
        assertThat(amount.amountFen()).isEqualTo(200_000);
        assertThat(amount.formula()).contains("capped at 200000 fen");
    }

    @Test
    void gradeThreeIsNotEligible() {
        assertThat(SubsidyCalculator.compute(APPLIANCES_2025, appliance(500_000, 3)))
                .isInstanceOf(NotEligible.class)
                .extracting(r -> ((NotEligible) r).reason())
                .isEqualTo(Ineligibility.GRADE_NOT_ELIGIBLE);
    }

    @Test
    void aCategoryOutsideTheVersionIsNotEligible() {
        assertThat(((NotEligible) SubsidyCalculator.compute(
                                APPLIANCES_2025, new Purchase(500_000, 1, "DISHWASHER", null, null)))
                        .reason())
                .isEqualTo(Ineligibility.CATEGORY_NOT_COVERED);
    }

    @Test
    void digitalProductsEarnFifteenPercentCappedAtFiveHundredUpToSixThousandYuan() {
        assertThat(SubsidyCalculator.compute(DIGITAL_2025, new Purchase(300_000, null, "MOBILE_PHONE", null, null)))
                .extracting(r -> ((Amount) r).amountFen())
                .isEqualTo(45_000L);
        assertThat(SubsidyCalculator.compute(DIGITAL_2025, new Purchase(599_900, null, "MOBILE_PHONE", null, null)))
                .extracting(r -> ((Amount) r).amountFen())
                .isEqualTo(50_000L);
        assertThat(((NotEligible) SubsidyCalculator.compute(
                                DIGITAL_2025, new Purchase(600_001, null, "MOBILE_PHONE", null, null)))
                        .reason())
                .isEqualTo(Ineligibility.PRICE_ABOVE_LIMIT);
    }

    @Test
    void carsEarnAFixedAmountByTheNewCarsPowerType() {
        assertThat(SubsidyCalculator.compute(CARS_2024, new Purchase(15_980_000, null, null, "NEV", null)))
                .extracting(r -> ((Amount) r).amountFen())
                .isEqualTo(2_000_000L);
        assertThat(SubsidyCalculator.compute(CARS_2024, new Purchase(9_980_000, null, null, "FUEL", 1498)))
                .extracting(r -> ((Amount) r).amountFen())
                .isEqualTo(1_500_000L);
        assertThat(((NotEligible)
                                SubsidyCalculator.compute(CARS_2024, new Purchase(9_980_000, null, null, "FUEL", 2498)))
                        .reason())
                .isEqualTo(Ineligibility.DISPLACEMENT_ABOVE_LIMIT);
    }

    @Property
    void applianceAmountsAreNeverNegativeNeverAboveTheCapOrThePriceAndAlwaysWholeFen(
            @ForAll @LongRange(min = 1, max = SubsidyCalculator.MAX_PRICE_FEN) long priceFen,
            @ForAll @IntRange(min = 1, max = 2) int grade) {
        Amount amount = (Amount) SubsidyCalculator.compute(APPLIANCES_2025, appliance(priceFen, grade));
        assertThat(amount.amountFen()).isBetween(0L, 200_000L).isLessThanOrEqualTo(priceFen);
        long uncapped = priceFen * (grade == 1 ? 2000 : 1500) / 10_000;
        assertThat(amount.amountFen()).isEqualTo(Math.min(uncapped, 200_000));
    }

    @Property
    void aHigherPriceNeverEarnsLess(
            @ForAll @LongRange(min = 1, max = 100_000_000) long priceFen,
            @ForAll @LongRange(min = 0, max = 100_000_000) long more,
            @ForAll @IntRange(min = 1, max = 2) int grade) {
        long lower = ((Amount) SubsidyCalculator.compute(APPLIANCES_2025, appliance(priceFen, grade))).amountFen();
        long higher =
                ((Amount) SubsidyCalculator.compute(APPLIANCES_2025, appliance(priceFen + more, grade))).amountFen();
        assertThat(higher).isGreaterThanOrEqualTo(lower);
    }

    @Property
    void gradeOneNeverEarnsLessThanGradeTwo(@ForAll @LongRange(min = 1, max = 100_000_000) long priceFen) {
        long one = ((Amount) SubsidyCalculator.compute(APPLIANCES_2025, appliance(priceFen, 1))).amountFen();
        long two = ((Amount) SubsidyCalculator.compute(APPLIANCES_2025, appliance(priceFen, 2))).amountFen();
        assertThat(one).isGreaterThanOrEqualTo(two);
    }

    @Property
    void digitalAmountsStayWithinTheirCap(@ForAll @LongRange(min = 1, max = 600_000) long priceFen) {
        long amount = ((Amount) SubsidyCalculator.compute(
                        DIGITAL_2025, new Purchase(priceFen, null, "MOBILE_PHONE", null, null)))
                .amountFen();
        assertThat(amount).isBetween(0L, 50_000L).isLessThanOrEqualTo(priceFen);
    }
}
