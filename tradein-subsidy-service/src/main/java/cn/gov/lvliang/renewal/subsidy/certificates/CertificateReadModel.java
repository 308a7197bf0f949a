package cn.gov.lvliang.renewal.subsidy.certificates;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What this service's copies of recycling-service's certificates share: the vehicle's scrap
 * certificate ({@link ScrapCertificateRecord}, table {@code scrap_certificate}) and the
 * farm-machinery one ({@link FarmMachineryCertificate}, {@code farm_machinery_certificate}). The
 * number, the dismantler that issued it, the county and day of the handover, the owner's masked
 * name, the version corrections raise, whether claims may use it, and the event it was last taken
 * from. Mapped onto the same-named columns of each table: no table of its own, no schema change.
 */
@MappedSuperclass
public abstract class CertificateReadModel extends PanacheEntityBase {

    @Id
    @Column(name = "certificate_number")
    public String certificateNumber;

    @Column(name = "dismantler_credit_code", nullable = false)
    public String dismantlerCreditCode;

    @Column(nullable = false)
    public String county;

    @Column(name = "handover_date", nullable = false)
    public LocalDate handoverDate;

    @Column(name = "owner_name_masked", nullable = false)
    public String ownerNameMasked;

    /** Corrections raise it; an older correction never overwrites a newer one. */
    @Column(name = "certificate_version", nullable = false)
    public int certificateVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ScrapCertificateRecord.Status status;

    @Column(name = "void_reason")
    public String voidReason;

    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /**
     * Voids the certificate, for good: it stays, unusable for claims, and never becomes valid again.
     *
     * @return whether this changed it (false when it was voided already)
     */
    boolean voided(String reason, Instant at) {
        if (status == ScrapCertificateRecord.Status.VOIDED) {
            return false;
        }
        status = ScrapCertificateRecord.Status.VOIDED;
        voidReason = reason;
        voidedAt = at;
        return true;
    }
}
