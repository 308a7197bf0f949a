package cn.gov.lvliang.renewal.subsidy.payments;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One payment in a batch: a claim's amount, or a top-up of a paid claim. */
@Entity
@Table(name = "payment_item")
public class PaymentItem extends PanacheEntityBase {

    public enum Kind {
        PAYMENT,
        TOP_UP
    }

    public enum Outcome {
        PENDING,
        PAID,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "batch_id", nullable = false)
    public UUID batchId;

    @Column(name = "item_no", nullable = false)
    public int itemNo;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(name = "top_up_id")
    public UUID topUpId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "bank_reference")
    public String bankReference;

    @Column(name = "failure_reason")
    public String failureReason;

    public Boolean retry;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** A pending item of a batch. */
    public static PaymentItem pending(UUID batchId, int no, UUID claimId, UUID topUpId, Kind kind, long fen) {
        PaymentItem item = new PaymentItem();
        item.batchId = batchId;
        item.itemNo = no;
        item.claimId = claimId;
        item.topUpId = topUpId;
        item.kind = kind;
        item.amountFen = fen;
        item.outcome = Outcome.PENDING;
        return item;
    }

    /**
     * Records the treasury's result. The same result again changes nothing (returns false); a
     * different result for an item already settled is refused (409); only a pending item changes.
     *
     * @return whether the item changed, so that the claim and the budget follow
     */
    public boolean record(Outcome result, String reference, String reason, Boolean retryLater, Instant now) {
        if (result == Outcome.PENDING) {
            throw new IllegalArgumentException("a result is PAID or FAILED");
        }
        if (outcome == result) {
            return false;
        }
        if (outcome != Outcome.PENDING) {
            throw Problems.conflict(
                    "payment-result-conflict", "detail.payment-result-conflict", itemNo, outcome, result);
        }
        outcome = result;
        bankReference = reference;
        failureReason = reason;
        retry = retryLater;
        recordedAt = now;
        return true;
    }
}
