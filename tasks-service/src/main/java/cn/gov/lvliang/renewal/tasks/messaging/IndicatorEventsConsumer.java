package cn.gov.lvliang.renewal.tasks.messaging;

import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.platform.events.Subscriber;
import cn.gov.lvliang.renewal.platform.events.Subscription;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads every stream of the suite as the consumer {@value #CONSUMER}: each event applied once
 * (inbox), a poll per transaction; unusable events go to {@code <topic>.dlq} and change nothing.
 * The handler is the statistics feature's ({@code statistics.StatisticsHandlers}): it projects each
 * event into the statistics bureau's stream and applies the projected event to the indicator
 * actuals, per county and month.
 */
@ApplicationScoped
public class IndicatorEventsConsumer implements Subscriber {

    static final String CONSUMER = "indicator-actuals";

    private final Subscription subscription;

    public IndicatorEventsConsumer(EventConsumer events) {
        this.subscription =
                events.subscription(CONSUMER, "recycling-events", "subsidy-events", "equipment-events", "tasks-events");
    }

    @Incoming("recycling-events")
    @Blocking
    public void onRecycling(ConsumerRecords<String, String> records) {
        subscription.consume(records);
    }

    @Incoming("subsidy-events")
    @Blocking
    public void onSubsidy(ConsumerRecords<String, String> records) {
        subscription.consume(records);
    }

    @Incoming("equipment-events")
    @Blocking
    public void onEquipment(ConsumerRecords<String, String> records) {
        subscription.consume(records);
    }

    @Incoming("tasks-events")
    @Blocking
    public void onTasks(ConsumerRecords<String, String> records) {
        subscription.consume(records);
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }
}
