package cn.gov.lvliang.renewal.recycling.certificates;

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
import java.time.Instant;
import java.time.LocalDate;

/**
 * A scrap certificate (报废机动车回收证明), issued by a licensed dismantler when it takes over a
 * vehicle for scrapping. The owner's name and ID number are stored encrypted; the ID number also
 * as a keyed hash, for matching without the plaintext.
 */
@Entity
@Table(name = "scrap_certificate")
public class ScrapCertificate extends PanacheEntityBase {

    /** 证明状态. */
    public enum Status {
        ISSUED,
        VOIDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "certificate_number", nullable = false, updatable = false)
    public String certificateNumber;

    @Column(name = "dismantler_credit_code", nullable = false, updatable = false)
    public String dismantlerCreditCode;

    @Column(nullable = false)
    public String county;

    @Column(nullable = false)
    public String vin;

    @Column(name = "owner_name_encrypted", nullable = false)
    public String ownerNameEncrypted;

    @Column(name = "owner_id_encrypted", nullable = false)
    public String ownerIdEncrypted;

    @Column(name = "owner_id_hash", nullable = false)
    public String ownerIdHash;

    @Column(nullable = false)
    public String plate;

    @Column(name = "first_registration_date", nullable = false)
    public LocalDate firstRegistrationDate;

    @Column(name = "handover_date", nullable = false)
    public LocalDate handoverDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "power_type", nullable = false)
    public PowerType powerType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "issued_at", nullable = false, updatable = false)
    public Instant issuedAt;

    @Column(name = "issued_by", nullable = false, updatable = false)
    public String issuedBy;

    @Version
    public int version;
}
