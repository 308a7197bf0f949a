package cn.gov.lvliang.renewal.subsidy.claims;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The states of a claim (申请状态) and the moves between them. */
public enum ClaimStatus {
    /** 已提交. */
    SUBMITTED,
    /** 核验中 (also while waiting for a scrap certificate). */
    VERIFYING,
    /** 待审核. */
    PENDING_REVIEW,
    /** 已批准、排队待资金: approved by a reviewer, waiting for budget. */
    QUEUED,
    /** 已批准 (budget reserved). */
    APPROVED,
    /** 已支付. */
    PAID,
    /** 已驳回. */
    REJECTED,
    /** 已撤回. */
    WITHDRAWN,
    /** 退回补正. */
    RETURNED,
    /**
     * 复核中: a rejection was appealed; a reviewer who did not reject it upholds it (the checks run
     * again and it returns to review) or dismisses it (rejected for good).
     */
    APPEALED;

    private static final Map<ClaimStatus, Set<ClaimStatus>> NEXT = Map.of(
            SUBMITTED, EnumSet.of(VERIFYING, WITHDRAWN),
            VERIFYING, EnumSet.of(PENDING_REVIEW, REJECTED, WITHDRAWN),
            PENDING_REVIEW, EnumSet.of(APPROVED, QUEUED, REJECTED, RETURNED, WITHDRAWN),
            QUEUED, EnumSet.of(APPROVED, REJECTED, RETURNED, WITHDRAWN),
            APPROVED, EnumSet.of(PAID, RETURNED, WITHDRAWN),
            PAID, EnumSet.noneOf(ClaimStatus.class),
            REJECTED, EnumSet.of(APPEALED),
            WITHDRAWN, EnumSet.noneOf(ClaimStatus.class),
            RETURNED, EnumSet.of(SUBMITTED, WITHDRAWN),
            APPEALED, EnumSet.of(VERIFYING, REJECTED));

    public boolean canMoveTo(ClaimStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** States in which the claim holds its certificate, invoice, serial number and new VIN. */
    public boolean holdsUniqueUses() {
        return this != REJECTED && this != WITHDRAWN && this != APPEALED;
    }
}
