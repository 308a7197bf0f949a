package cn.gov.lvliang.renewal.subsidy.appeals;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An appeal (复核申请) against the rejection of a claim: at most one per claim (its primary key is
 * the claim's id). Decided by a reviewer who did not make the rejection, within {@link
 * #DECIDE_WITHIN}; later it is overdue.
 */
@Entity
@Table(name = "claim_appeal")
public class Appeal extends PanacheEntityBase {

    /** 复核时限: an appeal is decided within 15 days. */
    public static final Duration DECIDE_WITHIN = Duration.ofDays(15);

    /** The states of an appeal. */
    public enum Status {
        /** 复核中. */
        APPEALED,
        /** 复核成立: the claim went back to review. */
        UPHELD,
        /** 复核驳回: the rejection stands for good. */
        DISMISSED
    }

    /** Who appealed. */
    public enum Appellant {
        /** The dealer, retailer or county clerk who filed the claim (with a token). */
        FILER,
        /** The applicant, through the public endpoint (claim number and ID number). */
        APPLICANT
    }

    @Id
    @Column(name = "claim_id")
    public UUID claimId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Appellant appellant;

    @Column(name = "appealed_by", nullable = false)
    public String appealedBy;

    @Column(nullable = false)
    public String reason;

    @Column(name = "appealed_at", nullable = false)
    public Instant appealedAt;

    @Column(name = "rejected_by", nullable = false)
    public String rejectedBy;

    @Column(name = "rejected_at", nullable = false)
    public Instant rejectedAt;

    @Column(name = "decision_due", nullable = false)
    public Instant decisionDue;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    @Version
    public long version;

    /** A new appeal, filed at {@code now}, of the rejection by {@code rejectedBy} at {@code rejectedAt}. */
    static Appeal filed(
            UUID claimId,
            Appellant appellant,
            String appealedBy,
            String reason,
            String rejectedBy,
            Instant rejectedAt,
            Instant now) {
        Appeal appeal = new Appeal();
        appeal.claimId = claimId;
        appeal.status = Status.APPEALED;
        appeal.appellant = appellant;
        appeal.appealedBy = appealedBy;
        appeal.reason = reason;
        appeal.rejectedBy = rejectedBy;
        appeal.rejectedAt = rejectedAt;
        appeal.appealedAt = now;
        appeal.decisionDue = now.plus(DECIDE_WITHIN);
        return appeal;
    }

    /**
     * Decides the appeal. The reviewer who rejected the claim may not: 403.
     *
     * @param upheld true: 复核成立; false: 复核驳回
     */
    void decide(boolean upheld, String reviewer, String note, Instant now) {
        if (reviewer == null || reviewer.equals(rejectedBy)) {
            throw Problems.forbidden("appeal-own-rejection", "detail.appeal-own-rejection", claimId);
        }
        if (status != Status.APPEALED) {
            throw Problems.conflict("appeal-decided", "detail.appeal-decided", claimId, status);
        }
        status = upheld ? Status.UPHELD : Status.DISMISSED;
        decidedBy = reviewer;
        decidedAt = now;
        decisionNote = note;
    }

    /** 复核超时: undecided past its due date. */
    public boolean overdue(Instant now) {
        return status == Status.APPEALED && now.isAfter(decisionDue);
    }
}
