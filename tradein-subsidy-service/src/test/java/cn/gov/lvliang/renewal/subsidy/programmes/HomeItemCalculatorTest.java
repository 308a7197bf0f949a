package cn.gov.lvliang.renewal.subsidy.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.renewal.subsidy.programmes.HomeItemCalculator.Limited;
import cn.gov.lvliang.renewal.subsidy.programmes.HomeItemCalculator.Line;
import cn.gov.lvliang.renewal.subsidy.programmes.HomeItemCalculator.LineAmount;
import cn.gov.lvliang.renewal.subsidy.programmes.HomeItemCalculator.Result;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The per-item amounts of 家装厨卫 and 适老化改造 claims and the household limit (decision 0040). */
class HomeItemCalculatorTest {

    static final RuleParameters.Catalogue RENOVATION = new RuleParameters.Catalogue(
            List.of(
                    new RuleParameters.CatalogueItem("TOILET", "坐便器", 1500, 200_000L),
                    new RuleParameters.CatalogueItem("TILE", "瓷砖", 1500, 200_000L)),
            2_000_000L);

    static final RuleParameters.Catalogue RETROFIT = new RuleParameters.Catalogue(
            List.of(new RuleParameters.CatalogueItem("GRAB_BAR", "扶手", 3000, 50_000L)), 500_000L);

    @Test
    void aToiletAtFourThousandYuanEarnsFifteenPercent() {
        Result result = HomeItemCalculator.compute(RENOVATION, List.of(new Line("TOILET", 400_000)));
        assertThat(result.lines())
                .containsExactly(
                        new LineAmount("TOILET", 400_000, 60_000, false, "TOILET 400000 fen × 1500 bp = 60000 fen"));
        assertThat(result.totalFen()).isEqualTo(60_000);
        assertThat(result.formula()).isEqualTo("TOILET 400000 fen × 1500 bp = 60000 fen; total 60000 fen");
    }

    @Test
    void aKitchenAndBathItemOverItsCapIsCappedNotRefused() {
        Result result = HomeItemCalculator.compute(
                RENOVATION, List.of(new Line("TILE", 3_000_000), new Line("TOILET", 100_000)));
        assertThat(result.lines().get(0))
                .isEqualTo(new LineAmount(
                        "TILE",
                        3_000_000,
                        200_000,
                        true,
                        "TILE 3000000 fen × 1500 bp = 450000 fen, capped at 200000 fen"));
        assertThat(result.lines().get(1).capped()).isFalse();
        assertThat(result.totalFen()).isEqualTo(215_000);
    }

    @Test
    void aGrabBarEarnsThirtyPercentUpToItsCap() {
        assertThat(HomeItemCalculator.compute(RETROFIT, List.of(new Line("GRAB_BAR", 80_000)))
                        .totalFen())
                .isEqualTo(24_000);
        assertThat(HomeItemCalculator.compute(RETROFIT, List.of(new Line("GRAB_BAR", 1_000_000)))
                        .totalFen())
                .isEqualTo(50_000);
    }

    @Test
    void fractionsOfAFenAreDropped() {
        // 999 × 15 % = 149.85 fen: the applicant gets 149, never a rounded-up fen
        assertThat(HomeItemCalculator.compute(RENOVATION, List.of(new Line("TILE", 999)))
                        .totalFen())
                .isEqualTo(149);
    }

    @Test
    void anItemNotInTheCatalogueOrAPriceOutOfRangeIsRefusedAsInput() {
        assertThatThrownBy(() -> HomeItemCalculator.compute(RENOVATION, List.of(new Line("GRAB_BAR", 1000))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HomeItemCalculator.compute(RENOVATION, List.of(new Line("TILE", 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HomeItemCalculator.compute(
                        RENOVATION, List.of(new Line("TILE", SubsidyCalculator.MAX_PRICE_FEN + 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHouseholdLimitLeavesWhatIsLeftAndRefusesWhenNothingIs() {
        assertThat(HomeItemCalculator.householdLimit(60_000, 0, 500_000))
                .isEqualTo(new Limited(60_000, 500_000, false, false));
        assertThat(HomeItemCalculator.householdLimit(60_000, 480_000, 500_000))
                .isEqualTo(new Limited(20_000, 20_000, false, true));
        assertThat(HomeItemCalculator.householdLimit(60_000, 500_000, 500_000))
                .isEqualTo(new Limited(0, 0, true, true));
        assertThat(HomeItemCalculator.householdLimit(60_000, 700_000, 500_000))
                .isEqualTo(new Limited(0, 0, true, true));
    }

    @Test
    void aPerItemRuleVersionWithoutACatalogueOrWithACodeTwiceIsInconsistent() {
        RuleParameters.Amount perItem =
                new RuleParameters.Amount(RuleParameters.AmountKind.PERCENT_PER_ITEM, null, null, null, null, null);
        RuleParameters.Eligibility none = new RuleParameters.Eligibility(null, null, null, null, null, null);
        RuleParameters.Limits noLimits = new RuleParameters.Limits(null, null, null);
        assertThat(new RuleParameters(perItem, none, noLimits).inconsistencies())
                .containsExactly("catalogue is required for PERCENT_PER_ITEM");
        RuleParameters.CatalogueItem tile = new RuleParameters.CatalogueItem("TILE", "瓷砖", 1500, 200_000L);
        assertThat(new RuleParameters(
                                perItem,
                                none,
                                noLimits,
                                null,
                                null,
                                null,
                                new RuleParameters.Catalogue(List.of(tile, tile), 2_000_000L))
                        .inconsistencies())
                .containsExactly("catalogue.items has a code twice");
        assertThat(new RuleParameters(perItem, none, noLimits, null, null, null, RENOVATION).inconsistencies())
                .isEmpty();
    }

    @Property
    void anItemsAmountIsNeverNegativeNorAboveItsCapOrItsPrice(
            @ForAll @LongRange(min = 1, max = SubsidyCalculator.MAX_PRICE_FEN) long priceFen,
            @ForAll @IntRange(min = 0, max = 10_000) int rateBp,
            @ForAll @LongRange(min = 1, max = 100_000_000) long capFen) {
        RuleParameters.Catalogue catalogue = new RuleParameters.Catalogue(
                List.of(new RuleParameters.CatalogueItem("ITEM", "品", rateBp, capFen)), 1L);
        LineAmount line = HomeItemCalculator.compute(catalogue, List.of(new Line("ITEM", priceFen)))
                .lines()
                .get(0);
        assertThat(line.amountFen()).isBetween(0L, Math.min(capFen, priceFen));
        assertThat(line.capped()).isEqualTo(priceFen * rateBp / 10_000 > capFen);
    }

    @Property
    void theHouseholdNeverGetsMoreThanItsLimitNorMoreThanComputed(
            @ForAll @LongRange(min = 0, max = 10_000_000) long computedFen,
            @ForAll @LongRange(min = 0, max = 10_000_000) long earlierFen,
            @ForAll @LongRange(min = 1, max = 10_000_000) long limitFen) {
        Limited limited = HomeItemCalculator.householdLimit(computedFen, earlierFen, limitFen);
        assertThat(limited.amountFen()).isBetween(0L, computedFen);
        assertThat(limited.reached() || earlierFen + limited.amountFen() <= limitFen)
                .isTrue();
        assertThat(limited.reached()).isEqualTo(earlierFen >= limitFen);
    }
}
