package cn.gov.lvliang.renewal.subsidy.notices;

import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads this service's own {@code subsidy.events} (written through the outbox) as the consumer
 * {@value #CONSUMER}, in a Kafka group of its own: each claim event passes the inbox once and queues
 * its notifications ({@link ClaimNotices}); sending is {@link NoticeDelivery}'s, later, so that no
 * claim transaction ever waits for a gateway.
 */
@ApplicationScoped
public class NoticesConsumer {

    static final String CONSUMER = "applicant-notices";

    private final EventConsumer events;
    private final ClaimNotices notices;
    private final NoticesConfig config;

    public NoticesConsumer(EventConsumer events, ClaimNotices notices, NoticesConfig config) {
        this.events = events;
        this.notices = notices;
        this.config = config;
    }

    @Incoming("subsidy-notices")
    @Blocking
    public void onRecord(ConsumerRecord<String, String> record) {
        if (!config.queueEvents()) {
            return;
        }
        events.consume(CONSUMER, record, notices::apply);
    }
}
