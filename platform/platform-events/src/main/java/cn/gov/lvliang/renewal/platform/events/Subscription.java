package cn.gov.lvliang.renewal.platform.events;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One consumer of a service (订阅): its inbox name, the topics of its channels and the registry of
 * its handlers. Its {@code @Incoming} adapter hands each poll to {@link #consume}; {@link
 * DeadLetters} replays its dead letters through {@link #replay}, the same handlers.
 */
public final class Subscription {

    private final String consumer;
    private final Set<String> topics;
    private final EventHandlers handlers;
    private final EventConsumer events;

    Subscription(String consumer, List<String> channels, EventHandlers handlers, EventConsumer events) {
        this.consumer = consumer;
        this.topics = topicsOf(channels);
        this.handlers = handlers;
        this.events = events;
    }

    /** The name of the consuming projection, such as {@code scrap-certificate-read-model} (the inbox's consumer). */
    public String consumer() {
        return consumer;
    }

    /** The topics it reads, as configured ({@code mp.messaging.incoming.<channel>.topic}). */
    public Set<String> topics() {
        return topics;
    }

    public EventHandlers handlers() {
        return handlers;
    }

    /** Applies one poll: one transaction and one inbox statement ({@link EventConsumer#consumeBatch}). */
    public void consume(Iterable<ConsumerRecord<String, String>> records) {
        events.consumeBatch(consumer, records, handlers::dispatch);
    }

    /** Applies one record on its own ({@link EventConsumer#consume}): a dead letter's replay. */
    public void replay(ConsumerRecord<String, String> record) {
        events.consume(consumer, record, event -> handlers.dispatch(List.of(event)));
    }

    private static Set<String> topicsOf(List<String> channels) {
        Set<String> topics = new TreeSet<>();
        for (String channel : channels) {
            topics.add(ConfigProvider.getConfig()
                    .getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class)
                    .orElse(channel));
        }
        return Set.copyOf(topics);
    }
}
