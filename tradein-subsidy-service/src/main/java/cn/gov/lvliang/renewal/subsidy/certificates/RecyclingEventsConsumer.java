package cn.gov.lvliang.renewal.subsidy.certificates;

import cn.gov.lvliang.renewal.platform.events.CloudEvent;
import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Builds the scrap-certificate read model from recycling-service's stream. Each event is applied
 * once (inbox), however often Kafka delivers it; unusable records go to {@code
 * recycling.events.dlq}.
 */
@ApplicationScoped
public class RecyclingEventsConsumer {

    static final String CONSUMER = "scrap-certificate-read-model";
    static final String VEHICLE_SCRAPPED = "cn.gov.lvliang.recycling.vehicle.scrapped.v1";

    private final EventConsumer events;
    private final Clock clock;

    public RecyclingEventsConsumer(EventConsumer events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Incoming("recycling-events")
    @Blocking
    public void onRecord(ConsumerRecord<String, String> record) {
        events.consume(CONSUMER, record, this::apply);
    }

    void apply(CloudEvent event) {
        if (VEHICLE_SCRAPPED.equals(event.type())) {
            recordCertificate(event, events.data(event, VehicleScrapped.class));
        }
        // Other recycling events are not part of this read model (yet); the inbox notes them as seen.
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
    }
}
