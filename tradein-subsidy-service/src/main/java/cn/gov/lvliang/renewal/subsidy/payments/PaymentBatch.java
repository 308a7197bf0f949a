package cn.gov.lvliang.renewal.subsidy.payments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A payment batch (拨付批次): approved claims and top-ups of one programme and county, sent to the treasury. */
@Entity
@Table(name = "payment_batch")
public class PaymentBatch extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "programme_id", nullable = false)
    public String programmeId;

    @Column(nullable = false)
    public String county;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "total_fen", nullable = false)
    public long totalFen;

    @Column(name = "item_count", nullable = false)
    public int itemCount;
}
