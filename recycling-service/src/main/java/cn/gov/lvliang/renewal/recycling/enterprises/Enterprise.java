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
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A licensed recycling enterprise (回收企业) and its qualification (资质): licence number, scope,
 * validity period and status. The contact person's name and phone are stored encrypted.
 */
@Entity
@Table(name = "enterprise")
public class Enterprise extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "credit_code", nullable = false, updatable = false)
    public String creditCode;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public EnterpriseType type;

    @Column(nullable = false)
    public String county;

    @Column(nullable = false)
    public String address;

    @Column(name = "contact_name_encrypted", nullable = false)
    public String contactNameEncrypted;

    @Column(name = "contact_phone_encrypted", nullable = false)
    public String contactPhoneEncrypted;

    @Column(name = "licence_number", nullable = false)
    public String licenceNumber;

    @Column(name = "licence_scope", nullable = false)
    public String licenceScope;

    @Column(name = "licence_valid_from", nullable = false)
    public LocalDate licenceValidFrom;

    @Column(name = "licence_valid_to", nullable = false)
    public LocalDate licenceValidTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "licence_status", nullable = false)
    public QualificationStatus licenceStatus;

    @Column(name = "registered_at", nullable = false, updatable = false)
    public Instant registeredAt;

    @Column(name = "registered_by", nullable = false, updatable = false)
    public String registeredBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public int version;

    public static Optional<Enterprise> byCreditCode(String creditCode) {
        return find("creditCode", creditCode).firstResultOptional();
    }

    /** The qualification's effective status today. */
    public LicenceStatus licenceStatusOn(LocalDate today) {
        return LicenceStatus.on(licenceStatus, licenceValidFrom, licenceValidTo, today);
    }

    /** Whether the enterprise may do licensed work of {@code required} type today. */
    public boolean isQualifiedAs(EnterpriseType required, LocalDate today) {
        return type == required && licenceStatusOn(today) == LicenceStatus.VALID;
    }

    /** Records a new qualification (renewal, suspension, revocation, correction). */
    public void changeQualification(
            String number,
            String scope,
            LocalDate validFrom,
            LocalDate validTo,
            QualificationStatus status,
            String by,
            Clock clock) {
        this.licenceNumber = number;
        this.licenceScope = scope;
        this.licenceValidFrom = validFrom;
        this.licenceValidTo = validTo;
        this.licenceStatus = status;
        this.updatedAt = Instant.now(clock);
        this.updatedBy = by;
    }
}
