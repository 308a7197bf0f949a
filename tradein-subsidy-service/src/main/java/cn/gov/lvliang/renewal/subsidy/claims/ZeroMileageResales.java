package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.events.EventHandlers;
import cn.gov.lvliang.renewal.platform.events.EventSubscriber;
import cn.gov.lvliang.renewal.platform.events.Received;
import cn.gov.lvliang.renewal.subsidy.messaging.UsedCarTraded;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleBook;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * 零公里二手车: a new car bought with a subsidy and resold as zero-mileage (recycling-service's
 * {@code used-car.traded.v1} with {@code zeroMileage}) within the claim's rule window ({@code
 * fraudChecks.zeroMileageWindowDays} after the purchase) flags the car claims naming that new VIN:
 * {@value #RESALE} on every live one, and {@value #RECOVERY} (追回复核) as well on a claim already
 * paid, whose subsidy may have to be recovered. Each is recorded as a check with the trade as its
 * evidence. Handed by the service's one consumer of {@code recycling.events}, inside its inbox
 * transaction, so a trade is applied once however often it is delivered (decision 0038).
 */
@ApplicationScoped
public class ZeroMileageResales implements EventSubscriber {

    static final String RESALE = "ZERO_MILEAGE_RESALE";
    static final String RECOVERY = "RECOVERY_REVIEW";

    private static final Logger LOG = Logger.getLogger(ZeroMileageResales.class);

    private final ClaimVerification verification;
    private final RuleBook rules;

    public ZeroMileageResales(ClaimVerification verification, RuleBook rules) {
        this.verification = verification;
        this.rules = rules;
    }

    @Override
    public void subscribe(EventHandlers.Builder handlers) {
        handlers.on(UsedCarTraded.TYPE, UsedCarTraded.class, this::traded);
    }

    /** Applies a {@code used-car.traded.v1} event. */
    void traded(Received<UsedCarTraded> event) {
        UsedCarTraded trade = event.data();
        if (!trade.zeroMileage()) {
            return;
        }
        List<Claim> cars = Claim.list(
                "newVin = ?1 and status not in ?2", trade.vin(), List.of(ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN));
        for (Claim claim : cars) {
            int window = rules.parameters(RuleVersion.findById(claim.ruleVersionId))
                    .checks()
                    .zeroMileageWindowDays();
            long days = ChronoUnit.DAYS.between(claim.purchaseDate, trade.tradeDate());
            for (CheckResult result : ZeroMileageRule.evaluate(trade, days, window, claim.status)) {
                if (!claim.flagList().contains(result.code())) {
                    verification.recordEvidenceCheck(claim, result);
                }
            }
            LOG.infof(
                    "claim %s: new car %s traded as zero-mileage %d day(s) after purchase",
                    claim.id, trade.vin(), days);
        }
    }
}
