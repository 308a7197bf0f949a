package cn.gov.lvliang.renewal.subsidy.messaging;

import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The {@code @Incoming} adapter of this service's own {@code subsidy.events} (channel {@code
 * subsidy-notices}, group {@code tradein-subsidy-service-notices}): each record passes the inbox
 * once under the listener's consumer name; sending is the notices' {@code NoticeDelivery}'s, later,
 * so that no claim transaction ever waits for a gateway (decision 0027).
 */
@ApplicationScoped
public class OwnEventsConsumer {

    /** The CloudEvents type, as the outbox relay writes it in each record's headers (Kafka binding). */
    static final String TYPE_HEADER = "ce_type";

    private final EventConsumer events;
    private final OwnEventsListener listener;

    public OwnEventsConsumer(EventConsumer events, OwnEventsListener listener) {
        this.events = events;
        this.listener = listener;
    }

    @Incoming("subsidy-notices")
    @Blocking
    public void onRecord(ConsumerRecord<String, String> record) {
        if (!listener.enabled() || !followed(record)) {
            return;
        }
        events.consume(listener.consumer(), record, listener::apply);
    }

    /**
     * False for a record whose {@code ce_type} header (the outbox relay writes one on every record)
     * names a type the listener does not follow: half of a filed claim's events ({@code
     * claim.verified}) notify nobody, and each cost a parse and an inbox transaction (decision 0057).
     * A record without the header is read as before.
     */
    private boolean followed(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(TYPE_HEADER);
        return type == null || listener.follows(new String(type.value(), StandardCharsets.UTF_8));
    }
}
