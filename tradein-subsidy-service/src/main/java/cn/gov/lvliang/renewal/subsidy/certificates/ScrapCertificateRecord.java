package cn.gov.lvliang.renewal.subsidy.certificates;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * This service's copy of a scrap certificate (报废机动车回收证明), as announced by
 * recycling-service. Car claims are verified against it. It is written only by {@link
 * RecyclingEventsConsumer}.
 */
@Entity
@Table(name = "scrap_certificate")
public class ScrapCertificateRecord extends PanacheEntityBase {

    /** Whether a claim may use the certificate. */
    public enum Status {
        VALID,
        VOIDED
    }

    @Id
    @Column(name = "certificate_number")
    public String certificateNumber;

    @Column(name = "dismantler_credit_code", nullable = false)
    public String dismantlerCreditCode;

    @Column(nullable = false)
    public String county;

    @Column(nullable = false)
    public String vin;

    @Column(name = "owner_id_hash", nullable = false)
    public String ownerIdHash;

    @Column(name = "owner_id_masked", nullable = false)
    public String ownerIdMasked;

    @Column(name = "owner_name_masked", nullable = false)
    public String ownerNameMasked;

    @Column(name = "first_registration_date", nullable = false)
    public LocalDate firstRegistrationDate;

    @Column(name = "handover_date", nullable = false)
    public LocalDate handoverDate;

    @Column(name = "power_type", nullable = false)
    public String powerType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Corrections raise it; an older correction never overwrites a newer one. */
    @Column(name = "certificate_version", nullable = false)
    public int certificateVersion = 1;

    @Column(name = "void_reason")
    public String voidReason;

    @Column(name = "voided_at")
    public Instant voidedAt;
}
