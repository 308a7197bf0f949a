package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.events.CloudEvent;
import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.platform.events.PoisonEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * 换新+回收: when recycling-service records the collection of a trade-in claim's old appliance
 * ({@code appliance.recycled.v1} naming the claim), the claim notes it, and a claim whose rules
 * require the collection becomes payable. Applied once per event (inbox); a record naming a claim
 * that is not a UUID is dead-lettered, one naming a claim this service does not know is logged and
 * skipped (recycling-service accepts any claim id a recycler types).
 */
@ApplicationScoped
public class CollectionConsumer {

    private static final Logger LOG = Logger.getLogger(CollectionConsumer.class);
    static final String CONSUMER = "trade-in-collections";
    static final String APPLIANCE_RECYCLED = "cn.gov.lvliang.recycling.appliance.recycled.v1";

    private final EventConsumer events;

    public CollectionConsumer(EventConsumer events) {
        this.events = events;
    }

    @Incoming("recycling-collections")
    @Blocking
    public void onRecord(ConsumerRecord<String, String> record) {
        events.consume(CONSUMER, record, this::apply);
    }

    void apply(CloudEvent event) {
        if (!APPLIANCE_RECYCLED.equals(event.type())) {
            return;
        }
        OldItemCollected data = events.data(event, OldItemCollected.class);
        if (!data.concernsAClaim()) {
            return;
        }
        UUID claimId;
        try {
            claimId = UUID.fromString(data.claimId());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(
                    "claimId " + data.claimId() + " of record " + data.recordId() + " is not a claim id");
        }
        Claim claim = Claim.findById(claimId);
        if (claim == null) {
            LOG.warnf(
                    "collection record %s names claim %s, which does not exist here; skipped",
                    data.recordId(), claimId);
            return;
        }
        if (claim.oldItemCollected(data.recordId(), data.recordedOn())) {
            LOG.infof("claim %s: old item collected on %s (record %s)", claimId, data.recordedOn(), data.recordId());
        }
    }
}
