package cn.gov.lvliang.renewal.recycling.disposals;

import cn.gov.lvliang.renewal.platform.events.EventHandlers;
import cn.gov.lvliang.renewal.platform.events.EventSubscriber;
import cn.gov.lvliang.renewal.platform.events.Received;
import cn.gov.lvliang.renewal.recycling.messaging.EquipmentRetired;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Opens a disposal record for each equipment retirement announced on {@code equipment.events}, in
 * the consumer's inbox transaction: one record per equipment, however often it is announced.
 */
@ApplicationScoped
public class DisposalHandlers implements EventSubscriber {

    private final Clock clock;

    public DisposalHandlers(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void subscribe(EventHandlers.Builder handlers) {
        handlers.on(EquipmentRetired.TYPE, EquipmentRetired.class, this::retired);
    }

    void retired(Received<EquipmentRetired> event) {
        EquipmentRetired data = event.data();
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
