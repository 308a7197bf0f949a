package cn.gov.lvliang.renewal.subsidy.certificates;

import cn.gov.lvliang.renewal.subsidy.messaging.FarmMachineryScrapped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * This service's copy of a farm-machinery scrap certificate (农机报废回收证明), as recycling-service
 * announced it (V17, decision 0039). Farm-machinery claims are verified against it. Written only by
 * {@link FarmMachineryCertificateHandlers}.
 */
@Entity
@Table(name = "farm_machinery_certificate")
public class FarmMachineryCertificate extends CertificateReadModel {

    /** Who owns the machine. */
    public enum OwnerKind {
        PERSON,
        ORGANISATION
    }

    @Column(name = "machine_type", nullable = false)
    public String machineType;

    @Column(name = "power_kw", nullable = false)
    public BigDecimal powerKw;

    @Column(name = "factory_number", nullable = false)
    public String factoryNumber;

    @Column(name = "engine_number")
    public String engineNumber;

    @Column(name = "make_and_model", nullable = false)
    public String makeAndModel;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind", nullable = false)
    public OwnerKind ownerKind;

    @Column(name = "owner_id_hash")
    public String ownerIdHash;

    @Column(name = "owner_id_masked")
    public String ownerIdMasked;

    @Column(name = "owner_credit_code")
    public String ownerCreditCode;

    /**
     * farm-machinery.scrapped.v1 or a correction: a certificate not held yet is recorded; one held
     * takes the facts of a newer version only. A voided certificate stays voided.
     *
     * @return the certificate to persist, or null when nothing changed
     */
    static FarmMachineryCertificate issuedOrCorrected(
            FarmMachineryCertificate held, FarmMachineryScrapped facts, String eventId, Instant now) {
        FarmMachineryCertificate record = held;
        if (record == null) {
            record = new FarmMachineryCertificate();
            record.certificateNumber = facts.certificateNumber();
            record.status = ScrapCertificateRecord.Status.VALID;
        } else if (record.certificateVersion >= facts.version()) {
            return null;
        }
        record.certificateVersion = facts.version();
        record.dismantlerCreditCode = facts.dismantlerCreditCode();
        record.county = facts.county();
        record.machineType = facts.machineType();
        record.powerKw = facts.powerKw();
        record.factoryNumber = facts.factoryNumber();
        record.engineNumber = facts.engineNumber();
        record.makeAndModel = facts.makeAndModel();
        record.handoverDate = facts.handoverDate();
        FarmMachineryScrapped.Owner owner = facts.owner();
        record.ownerKind = OwnerKind.valueOf(owner.kind());
        boolean person = record.ownerKind == OwnerKind.PERSON;
        record.ownerIdHash = person ? owner.idNumberHash() : null;
        record.ownerIdMasked = person ? owner.idNumberMasked() : null;
        record.ownerCreditCode = person ? null : owner.creditCode();
        record.ownerNameMasked = owner.nameMasked();
        record.sourceEventId = eventId;
        record.recordedAt = now;
        return record;
    }
}
