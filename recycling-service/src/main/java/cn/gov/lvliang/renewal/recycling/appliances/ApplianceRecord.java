package cn.gov.lvliang.renewal.recycling.appliances;

import cn.gov.lvliang.renewal.recycling.MaterialWeights;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Appliances or office equipment recycled (家电/办公设备回收记录), with their material weights. */
@Entity
@Table(name = "appliance_record")
public class ApplianceRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "record_id", nullable = false, updatable = false)
    public String recordId;

    @Column(name = "enterprise_credit_code", nullable = false, updatable = false)
    public String enterpriseCreditCode;

    @Column(nullable = false, updatable = false)
    public String county;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ApplianceCategory category;

    @Column(nullable = false, updatable = false)
    public int count;

    @Column(name = "weight_kg", nullable = false, updatable = false)
    public BigDecimal weightKg;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public RecyclingSource source;

    @Column(name = "claim_id", updatable = false)
    public String claimId;

    @Column(name = "institution_credit_code", updatable = false)
    public String institutionCreditCode;

    @Column(name = "site_id", updatable = false)
    public Long siteId;

    @Column(name = "recorded_on", nullable = false, updatable = false)
    public LocalDate recordedOn;

    @Embedded
    public MaterialWeights materials;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;
}
