package cn.gov.lvliang.renewal.platform.events.directory;

import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.platform.events.Subscriber;
import cn.gov.lvliang.renewal.platform.events.Subscription;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The consumer {@value #CONSUMER} of tasks-service's {@code tasks.events} (channel {@value
 * #CHANNEL}): each event applied once (inbox), unusable records to {@code tasks.events.dlq}, dead
 * letters replayed through the same handlers ({@link DirectoryReadModel}); every other type is
 * passed over. A service subclasses it in its {@code messaging} package only to declare the
 * {@code @Incoming} method, since Quarkus wires the channel of a method the service declares.
 */
public abstract class DirectoryConsumer implements Subscriber {

    public static final String CONSUMER = "organisation-read-model";
    public static final String CHANNEL = "tasks-events";

    private final Subscription subscription;

    protected DirectoryConsumer(EventConsumer events) {
        this.subscription = events.subscription(CONSUMER, CHANNEL);
    }

    /** Applies one poll. */
    protected void consume(ConsumerRecords<String, String> records) {
        subscription.consume(records);
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }
}
