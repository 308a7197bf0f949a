package cn.gov.lvliang.renewal.recycling.certificates;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What every kept version of a certificate records besides its content: which certificate, which
 * version, the county, why it exists and who recorded it when. Written once, never changed (a
 * database trigger refuses updates and deletes).
 */
@MappedSuperclass
public abstract class CertificateRevision extends PanacheEntityBase {

    @Column(name = "certificate_id", nullable = false, updatable = false)
    public Long certificateId;

    @Column(nullable = false, updatable = false)
    public int revision;

    @Column(nullable = false, updatable = false)
    public String county;

    /** Why this version exists: {@code issued} for version 1, else the correction's reason. */
    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    /** Records this as version {@code c.revision} of the certificate {@code certificateId}. */
    void record(long id, IssuedCertificate c, String why, Instant at, String by) {
        certificateId = id;
        revision = c.revision;
        county = c.county;
        reason = why;
        recordedAt = at;
        recordedBy = by;
    }
}
