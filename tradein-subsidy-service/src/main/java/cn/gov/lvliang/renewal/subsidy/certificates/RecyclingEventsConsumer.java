package cn.gov.lvliang.renewal.subsidy.certificates;

import cn.gov.lvliang.renewal.platform.events.CloudEvent;
import cn.gov.lvliang.renewal.platform.events.DeadLetters;
import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.subsidy.claims.OldItemCollections;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Builds the scrap-certificate read model from recycling-service's stream. Each event is applied
 * once (inbox), however often Kafka delivers it; unusable records go to {@code
 * recycling.events.dlq}. Applies vehicle.scrapped.v1, certificate.voided.v1 and
 * certificate.corrected.v1; each change fires {@link CertificateChanged} in the same transaction so
 * that claims waiting for or using the certificate are verified again. Trade-in collections
 * (appliance.recycled.v1) go to {@link OldItemCollections}: one consumer per topic, so a malformed
 * record is dead-lettered once.
 */
@ApplicationScoped
public class RecyclingEventsConsumer implements DeadLetters.Replayable {

    private static final Logger LOG = Logger.getLogger(RecyclingEventsConsumer.class);
    static final String CONSUMER = "scrap-certificate-read-model";
    static final String VEHICLE_SCRAPPED = "cn.gov.lvliang.recycling.vehicle.scrapped.v1";
    static final String CERTIFICATE_VOIDED = "cn.gov.lvliang.recycling.certificate.voided.v1";
    static final String CERTIFICATE_CORRECTED = "cn.gov.lvliang.recycling.certificate.corrected.v1";

    private final EventConsumer events;
    private final Clock clock;
    private final Event<CertificateChanged> changed;
    private final OldItemCollections collections;

    public RecyclingEventsConsumer(
            EventConsumer events, Clock clock, Event<CertificateChanged> changed, OldItemCollections collections) {
        this.events = events;
        this.clock = clock;
        this.changed = changed;
        this.collections = collections;
    }

    @Incoming("recycling-events")
    @Blocking
    public void onRecord(ConsumerRecord<String, String> record) {
        events.consume(CONSUMER, record, this::apply);
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public Set<String> topics() {
        return DeadLetters.topicsOf("recycling-events");
    }

    /** The handler of every {@code @Incoming} method here; also what a dead-letter replay runs. */
    @Override
    public void apply(CloudEvent event) {
        switch (event.type()) {
            case VEHICLE_SCRAPPED -> recordCertificate(event, events.data(event, VehicleScrapped.class));
            case CERTIFICATE_VOIDED -> voidCertificate(events.data(event, CertificateVoided.class));
            case CERTIFICATE_CORRECTED -> correctCertificate(event, events.data(event, CertificateCorrected.class));
            case OldItemCollections.APPLIANCE_RECYCLED -> collections.apply(event);
            default -> {
                // Other recycling events are not part of this read model; the inbox notes them as seen.
            }
        }
    }

    /** A voided certificate stays in the read model, unusable for claims; claims using it are re-checked. */
    private void voidCertificate(CertificateVoided data) {
        ScrapCertificateRecord certificate = ScrapCertificateRecord.findById(data.certificateNumber());
        if (certificate == null) {
            LOG.warnf("voided certificate %s was never recorded here; ignored", data.certificateNumber());
            return;
        }
        if (certificate.status == ScrapCertificateRecord.Status.VOIDED) {
            return;
        }
        certificate.status = ScrapCertificateRecord.Status.VOIDED;
        certificate.voidReason = data.reason();
        certificate.voidedAt = data.voidedAt();
        changed.fire(new CertificateChanged(certificate.certificateNumber, certificate.status));
    }

    /** A correction replaces the fields if it is newer than what this model holds; older ones are ignored. */
    private void correctCertificate(CloudEvent event, CertificateCorrected data) {
        ScrapCertificateRecord certificate = ScrapCertificateRecord.findById(data.certificateNumber());
        if (certificate == null) {
            certificate = new ScrapCertificateRecord();
            certificate.certificateNumber = data.certificateNumber();
            certificate.status = ScrapCertificateRecord.Status.VALID;
        } else if (certificate.certificateVersion >= data.version()) {
            return;
        }
        certificate.dismantlerCreditCode = data.dismantlerCreditCode();
        certificate.county = data.county();
        certificate.vin = data.vin();
        certificate.ownerIdHash = data.owner().idNumberHash();
        certificate.ownerIdMasked = data.owner().idNumberMasked();
        certificate.ownerNameMasked = data.owner().nameMasked();
        certificate.firstRegistrationDate = data.firstRegistrationDate();
        certificate.handoverDate = data.handoverDate();
        certificate.powerType = data.powerType();
        certificate.certificateVersion = data.version();
        certificate.sourceEventId = event.id();
        certificate.recordedAt = Instant.now(clock);
        certificate.persist();
        changed.fire(new CertificateChanged(certificate.certificateNumber, certificate.status));
    }

    private void recordCertificate(CloudEvent event, VehicleScrapped data) {
        if (ScrapCertificateRecord.findById(data.certificateNumber()) != null) {
            return; // a certificate number is issued once; later changes arrive as their own events
        }
        ScrapCertificateRecord certificate = new ScrapCertificateRecord();
        certificate.certificateNumber = data.certificateNumber();
        certificate.dismantlerCreditCode = data.dismantlerCreditCode();
        certificate.county = data.county();
        certificate.vin = data.vin();
        certificate.ownerIdHash = data.owner().idNumberHash();
        certificate.ownerIdMasked = data.owner().idNumberMasked();
        certificate.ownerNameMasked = data.owner().nameMasked();
        certificate.firstRegistrationDate = data.firstRegistrationDate();
        certificate.handoverDate = data.handoverDate();
        certificate.powerType = data.powerType();
        certificate.status = ScrapCertificateRecord.Status.VALID;
        certificate.sourceEventId = event.id();
        certificate.recordedAt = Instant.now(clock);
        certificate.persist();
        changed.fire(new CertificateChanged(certificate.certificateNumber, certificate.status));
    }
}
