package cn.gov.lvliang.renewal.subsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.subsidy.messaging.UsedCarTraded;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ZeroMileageRuleTest {

    private static UsedCarTraded trade(boolean zeroMileage) {
        return new UsedCarTraded("t-1", "LSVAU218XN2183294", LocalDate.of(2025, 6, 1), "141181", zeroMileage);
    }

    @Test
    void aZeroMileageTradeWithinTheWindowFlagsTheClaim() {
        var flags = ZeroMileageRule.evaluate(trade(true), 31, 365, ClaimStatus.APPROVED);
        assertThat(flags).extracting(CheckResult::code).containsExactly("ZERO_MILEAGE_RESALE");
        assertThat(flags.get(0).outcome()).isEqualTo(CheckResult.Outcome.FLAGGED);
        assertThat(flags.get(0).evidence())
                .contains("LSVAU218XN2183294")
                .contains("2025-06-01")
                .contains("31 day(s) after its purchase");
    }

    @Test
    void aPaidClaimIsAlsoFlaggedForRecoveryReview() {
        assertThat(ZeroMileageRule.evaluate(trade(true), 10, 365, ClaimStatus.PAID))
                .extracting(CheckResult::code)
                .containsExactly("ZERO_MILEAGE_RESALE", "RECOVERY_REVIEW");
    }

    @Test
    void outsideTheWindowBeforeThePurchaseOrNotZeroMileageRaisesNothing() {
        assertThat(ZeroMileageRule.evaluate(trade(true), 366, 365, ClaimStatus.PAID))
                .isEmpty();
        assertThat(ZeroMileageRule.evaluate(trade(true), 365, 365, ClaimStatus.PAID))
                .hasSize(2);
        assertThat(ZeroMileageRule.evaluate(trade(true), -1, 365, ClaimStatus.PAID))
                .isEmpty();
        assertThat(ZeroMileageRule.evaluate(trade(false), 3, 365, ClaimStatus.PAID))
                .isEmpty();
    }
}
