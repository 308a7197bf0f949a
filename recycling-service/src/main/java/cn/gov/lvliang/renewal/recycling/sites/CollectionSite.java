package cn.gov.lvliang.renewal.recycling.sites;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/** A site of the collection network (回收网点): a collection point, transfer station or sorting centre. */
@Entity
@Table(name = "collection_site")
public class CollectionSite extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public SiteLevel level;

    @Column(name = "operator_credit_code", nullable = false)
    public String operatorCreditCode;

    @Column(nullable = false)
    public String county;

    @Column(nullable = false)
    public String address;

    @Column(nullable = false, precision = 9, scale = 6)
    public BigDecimal latitude;

    @Column(nullable = false, precision = 9, scale = 6)
    public BigDecimal longitude;

    @Column(name = "daily_capacity_kg", nullable = false)
    public long dailyCapacityKg;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SiteStatus status;

    @Column(name = "parent_site_id", updatable = false)
    public Long parentSiteId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /** Opens, suspends or closes the site. */
    public void changeStatus(SiteStatus newStatus, Clock clock) {
        this.status = newStatus;
        this.updatedAt = Instant.now(clock);
    }
}
