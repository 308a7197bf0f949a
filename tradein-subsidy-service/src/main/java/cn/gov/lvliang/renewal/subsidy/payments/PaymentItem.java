package cn.gov.lvliang.renewal.subsidy.payments;

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
}
