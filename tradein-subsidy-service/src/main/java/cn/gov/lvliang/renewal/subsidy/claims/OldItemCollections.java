package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.events.EventHandlers;
import cn.gov.lvliang.renewal.platform.events.EventSubscriber;
import cn.gov.lvliang.renewal.platform.events.PoisonEventException;
import cn.gov.lvliang.renewal.platform.events.Received;
import cn.gov.lvliang.renewal.subsidy.messaging.OldItemCollected;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * 换新+回收: when recycling-service records the collection of a trade-in claim's old appliance
 * ({@code appliance.recycled.v1} naming the claim), the claim notes it, and a claim whose rules
 * require the collection becomes payable. Handed by the service's one consumer of {@code
 * recycling.events}, inside its inbox transaction, so each event is applied once. A record naming
 * a claim that is not a UUID is dead-lettered; one naming a claim this service does not know is
 * logged and skipped (recycling-service accepts any claim id a recycler types).
 */
@ApplicationScoped
public class OldItemCollections implements EventSubscriber {

    private static final Logger LOG = Logger.getLogger(OldItemCollections.class);

    @Override
    public void subscribe(EventHandlers.Builder handlers) {
        handlers.on(OldItemCollected.TYPE, OldItemCollected.class, this::collected);
    }

    /** Applies an {@code appliance.recycled.v1} event. */
    void collected(Received<OldItemCollected> event) {
        OldItemCollected data = event.data();
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
