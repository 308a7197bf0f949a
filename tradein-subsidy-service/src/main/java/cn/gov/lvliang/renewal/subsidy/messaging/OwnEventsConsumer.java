package cn.gov.lvliang.renewal.subsidy.messaging;

import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The {@code @Incoming} adapter of this service's own {@code subsidy.events} (channel {@code
 * subsidy-notices}, group {@code tradein-subsidy-service-notices}): each record passes the inbox
 * once under the listener's consumer name; sending is the notices' {@code NoticeDelivery}'s, later,
 * so that no claim transaction ever waits for a gateway (decision 0027).
 */
@ApplicationScoped
public class OwnEventsConsumer {

    private final EventConsumer events;
    private final OwnEventsListener listener;

    public OwnEventsConsumer(EventConsumer events, OwnEventsListener listener) {
        this.events = events;
        this.listener = listener;
    }

    @Incoming("subsidy-notices")
    @Blocking
    public void onRecord(ConsumerRecord<String, String> record) {
        if (!listener.enabled()) {
            return;
        }
        events.consume(listener.consumer(), record, listener::apply);
    }
}
