package cn.gov.lvliang.renewal.subsidy.certificates;

import cn.gov.lvliang.renewal.platform.events.BatchEventHandler;
import cn.gov.lvliang.renewal.platform.events.EventHandlers;
import cn.gov.lvliang.renewal.platform.events.EventSubscriber;
import cn.gov.lvliang.renewal.platform.events.PoisonEventException;
import cn.gov.lvliang.renewal.platform.events.Received;
import cn.gov.lvliang.renewal.subsidy.messaging.CertificateCorrected;
import cn.gov.lvliang.renewal.subsidy.messaging.CertificateEvent;
import cn.gov.lvliang.renewal.subsidy.messaging.CertificateVoided;
import cn.gov.lvliang.renewal.subsidy.messaging.VehicleDeregistered;
import cn.gov.lvliang.renewal.subsidy.messaging.VehicleScrapped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the scrap-certificate read model from recycling-service's stream: vehicle.scrapped.v1,
 * certificate.voided.v1 and certificate.corrected.v1, a run of a poll at a time (one certificate
 * lookup for the run). The changes of a run fire one {@link CertificatesChanged} in the same
 * transaction, so that claims waiting for or using the certificates are verified again; a run ends
 * before any other event the consumer hands on (a trade-in collection), so claims see the
 * certificates of the events before it.
 */
@ApplicationScoped
public class CertificateHandlers implements EventSubscriber, BatchEventHandler<CertificateEvent> {

    private final Clock clock;
    private final Event<CertificatesChanged> changed;

    public CertificateHandlers(Clock clock, Event<CertificatesChanged> changed) {
        this.clock = clock;
        this.changed = changed;
    }

    @Override
    public void subscribe(EventHandlers.Builder handlers) {
        handlers.onBatch(VehicleScrapped.TYPE, VehicleScrapped.class, this)
                .onBatch(CertificateVoided.TYPE, CertificateVoided.class, this)
                .onBatch(CertificateCorrected.TYPE, CertificateCorrected.class, this)
                .on(VehicleDeregistered.TYPE, VehicleDeregistered.class, this::deregistered);
    }

    /**
     * vehicle.deregistered.v1: the certificate notes the date (the first one counts), and truck
     * claims waiting for it become payable (decision 0039).
     *
     * @throws PoisonEventException when this service does not hold the certificate: its
     *     vehicle.scrapped.v1 was dead-lettered; replayed after it, the deregistration applies
     */
    void deregistered(Received<VehicleDeregistered> event) {
        VehicleDeregistered data = event.data();
        ScrapCertificateRecord certificate = ScrapCertificateRecord.findById(data.certificateNumber());
        if (certificate == null) {
            throw new PoisonEventException("certificate " + data.certificateNumber() + " is deregistered but was"
                    + " never recorded here; replay this event after the certificate's vehicle.scrapped event");
        }
        certificate.deregistered(data.deregisteredOn());
    }

    /** Applies a run of certificate events, in order; announces the changed certificates once. */
    @Override
    public void handleAll(List<Received<CertificateEvent>> run) {
        Set<String> numbers = new HashSet<>();
        run.forEach(event -> numbers.add(event.data().certificateNumber()));
        Map<String, ScrapCertificateRecord> held = ScrapCertificateRecord.held(numbers);
        List<CertificateChanged> changes = new ArrayList<>();
        for (Received<CertificateEvent> event : run) {
            ScrapCertificateRecord.Change change =
                    event.data().accept(new Changes(held.get(event.data().certificateNumber()), event.id()));
            if (change.changed()) {
                ScrapCertificateRecord certificate = change.record();
                certificate.persist();
                held.put(certificate.certificateNumber, certificate);
                changes.add(new CertificateChanged(certificate.certificateNumber, certificate.status));
            }
        }
        if (!changes.isEmpty()) {
            changed.fire(new CertificatesChanged(List.copyOf(changes)));
        }
    }

    /** What each kind of event does to the certificate held, if any. */
    private final class Changes implements CertificateEvent.Cases<ScrapCertificateRecord.Change> {

        private final ScrapCertificateRecord held;
        private final String eventId;

        Changes(ScrapCertificateRecord held, String eventId) {
            this.held = held;
            this.eventId = eventId;
        }

        @Override
        public ScrapCertificateRecord.Change scrapped(VehicleScrapped scrapped) {
            return ScrapCertificateRecord.scrapped(
                    held,
                    scrapped.certificateNumber(),
                    ScrapCertificateRecord.Facts.of(scrapped),
                    eventId,
                    Instant.now(clock));
        }

        /** A voided certificate stays in the read model, unusable for claims. */
        @Override
        public ScrapCertificateRecord.Change voided(CertificateVoided voided) {
            return ScrapCertificateRecord.voided(held, voided.certificateNumber(), voided.reason(), voided.voidedAt());
        }

        /** A correction replaces the fields if it is newer than what this model holds. */
        @Override
        public ScrapCertificateRecord.Change corrected(CertificateCorrected corrected) {
            return ScrapCertificateRecord.corrected(
                    held,
                    corrected.certificateNumber(),
                    corrected.version(),
                    ScrapCertificateRecord.Facts.of(corrected),
                    eventId,
                    Instant.now(clock));
        }
    }
}
