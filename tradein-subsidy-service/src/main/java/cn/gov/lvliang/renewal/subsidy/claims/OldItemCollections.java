package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.events.CloudEvent;
import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.platform.events.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * 换新+回收: when recycling-service records the collection of a trade-in claim's old appliance
 * ({@code appliance.recycled.v1} naming the claim), the claim notes it, and a claim whose rules
 * require the collection becomes payable. Called by the service's one consumer of {@code
 * recycling.events}, inside its inbox transaction, so each event is applied once. A record naming
 * a claim that is not a UUID is dead-lettered; one naming a claim this service does not know is
 * logged and skipped (recycling-service accepts any claim id a recycler types).
 */
@ApplicationScoped
public class OldItemCollections {

    private static final Logger LOG = Logger.getLogger(OldItemCollections.class);
    public static final String APPLIANCE_RECYCLED = "cn.gov.lvliang.recycling.appliance.recycled.v1";

    private final EventConsumer events;

    public OldItemCollections(EventConsumer events) {
        this.events = events;
    }

    /** Applies an {@code appliance.recycled.v1} event. */
    public void apply(CloudEvent event) {
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
