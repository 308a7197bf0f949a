package cn.gov.lvliang.renewal.recycling.messaging;

import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.platform.events.Subscriber;
import cn.gov.lvliang.renewal.platform.events.Subscription;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads tasks-service's {@code tasks.events} as the consumer {@value #CONSUMER}: each event
 * applied once (inbox), unusable records to {@code tasks.events.dlq}. The handler is {@code
 * organisation.DirectoryHandlers} ({@link DepartmentChanged}); every other type is passed over.
 */
@ApplicationScoped
public class TasksEventsConsumer implements Subscriber {

    static final String CONSUMER = "organisation-read-model";

    private final Subscription subscription;

    public TasksEventsConsumer(EventConsumer events) {
        this.subscription = events.subscription(CONSUMER, "tasks-events");
    }

    @Incoming("tasks-events")
    @Blocking
    public void onRecords(ConsumerRecords<String, String> records) {
        subscription.consume(records);
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }
}
