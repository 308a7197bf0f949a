package cn.gov.lvliang.renewal.subsidy.certificates;

import cn.gov.lvliang.renewal.platform.events.PoisonEventException;
import cn.gov.lvliang.renewal.subsidy.messaging.CertificateCorrected;
import cn.gov.lvliang.renewal.subsidy.messaging.VehicleScrapped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * This service's copy of a scrap certificate (报废机动车回收证明), as announced by
 * recycling-service. Car claims are verified against it. It is written only by {@link
 * CertificateHandlers}.
 */
@Entity
@Table(name = "scrap_certificate")
public class ScrapCertificateRecord extends CertificateReadModel {

    /** Whether a claim may use the certificate. */
    public enum Status {
        VALID,
        VOIDED
    }

    @Column(nullable = false)
    public String vin;

    @Column(name = "owner_id_hash", nullable = false)
    public String ownerIdHash;

    @Column(name = "owner_id_masked", nullable = false)
    public String ownerIdMasked;

    @Column(name = "first_registration_date", nullable = false)
    public LocalDate firstRegistrationDate;

    @Column(name = "power_type", nullable = false)
    public String powerType;

    /** 注销登记: when the vehicle was deregistered (vehicle.deregistered.v1, V17); null until then. */
    @Column(name = "deregistered_on")
    public LocalDate deregisteredOn;

    /** The records held for these certificate numbers, by number, in one query. */
    public static Map<String, ScrapCertificateRecord> held(Collection<String> numbers) {
        Map<String, ScrapCertificateRecord> held = new HashMap<>();
        if (!numbers.isEmpty()) {
            ScrapCertificateRecord.<ScrapCertificateRecord>list("certificateNumber in ?1", numbers)
                    .forEach(r -> held.put(r.certificateNumber, r));
        }
        return held;
    }

    /** The certificate's fields as vehicle.scrapped.v1 and certificate.corrected.v1 carry them. */
    public record Facts(
            String dismantlerCreditCode,
            String county,
            String vin,
            VehicleScrapped.Owner owner,
            LocalDate firstRegistrationDate,
            LocalDate handoverDate,
            String powerType) {

        static Facts of(VehicleScrapped d) {
            return new Facts(
                    d.dismantlerCreditCode(),
                    d.county(),
                    d.vin(),
                    d.owner(),
                    d.firstRegistrationDate(),
                    d.handoverDate(),
                    d.powerType());
        }

        static Facts of(CertificateCorrected d) {
            return new Facts(
                    d.dismantlerCreditCode(),
                    d.county(),
                    d.vin(),
                    d.owner(),
                    d.firstRegistrationDate(),
                    d.handoverDate(),
                    d.powerType());
        }
    }

    /** What one event did: the record this service holds afterwards (null: none) and whether it changed. */
    public record Change(ScrapCertificateRecord record, boolean changed) {}

    /**
     * vehicle.scrapped.v1. A certificate number is issued once: when this service already holds the
     * certificate (its correction arrived first), nothing changes.
     */
    public static Change scrapped(
            ScrapCertificateRecord held, String number, Facts facts, String eventId, Instant now) {
        if (held != null) {
            return new Change(held, false);
        }
        ScrapCertificateRecord created = new ScrapCertificateRecord();
        created.certificateNumber = number;
        created.status = Status.VALID;
        created.certificateVersion = 1;
        created.take(facts, eventId, now);
        return new Change(created, true);
    }

    /**
     * certificate.corrected.v1. A correction newer than what is held replaces the fields; an older or
     * equal one changes nothing. A voided certificate stays voided.
     */
    public static Change corrected(
            ScrapCertificateRecord held, String number, int version, Facts facts, String eventId, Instant now) {
        ScrapCertificateRecord record = held;
        if (record == null) {
            record = new ScrapCertificateRecord();
            record.certificateNumber = number;
            record.status = Status.VALID;
        } else if (record.certificateVersion >= version) {
            return new Change(held, false);
        }
        record.certificateVersion = version;
        record.take(facts, eventId, now);
        return new Change(record, true);
    }

    /**
     * certificate.voided.v1. A voided certificate stays, unusable for claims, and never becomes valid
     * again; voiding it twice changes nothing.
     *
     * @throws PoisonEventException when this service does not hold the certificate (yet): its
     *     vehicle.scrapped.v1 was dead-lettered or is still to come. Ignoring the void would let that
     *     event, replayed later, create a valid certificate; dead-lettered, the void is replayed
     *     after it (docs/runbooks/dead-letters.md).
     */
    public static Change voided(ScrapCertificateRecord held, String number, String reason, Instant voidedAt) {
        if (held == null) {
            throw new PoisonEventException("certificate " + number + " is voided but was never recorded here;"
                    + " replay this event after the certificate's vehicle.scrapped event");
        }
        return new Change(held, held.voided(reason, voidedAt));
    }

    /**
     * 注销登记 on {@code on}. The first deregistration counts; a later one (redelivered or not)
     * changes nothing.
     *
     * @return whether this changed the certificate
     */
    public boolean deregistered(LocalDate on) {
        if (deregisteredOn != null) {
            return false;
        }
        deregisteredOn = on;
        return true;
    }

    private void take(Facts facts, String eventId, Instant now) {
        dismantlerCreditCode = facts.dismantlerCreditCode();
        county = facts.county();
        vin = facts.vin();
        ownerIdHash = facts.owner().idNumberHash();
        ownerIdMasked = facts.owner().idNumberMasked();
        ownerNameMasked = facts.owner().nameMasked();
        firstRegistrationDate = facts.firstRegistrationDate();
        handoverDate = facts.handoverDate();
        powerType = facts.powerType();
        sourceEventId = eventId;
        recordedAt = now;
    }
}
