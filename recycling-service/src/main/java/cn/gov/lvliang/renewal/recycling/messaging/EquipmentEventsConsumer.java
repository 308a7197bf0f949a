package cn.gov.lvliang.renewal.recycling.messaging;

import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.platform.events.Subscriber;
import cn.gov.lvliang.renewal.platform.events.Subscription;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code equipment.events} as the consumer {@value #CONSUMER}: each event applied once
 * (inbox), a poll per transaction, unusable records to {@code equipment.events.dlq}. The handlers
 * are the features' ({@code disposals.DisposalHandlers}: {@link EquipmentRetired}).
 */
@ApplicationScoped
public class EquipmentEventsConsumer implements Subscriber {

    static final String CONSUMER = "disposal-records";

    private final Subscription subscription;

    public EquipmentEventsConsumer(EventConsumer events) {
        this.subscription = events.subscription(CONSUMER, "equipment-events");
    }

    @Incoming("equipment-events")
    @Blocking
    public void onRecords(ConsumerRecords<String, String> records) {
        subscription.consume(records);
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }
}
