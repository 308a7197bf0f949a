package cn.gov.lvliang.renewal.recycling.certificates;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The stored content of a farm-machinery certificate: the same columns in the current version
 * ({@link FarmMachineryCertificate}) and in every kept version ({@link FarmMachineryCertificateRevision}).
 * The county is the certificate's own column (its scope). The owner's name and ID number are AES-GCM ciphertext; the ID number also a keyed hash.
 */
@Embeddable
public class FarmMachineryDetails {

    @Enumerated(EnumType.STRING)
    @Column(name = "machine_type", nullable = false)
    public MachineType machineType;

    @Column(name = "power_kw", nullable = false)
    public BigDecimal powerKw;

    @Column(name = "factory_number", nullable = false)
    public String factoryNumber;

    @Column(name = "engine_number")
    public String engineNumber;

    @Column(name = "make_and_model", nullable = false)
    public String makeAndModel;

    @Column(name = "handover_date", nullable = false)
    public LocalDate handoverDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind", nullable = false)
    public OwnerKind ownerKind;

    @Column(name = "owner_name_encrypted", nullable = false)
    public String ownerNameEncrypted;

    /** PERSON only. */
    @Column(name = "owner_id_encrypted")
    public String ownerIdEncrypted;

    /** PERSON only: the keyed hash of the ID number (platform {@code KeyedHash}, the suite's shared key). */
    @Column(name = "owner_id_hash")
    public String ownerIdHash;

    /** ORGANISATION only. */
    @Column(name = "owner_credit_code")
    public String ownerCreditCode;

    /** A copy, for a version that must not share its state with the current one. */
    FarmMachineryDetails copy() {
        FarmMachineryDetails d = new FarmMachineryDetails();
        d.machineType = machineType;
        d.powerKw = powerKw;
        d.factoryNumber = factoryNumber;
        d.engineNumber = engineNumber;
        d.makeAndModel = makeAndModel;
        d.handoverDate = handoverDate;
        d.ownerKind = ownerKind;
        d.ownerNameEncrypted = ownerNameEncrypted;
        d.ownerIdEncrypted = ownerIdEncrypted;
        d.ownerIdHash = ownerIdHash;
        d.ownerCreditCode = ownerCreditCode;
        return d;
    }
}
