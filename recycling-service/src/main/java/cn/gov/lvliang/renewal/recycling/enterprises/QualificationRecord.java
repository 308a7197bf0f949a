package cn.gov.lvliang.renewal.recycling.enterprises;

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
import java.time.LocalDate;

/** One entry of an enterprise's qualification history (append-only): who changed what, when and why. */
@Entity
@Table(name = "enterprise_qualification_history")
public class QualificationRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    public Long enterpriseId;

    @Column(name = "licence_number", nullable = false, updatable = false)
    public String licenceNumber;

    @Column(name = "licence_scope", nullable = false, updatable = false)
    public String licenceScope;

    @Column(name = "valid_from", nullable = false, updatable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to", nullable = false, updatable = false)
    public LocalDate validTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public QualificationStatus status;

    @Column(updatable = false)
    public String reason;

    @Column(name = "changed_at", nullable = false, updatable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false, updatable = false)
    public String changedBy;

    static QualificationRecord of(Enterprise e, String reason) {
        QualificationRecord r = new QualificationRecord();
        r.enterpriseId = e.id;
        r.licenceNumber = e.licenceNumber;
        r.licenceScope = e.licenceScope;
        r.validFrom = e.licenceValidFrom;
        r.validTo = e.licenceValidTo;
        r.status = e.licenceStatus;
        r.reason = reason;
        r.changedAt = e.updatedAt;
        r.changedBy = e.updatedBy;
        return r;
    }
}
