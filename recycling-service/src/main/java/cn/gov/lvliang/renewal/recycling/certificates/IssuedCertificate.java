package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;

/**
 * What every kind of certificate a dismantler issues has in common (the car certificate
 * {@link ScrapCertificate} and the farm-machinery certificate {@link FarmMachineryCertificate}): its
 * number, issuer and county, its content version (1 as issued, +1 per correction) and its lifecycle
 * (issued → voided, and a voided certificate never changes again).
 */
@MappedSuperclass
public abstract class IssuedCertificate extends PanacheEntityBase {

    /** 证明状态. */
    public enum Status {
        ISSUED,
        VOIDED
    }

    @Column(name = "certificate_number", nullable = false, updatable = false)
    public String certificateNumber;

    @Column(name = "dismantler_credit_code", nullable = false, updatable = false)
    public String dismantlerCreditCode;

    @Column(nullable = false)
    public String county;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** 版本: 1 as issued, +1 per correction. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "corrected_at")
    public Instant correctedAt;

    @Column(name = "void_reason")
    public String voidReason;

    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "voided_by")
    public String voidedBy;

    @Column(name = "issued_at", nullable = false, updatable = false)
    public Instant issuedAt;

    @Column(name = "issued_by", nullable = false, updatable = false)
    public String issuedBy;

    /** Optimistic lock; the content version is {@link #revision}. */
    @Version
    public int version;

    /** Version 1, issued now by {@code by}. */
    void issue(String number, String dismantler, String by, Clock clock) {
        certificateNumber = number;
        dismantlerCreditCode = dismantler;
        status = Status.ISSUED;
        revision = 1;
        issuedAt = Instant.now(clock);
        issuedBy = by;
    }

    /** Starts a new version; the caller then writes the corrected content. Voided certificates never change. */
    public void beginCorrection(int correctedRevision, Clock clock) {
        requireNotVoided();
        if (correctedRevision != revision) {
            throw Problems.conflict("stale-version", "detail.stale-version");
        }
        revision++;
        correctedAt = Instant.now(clock);
    }

    /** 作废: the certificate can no longer back a claim. */
    public void voidFor(String reason, String by, Clock clock) {
        requireNotVoided();
        status = Status.VOIDED;
        voidReason = reason;
        voidedAt = Instant.now(clock);
        voidedBy = by;
    }

    void requireNotVoided() {
        if (status == Status.VOIDED) {
            throw Problems.conflict("certificate-voided", "detail.certificate-voided", certificateNumber);
        }
    }
}
