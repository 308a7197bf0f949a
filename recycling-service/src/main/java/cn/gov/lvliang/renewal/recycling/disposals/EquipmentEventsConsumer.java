package cn.gov.lvliang.renewal.recycling.disposals;

import cn.gov.lvliang.renewal.platform.events.CloudEvent;
import cn.gov.lvliang.renewal.platform.events.DeadLetters;
import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Opens a disposal record for each equipment retirement announced on {@code equipment.events}.
 * Each event is applied once (inbox); one record per equipment, however often it is announced;
 * unusable records go to {@code equipment.events.dlq}.
 */
@ApplicationScoped
public class EquipmentEventsConsumer implements DeadLetters.Replayable {

    static final String CONSUMER = "disposal-records";
    static final String EQUIPMENT_RETIRED = "cn.gov.lvliang.equipment.equipment.retired.v1";

    private final EventConsumer events;
    private final Clock clock;

    public EquipmentEventsConsumer(EventConsumer events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Incoming("equipment-events")
    @Blocking
    public void onRecords(ConsumerRecords<String, String> records) {
        events.consumeAll(CONSUMER, records, this::apply);
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public Set<String> topics() {
        return DeadLetters.topicsOf("equipment-events");
    }

    /** The handler of every {@code @Incoming} method here; also what a dead-letter replay runs. */
    @Override
    public void apply(CloudEvent event) {
        if (!EQUIPMENT_RETIRED.equals(event.type())) {
            return; // other equipment events do not concern disposals; the inbox notes them as seen
        }
        EquipmentRetired data = events.data(event, EquipmentRetired.class);
        if (DisposalRecord.count("equipmentId", data.equipmentId()) > 0) {
            return; // one disposal per piece of equipment
        }
        DisposalRecord r = new DisposalRecord();
        r.equipmentId = data.equipmentId();
        r.unitCreditCode = data.unitCreditCode();
        r.county = data.county();
        r.name = data.name();
        r.category = data.category();
        r.retiredOn = data.retiredOn();
        r.plannedDisposal = data.disposal() == null || data.disposal().isNull()
                ? null
                : data.disposal().isTextual()
                        ? data.disposal().asText()
                        : data.disposal().toString();
        r.sourceEventId = event.id();
        r.openedAt = Instant.now(clock);
        r.status = DisposalRecord.Status.OPEN;
        r.persist();
    }
}
