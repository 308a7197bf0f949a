package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.subsidy.messaging.UsedCarTraded;
import java.util.List;

/** 零公里二手车, the rule in plain Java: what a zero-mileage trade of a claim's new car raises. */
final class ZeroMileageRule {

    private ZeroMileageRule() {}

    /**
     * The flags a zero-mileage trade {@code daysAfterPurchase} days after the purchase raises on a
     * claim in {@code status}: none outside the window (or before the purchase), {@value
     * ZeroMileageResales#RESALE} within it, and {@value ZeroMileageResales#RECOVERY} too when the
     * claim is paid.
     */
    static List<CheckResult> evaluate(UsedCarTraded trade, long daysAfterPurchase, int windowDays, ClaimStatus status) {
        if (!trade.zeroMileage() || daysAfterPurchase < 0 || daysAfterPurchase > windowDays) {
            return List.of();
        }
        String evidence = "new car " + trade.vin() + " traded as zero-mileage on " + trade.tradeDate() + " (trade "
                + trade.tradeId() + (trade.county() == null ? "" : ", county " + trade.county()) + "), "
                + daysAfterPurchase + " day(s) after its purchase, within the rule's " + windowDays + " days";
        CheckResult resale = CheckResult.flagged(ZeroMileageResales.RESALE, evidence);
        if (status != ClaimStatus.PAID) {
            return List.of(resale);
        }
        return List.of(
                resale,
                CheckResult.flagged(
                        ZeroMileageResales.RECOVERY, "the subsidy was paid: review its recovery (追回); " + evidence));
    }
}
