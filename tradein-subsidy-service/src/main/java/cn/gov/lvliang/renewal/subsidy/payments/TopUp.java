package cn.gov.lvliang.renewal.subsidy.payments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A retroactive top-up (补差): a later rule version raised the amount of a paid claim. */
@Entity
@Table(name = "top_up")
public class TopUp extends PanacheEntityBase {

    public enum Status {
        /** Waiting for budget. */
        QUEUED,
        /** Budget reserved; goes into the next batch. */
        RESERVED,
        PAID,
        /** The payment failed for good; the reservation was released. */
        RELEASED
    }

    @Id
    public UUID id;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(name = "from_rule_version", nullable = false)
    public int fromRuleVersion;

    @Column(name = "to_rule_version", nullable = false)
    public int toRuleVersion;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "payment_batch_id")
    public UUID paymentBatchId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A new top-up of {@code amountFen} (more than zero), reserved if the budget allowed it, else queued. */
    public static TopUp create(UUID claimId, int fromRuleVersion, int toRuleVersion, long amountFen, Instant now) {
        if (amountFen <= 0) {
            throw new IllegalArgumentException("a top-up raises the amount: " + amountFen + " fen");
        }
        TopUp topUp = new TopUp();
        topUp.id = UUID.randomUUID();
        topUp.claimId = claimId;
        topUp.fromRuleVersion = fromRuleVersion;
        topUp.toRuleVersion = toRuleVersion;
        topUp.amountFen = amountFen;
        topUp.createdAt = now;
        topUp.status = Status.QUEUED;
        return topUp;
    }

    /** The budget reservation's result: reserved, or still queued for budget. */
    public void reservation(boolean reserved) {
        require(status == Status.QUEUED, "reserve");
        status = reserved ? Status.RESERVED : Status.QUEUED;
    }

    /** Whether it goes into the next batch: reserved and not in a batch. */
    public boolean batchable() {
        return status == Status.RESERVED && paymentBatchId == null;
    }

    /** Put into a payment batch. */
    public void batched(UUID batchId) {
        require(batchable(), "batch");
        paymentBatchId = batchId;
    }

    /** The treasury paid it: final. */
    public void paid() {
        require(status == Status.RESERVED && paymentBatchId != null, "pay");
        status = Status.PAID;
    }

    /**
     * The treasury could not pay it. With {@code retry}, it stays reserved for the next batch;
     * without, the reservation is released for good.
     */
    public void paymentFailed(boolean retry) {
        require(status == Status.RESERVED && paymentBatchId != null, "fail");
        paymentBatchId = null;
        if (!retry) {
            status = Status.RELEASED;
        }
    }

    private void require(boolean allowed, String what) {
        if (!allowed) {
            throw new IllegalStateException("top-up " + id + " cannot " + what + " when " + status
                    + (paymentBatchId == null ? "" : " in a batch"));
        }
    }
}
