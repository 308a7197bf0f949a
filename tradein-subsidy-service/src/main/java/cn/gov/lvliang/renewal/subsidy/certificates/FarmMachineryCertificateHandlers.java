package cn.gov.lvliang.renewal.subsidy.certificates;

import cn.gov.lvliang.renewal.platform.events.EventHandlers;
import cn.gov.lvliang.renewal.platform.events.EventSubscriber;
import cn.gov.lvliang.renewal.platform.events.PoisonEventException;
import cn.gov.lvliang.renewal.platform.events.Received;
import cn.gov.lvliang.renewal.subsidy.messaging.FarmMachineryCertificateVoided;
import cn.gov.lvliang.renewal.subsidy.messaging.FarmMachineryScrapped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Builds the farm-machinery certificate read model (decision 0039) from recycling-service's
 * farm-machinery.scrapped.v1, farm-machinery-certificate.corrected.v1 and .voided.v1, each applied
 * once (the recycling-events consumer's inbox). A change fires {@link CertificatesChanged}, so that
 * the claims waiting for or using the certificate are verified again, as with car certificates.
 */
@ApplicationScoped
public class FarmMachineryCertificateHandlers implements EventSubscriber {

    private final Clock clock;
    private final Event<CertificatesChanged> changed;

    public FarmMachineryCertificateHandlers(Clock clock, Event<CertificatesChanged> changed) {
        this.clock = clock;
        this.changed = changed;
    }

    @Override
    public void subscribe(EventHandlers.Builder handlers) {
        handlers.on(FarmMachineryScrapped.TYPE, FarmMachineryScrapped.class, this::issuedOrCorrected)
                .on(FarmMachineryScrapped.CORRECTED, FarmMachineryScrapped.class, this::issuedOrCorrected)
                .on(FarmMachineryCertificateVoided.TYPE, FarmMachineryCertificateVoided.class, this::voided);
    }

    /** Issued (version 1) or corrected (a later version): a newer version replaces the facts. */
    void issuedOrCorrected(Received<FarmMachineryScrapped> event) {
        FarmMachineryScrapped data = event.data();
        if (!data.owner().complete()) {
            throw new PoisonEventException("certificate " + data.certificateNumber() + ": owner of kind "
                    + data.owner().kind() + " without its identifier");
        }
        FarmMachineryCertificate held = FarmMachineryCertificate.findById(data.certificateNumber());
        FarmMachineryCertificate record =
                FarmMachineryCertificate.issuedOrCorrected(held, data, event.id(), Instant.now(clock));
        if (record != null) {
            record.persist();
            announce(record);
        }
    }

    /**
     * @throws PoisonEventException when the certificate was never recorded here: replayed after its
     *     farm-machinery.scrapped event, the void applies
     */
    void voided(Received<FarmMachineryCertificateVoided> event) {
        FarmMachineryCertificateVoided data = event.data();
        FarmMachineryCertificate held = FarmMachineryCertificate.findById(data.certificateNumber());
        if (held == null) {
            throw new PoisonEventException("farm-machinery certificate " + data.certificateNumber()
                    + " is voided but was never recorded here; replay it after the certificate's scrapped event");
        }
        if (held.voided(data.reason(), data.voidedAt())) {
            announce(held);
        }
    }

    private void announce(FarmMachineryCertificate certificate) {
        changed.fire(new CertificatesChanged(
                List.of(new CertificateChanged(certificate.certificateNumber, certificate.status))));
    }
}
