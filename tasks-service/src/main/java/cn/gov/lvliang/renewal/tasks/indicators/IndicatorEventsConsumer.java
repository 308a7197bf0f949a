package cn.gov.lvliang.renewal.tasks.indicators;

import cn.gov.lvliang.renewal.platform.events.CloudEvent;
import cn.gov.lvliang.renewal.platform.events.DeadLetters;
import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.tasks.statistics.StatisticsFeed;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads every stream of the suite once (inbox) and, in one transaction per event, projects it into
 * the statistics bureau's stream and applies the projected event to the indicator actuals, per
 * county and month. Unusable events go to {@code <topic>.dlq} and change nothing.
 */
@ApplicationScoped
public class IndicatorEventsConsumer implements DeadLetters.Replayable {

    static final String CONSUMER = "indicator-actuals";

    private final EventConsumer events;
    private final StatisticsFeed feed;
    private final IndicatorActuals actuals;

    public IndicatorEventsConsumer(EventConsumer events, StatisticsFeed feed, IndicatorActuals actuals) {
        this.events = events;
        this.feed = feed;
        this.actuals = actuals;
    }

    @Incoming("recycling-events")
    @Blocking
    public void onRecycling(ConsumerRecords<String, String> records) {
        events.consumeAll(CONSUMER, records, this::apply);
    }

    @Incoming("subsidy-events")
    @Blocking
    public void onSubsidy(ConsumerRecords<String, String> records) {
        events.consumeAll(CONSUMER, records, this::apply);
    }

    @Incoming("equipment-events")
    @Blocking
    public void onEquipment(ConsumerRecords<String, String> records) {
        events.consumeAll(CONSUMER, records, this::apply);
    }

    @Incoming("tasks-events")
    @Blocking
    public void onTasks(ConsumerRecords<String, String> records) {
        events.consumeAll(CONSUMER, records, this::apply);
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public Set<String> topics() {
        return DeadLetters.topicsOf("recycling-events", "subsidy-events", "equipment-events", "tasks-events");
    }

    /** The handler of every {@code @Incoming} method here; also what a dead-letter replay runs. */
    @Override
    public void apply(CloudEvent event) {
        feed.accept(event).ifPresent(bureau -> actuals.apply(bureau, event.id(), true));
    }
}
