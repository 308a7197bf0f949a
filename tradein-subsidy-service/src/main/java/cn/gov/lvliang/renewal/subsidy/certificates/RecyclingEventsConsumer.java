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
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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
    public void onRecords(ConsumerRecords<String, String> records) {
        events.consumeAll(CONSUMER, records, this::apply);
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
        ScrapCertificateRecord.Change change = ScrapCertificateRecord.voided(
                ScrapCertificateRecord.findById(data.certificateNumber()),
                data.certificateNumber(),
                data.reason(),
                data.voidedAt());
        announce(change);
    }

    /** A correction replaces the fields if it is newer than what this model holds; older ones are ignored. */
    private void correctCertificate(CloudEvent event, CertificateCorrected data) {
        announce(ScrapCertificateRecord.corrected(
                ScrapCertificateRecord.findById(data.certificateNumber()),
                data.certificateNumber(),
                data.version(),
                ScrapCertificateRecord.Facts.of(data),
                event.id(),
                Instant.now(clock)));
    }

    private void recordCertificate(CloudEvent event, VehicleScrapped data) {
        announce(ScrapCertificateRecord.scrapped(
                ScrapCertificateRecord.findById(data.certificateNumber()),
                data.certificateNumber(),
                ScrapCertificateRecord.Facts.of(data),
                event.id(),
                Instant.now(clock)));
    }

    /** Stores a changed record and has the claims that wait for or use it verified again. */
    private void announce(ScrapCertificateRecord.Change change) {
        if (!change.changed()) {
            return;
        }
        ScrapCertificateRecord certificate = change.record();
        certificate.persist();
        changed.fire(new CertificateChanged(certificate.certificateNumber, certificate.status));
    }
}
