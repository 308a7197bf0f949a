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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Builds the scrap-certificate read model from recycling-service's stream. Each event is applied
 * once (inbox), however often Kafka delivers it; unusable records go to {@code
 * recycling.events.dlq}. Applies vehicle.scrapped.v1, certificate.voided.v1 and
 * certificate.corrected.v1, a poll at a time (one inbox statement, one certificate lookup); the
 * changes of a poll fire one {@link CertificatesChanged} in the same transaction so that claims
 * waiting for or using the certificates are verified again. Trade-in collections
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
    private final Event<CertificatesChanged> changed;
    private final OldItemCollections collections;

    public RecyclingEventsConsumer(
            EventConsumer events, Clock clock, Event<CertificatesChanged> changed, OldItemCollections collections) {
        this.events = events;
        this.clock = clock;
        this.changed = changed;
        this.collections = collections;
    }

    @Incoming("recycling-events")
    @Blocking
    public void onRecords(ConsumerRecords<String, String> records) {
        events.consumeBatch(CONSUMER, records, this::applyAll);
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public Set<String> topics() {
        return DeadLetters.topicsOf("recycling-events");
    }

    /** What a dead-letter replay runs: one event, as a batch of one. */
    @Override
    public void apply(CloudEvent event) {
        applyAll(List.of(event));
    }

    /**
     * Applies the new events of one poll, in order: the certificates they name are read in one query,
     * and the claims to verify again are announced once ({@link CertificatesChanged}), before any
     * trade-in collection of the poll and at the end.
     */
    void applyAll(List<CloudEvent> batch) {
        List<Object> data = new ArrayList<>(batch.size());
        Set<String> numbers = new HashSet<>();
        for (CloudEvent event : batch) {
            Object d = switch (event.type()) {
                case VEHICLE_SCRAPPED -> events.data(event, VehicleScrapped.class);
                case CERTIFICATE_VOIDED -> events.data(event, CertificateVoided.class);
                case CERTIFICATE_CORRECTED -> events.data(event, CertificateCorrected.class);
                default -> null;
            };
            data.add(d);
            if (d instanceof VehicleScrapped v) {
                numbers.add(v.certificateNumber());
            } else if (d instanceof CertificateVoided v) {
                numbers.add(v.certificateNumber());
            } else if (d instanceof CertificateCorrected c) {
                numbers.add(c.certificateNumber());
            }
        }
        Map<String, ScrapCertificateRecord> held = ScrapCertificateRecord.held(numbers);
        List<CertificateChanged> changes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            CloudEvent event = batch.get(i);
            Object d = data.get(i);
            if (d instanceof VehicleScrapped scrapped) {
                record(
                        ScrapCertificateRecord.scrapped(
                                held.get(scrapped.certificateNumber()),
                                scrapped.certificateNumber(),
                                ScrapCertificateRecord.Facts.of(scrapped),
                                event.id(),
                                Instant.now(clock)),
                        held,
                        changes);
            } else if (d instanceof CertificateVoided voided) {
                // A voided certificate stays in the read model, unusable for claims.
                record(
                        ScrapCertificateRecord.voided(
                                held.get(voided.certificateNumber()),
                                voided.certificateNumber(),
                                voided.reason(),
                                voided.voidedAt()),
                        held,
                        changes);
            } else if (d instanceof CertificateCorrected corrected) {
                // A correction replaces the fields if it is newer than what this model holds.
                record(
                        ScrapCertificateRecord.corrected(
                                held.get(corrected.certificateNumber()),
                                corrected.certificateNumber(),
                                corrected.version(),
                                ScrapCertificateRecord.Facts.of(corrected),
                                event.id(),
                                Instant.now(clock)),
                        held,
                        changes);
            } else if (OldItemCollections.APPLIANCE_RECYCLED.equals(event.type())) {
                announce(changes); // claims see the certificates of the events before this one
                collections.apply(event);
            }
            // Other recycling events are not part of this read model; the inbox notes them as seen.
        }
        announce(changes);
    }

    /** Stores a changed record and notes the change for {@link #announce}. */
    private static void record(
            ScrapCertificateRecord.Change change,
            Map<String, ScrapCertificateRecord> held,
            List<CertificateChanged> changes) {
        if (!change.changed()) {
            return;
        }
        ScrapCertificateRecord certificate = change.record();
        certificate.persist();
        held.put(certificate.certificateNumber, certificate);
        changes.add(new CertificateChanged(certificate.certificateNumber, certificate.status));
    }

    /** Has the claims that wait for or use the changed certificates verified again. */
    private void announce(List<CertificateChanged> changes) {
        if (changes.isEmpty()) {
            return;
        }
        changed.fire(new CertificatesChanged(List.copyOf(changes)));
        changes.clear();
    }
}
