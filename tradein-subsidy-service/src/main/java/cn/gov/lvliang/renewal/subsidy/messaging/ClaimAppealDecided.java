package cn.gov.lvliang.renewal.subsidy.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@link SubsidyEvents#CLAIM_APPEAL_DECIDED}: a reviewer decided an appeal (复核决定).
 *
 * @param decision UPHELD (the claim goes back to review) or DISMISSED (the rejection is final)
 * @param overdue whether the decision came after its due date
 */
public record ClaimAppealDecided(
        UUID claimId,
        String claimNumber,
        String programmeId,
        String county,
        String decision,
        Instant decidedAt,
        boolean overdue) {}
