package cn.gov.lvliang.renewal.subsidy.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@link SubsidyEvents#CLAIM_APPEALED}: a rejected claim was appealed (申请复核). No personal
 * data: the appellant is a role (FILER or APPLICANT), never a person.
 *
 * @param rejectionReason the reason code of the rejection appealed against
 * @param decisionDue when the decision is due (15 days); later, the appeal is overdue
 */
public record ClaimAppealed(
        UUID claimId,
        String claimNumber,
        String programmeId,
        String county,
        String appellant,
        String rejectionReason,
        Instant appealedAt,
        Instant decisionDue) {}
