package cn.gov.lvliang.renewal.recycling.certificates;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A scrap certificate (报废机动车回收证明), issued by a licensed dismantler when it takes over a
 * vehicle for scrapping. This row is the current version; every version, the issued one included,
 * is kept unchanged in {@link ScrapCertificateRevision}. The owner's name, ID number, phone and
 * address are stored encrypted; the ID number also as a keyed hash, for matching without the
 * plaintext.
 */
@Entity
@Table(name = "scrap_certificate")
public class ScrapCertificate extends IssuedCertificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String vin;

    @Column(name = "owner_name_encrypted", nullable = false)
    public String ownerNameEncrypted;

    @Column(name = "owner_id_encrypted", nullable = false)
    public String ownerIdEncrypted;

    @Column(name = "owner_id_hash", nullable = false)
    public String ownerIdHash;

    @Column(name = "owner_phone_encrypted")
    public String ownerPhoneEncrypted;

    @Column(name = "owner_address_encrypted")
    public String ownerAddressEncrypted;

    @Column(nullable = false)
    public String plate;

    @Column(name = "first_registration_date", nullable = false)
    public LocalDate firstRegistrationDate;

    @Column(name = "handover_date", nullable = false)
    public LocalDate handoverDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "power_type", nullable = false)
    public PowerType powerType;

    @Column(name = "vehicle_type")
    public String vehicleType;

    @Column(name = "vehicle_use")
    public String vehicleUse;

    @Column(name = "make_and_model")
    public String makeAndModel;

    @Column(name = "kerb_weight_kg")
    public Integer kerbWeightKg;

    @Column(name = "engine_number")
    public String engineNumber;

    @Column(name = "battery_pack_code")
    public String batteryPackCode;

    @Column(name = "deregistered_on")
    public LocalDate deregisteredOn;

    @Column(name = "deregistered_at")
    public Instant deregisteredAt;

    @Column(name = "deregistered_by")
    public String deregisteredBy;

    /** 注销登记: the traffic police deregistered the vehicle on {@code on}. */
    public void deregister(LocalDate on, String by, Clock clock) {
        requireNotVoided();
        if (deregisteredOn != null) {
            throw Problems.conflict(
                    "already-deregistered", "detail.already-deregistered", certificateNumber, deregisteredOn);
        }
        if (on.isBefore(handoverDate)) {
            throw Problems.invalidField("deregisteredOn", on, "field.before-handover");
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw Problems.invalidField("deregisteredOn", on, "field.date-in-future");
        }
        deregisteredOn = on;
        deregisteredAt = Instant.now(clock);
        deregisteredBy = by;
    }
}
