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
}
