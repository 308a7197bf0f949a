package cn.gov.lvliang.renewal.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Records an event in the service's {@code outbox_event} table, inside the caller's transaction.
 *
 * <p>Either the state change and its event are both committed, or neither is: there is no
 * dual write to the database and the broker. {@link OutboxRelay} publishes committed rows.
 */
@ApplicationScoped
public class Outbox {

    /** One line per event recorded, in the trace of the action; type, id and key, never data. */
    private static final Logger LOG = Logger.getLogger("cn.gov.lvliang.renewal.platform.events.recorded");

    private final EntityManager em;
    private final Envelopes envelopes;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    @Inject
    Outbox(EntityManager em, Envelopes envelopes, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.em = em;
        this.envelopes = envelopes;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Adds an event to the outbox. Must run inside the transaction that makes the change.
     *
     * @param topic the service's stream, for example {@code recycling.events}
     * @param aggregateId the record key; events with the same key keep their order
     * @param type the versioned CloudEvents type
     * @param data the event data (a record or map); must not hold plaintext personal data
     * @return the published envelope
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String aggregateId, String type, Object data) {
        CloudEvent event = envelopes.create(type, aggregateId, data);
        em.createNativeQuery("insert into outbox_event (event_id, topic, aggregate_id, type, envelope, created_at)"
                        + " values (cast(?1 as uuid), ?2, ?3, ?4, cast(?5 as jsonb), ?6)")
                .setParameter(1, event.id())
                .setParameter(2, topic)
                .setParameter(3, aggregateId)
                .setParameter(4, type)
                .setParameter(5, envelopes.serialise(event))
                .setParameter(6, event.time())
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        LOG.infof("Recorded %s %s for %s", type, event.id(), aggregateId);
        return event;
    }

    /** Wakes the relay as soon as the row is visible, instead of at its next poll. */
    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
