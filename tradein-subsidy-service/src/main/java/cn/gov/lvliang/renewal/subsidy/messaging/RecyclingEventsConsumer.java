package cn.gov.lvliang.renewal.subsidy.messaging;

import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.platform.events.Subscriber;
import cn.gov.lvliang.renewal.platform.events.Subscription;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads recycling-service's {@code recycling.events} as the consumer {@value #CONSUMER}: each event
 * applied once (inbox), however often Kafka delivers it, a poll per transaction with one inbox
 * statement; unusable records go to {@code recycling.events.dlq}. One consumer per topic, so a
 * malformed record is dead-lettered once. The handlers are the features': {@code
 * certificates.CertificateHandlers} ({@link CertificateEvent}s, a run at a time) and {@code
 * claims.OldItemCollections} ({@link OldItemCollected}).
 */
@ApplicationScoped
public class RecyclingEventsConsumer implements Subscriber {

    static final String CONSUMER = "scrap-certificate-read-model";

    private final Subscription subscription;

    public RecyclingEventsConsumer(EventConsumer events) {
        this.subscription = events.subscription(CONSUMER, "recycling-events");
    }

    @Incoming("recycling-events")
    @Blocking
    public void onRecords(ConsumerRecords<String, String> records) {
        subscription.consume(records);
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }
}
