package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.subsidy.messaging.ClaimEventData;
import cn.gov.lvliang.renewal.subsidy.messaging.SubsidyEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Publishes claim events through the outbox. No personal data: the claimant appears only as a
 * keyed pseudonym ({@code claimantPseudonym}), never by name, ID number, phone, address or account.
 */
@ApplicationScoped
public class ClaimEvents {

    private final Outbox outbox;
    private final Clock clock;

    public ClaimEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void submitted(Claim claim) {
        publish(SubsidyEvents.CLAIM_SUBMITTED, claim, null, null, null, claim.amountFen);
    }

    public void verified(Claim claim) {
        publish(SubsidyEvents.CLAIM_VERIFIED, claim, null, null, null, claim.amountFen);
    }

    public void approved(Claim claim) {
        publish(SubsidyEvents.CLAIM_APPROVED, claim, null, null, null, claim.amountFen);
    }

    public void rejected(Claim claim) {
        publish(SubsidyEvents.CLAIM_REJECTED, claim, claim.reasonCode, null, null, claim.amountFen);
    }

    /** 退回补正: the reason code says what to correct. */
    public void returned(Claim claim) {
        publish(SubsidyEvents.CLAIM_RETURNED, claim, claim.reasonCode, null, null, claim.amountFen);
    }

    /** @param kind PAYMENT or TOP_UP; amountFen is the amount of this payment */
    public void paid(Claim claim, long amountFen, String kind, Instant paidAt) {
        publish(SubsidyEvents.CLAIM_PAID, claim, null, kind, paidAt, amountFen);
    }

    private void publish(String type, Claim claim, ReasonCode reason, String kind, Instant paidAt, long amountFen) {
        outbox.publish(
                SubsidyEvents.TOPIC,
                claim.id.toString(),
                type,
                new ClaimEventData(
                        claim.id,
                        claim.programmeId,
                        claim.category.name(),
                        claim.productCategory,
                        claim.county,
                        claim.ruleVersion,
                        claim.sellerCreditCode,
                        claim.claimantPseudonym,
                        amountFen,
                        claim.status.name(),
                        reason == null ? null : reason.name(),
                        claim.flagList().isEmpty() ? null : claim.flagList(),
                        kind,
                        paidAt,
                        Instant.now(clock)));
    }
}
