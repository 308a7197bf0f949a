package cn.gov.lvliang.renewal.recycling.certificates;

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

/**
 * One version of a scrap certificate's content, written once and never changed: version 1 as
 * issued, then one per correction. Personal data stays encrypted as in the certificate.
 */
@Entity
@Table(name = "scrap_certificate_revision")
public class ScrapCertificateRevision extends CertificateRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String vin;

    @Column(name = "owner_name_encrypted", nullable = false, updatable = false)
    public String ownerNameEncrypted;

    @Column(name = "owner_id_encrypted", nullable = false, updatable = false)
    public String ownerIdEncrypted;

    @Column(name = "owner_id_hash", nullable = false, updatable = false)
    public String ownerIdHash;

    @Column(name = "owner_phone_encrypted", nullable = false, updatable = false)
    public String ownerPhoneEncrypted;

    @Column(name = "owner_address_encrypted", nullable = false, updatable = false)
    public String ownerAddressEncrypted;

    @Column(nullable = false, updatable = false)
    public String plate;

    @Column(name = "first_registration_date", nullable = false, updatable = false)
    public LocalDate firstRegistrationDate;

    @Column(name = "handover_date", nullable = false, updatable = false)
    public LocalDate handoverDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "power_type", nullable = false, updatable = false)
    public PowerType powerType;

    @Column(name = "vehicle_type", nullable = false, updatable = false)
    public String vehicleType;

    @Column(name = "vehicle_use", nullable = false, updatable = false)
    public String vehicleUse;

    @Column(name = "make_and_model", nullable = false, updatable = false)
    public String makeAndModel;

    @Column(name = "kerb_weight_kg", nullable = false, updatable = false)
    public int kerbWeightKg;

    @Column(name = "engine_number", nullable = false, updatable = false)
    public String engineNumber;

    @Column(name = "battery_pack_code", updatable = false)
    public String batteryPackCode;

    /** A copy of the certificate's current content as version {@code c.revision}. */
    static ScrapCertificateRevision snapshot(ScrapCertificate c, String reason, Instant at, String by) {
        ScrapCertificateRevision r = new ScrapCertificateRevision();
        r.record(c.id, c, reason, at, by);
        r.vin = c.vin;
        r.ownerNameEncrypted = c.ownerNameEncrypted;
        r.ownerIdEncrypted = c.ownerIdEncrypted;
        r.ownerIdHash = c.ownerIdHash;
        r.ownerPhoneEncrypted = c.ownerPhoneEncrypted;
        r.ownerAddressEncrypted = c.ownerAddressEncrypted;
        r.plate = c.plate;
        r.firstRegistrationDate = c.firstRegistrationDate;
        r.handoverDate = c.handoverDate;
        r.powerType = c.powerType;
        r.vehicleType = c.vehicleType;
        r.vehicleUse = c.vehicleUse;
        r.makeAndModel = c.makeAndModel;
        r.kerbWeightKg = c.kerbWeightKg;
        r.engineNumber = c.engineNumber;
        r.batteryPackCode = c.batteryPackCode;
        return r;
    }
}
