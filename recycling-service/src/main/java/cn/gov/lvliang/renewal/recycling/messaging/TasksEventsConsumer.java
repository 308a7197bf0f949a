package cn.gov.lvliang.renewal.recycling.messaging;

import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.platform.events.directory.DirectoryConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * This service's read model of the organisation directory: the platform's {@link DirectoryConsumer}
 * (a singleton: the base class keeps its subscription in a final field, which a client proxy cannot).
 */
@Singleton
public class TasksEventsConsumer extends DirectoryConsumer {

    public TasksEventsConsumer(EventConsumer events) {
        super(events);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onRecords(ConsumerRecords<String, String> records) {
        consume(records);
    }
}
