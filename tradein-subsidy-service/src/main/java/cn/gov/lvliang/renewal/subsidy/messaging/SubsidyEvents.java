package cn.gov.lvliang.renewal.subsidy.messaging;

/**
 * The tradein-subsidy-service's event stream. Every type is documented in
 * docs/events/tradein-subsidy-service.md; data never carries personal data, the claimant appears
 * only as a keyed pseudonym.
 */
public final class SubsidyEvents {

    /** The service's topic; the record key is the aggregate id (claim id or budget account id). */
    public static final String TOPIC = "subsidy.events";

    private static final String PREFIX = "cn.gov.lvliang.subsidy.";

    /** A claim (申请) was filed. */
    public static final String CLAIM_SUBMITTED = PREFIX + "claim.submitted.v1";
    /** The automatic checks of a claim passed; it awaits review. */
    public static final String CLAIM_VERIFIED = PREFIX + "claim.verified.v1";
    /** A reviewer approved a claim and its amount was reserved in the budget. */
    public static final String CLAIM_APPROVED = PREFIX + "claim.approved.v1";
    /** A claim was rejected, by a check or by a reviewer, with its reason code. */
    public static final String CLAIM_REJECTED = PREFIX + "claim.rejected.v1";
    /** A reviewer returned a claim for correction (退回补正), with its reason code. */
    public static final String CLAIM_RETURNED = PREFIX + "claim.returned.v1";
    /** The treasury paid a claim (or a top-up of it). */
    public static final String CLAIM_PAID = PREFIX + "claim.paid.v1";
    /** A rejected claim was appealed (申请复核) by its filer or its applicant. */
    public static final String CLAIM_APPEALED = PREFIX + "claim.appealed.v1";
    /** A reviewer decided an appeal: UPHELD (back to review) or DISMISSED (rejected for good). */
    public static final String CLAIM_APPEAL_DECIDED = PREFIX + "claim.appeal-decided.v1";
    /** Money was allocated to a budget account (拨付). */
    public static final String BUDGET_ALLOCATED = PREFIX + "budget.allocated.v1";
    /** A budget account fell below its low-water mark. */
    public static final String BUDGET_LOW = PREFIX + "budget.low.v1";
    /** A budget account could not cover an approval. */
    public static final String BUDGET_EXHAUSTED = PREFIX + "budget.exhausted.v1";

    private SubsidyEvents() {}
}
