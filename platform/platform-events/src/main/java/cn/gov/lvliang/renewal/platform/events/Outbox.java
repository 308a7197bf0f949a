package cn.gov.lvliang.renewal.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Records an event in the service's {@code outbox_event} table, inside the caller's transaction.
 *
 * <p>Either the state change and its event are both committed, or neither is: there is no
 * dual write to the database and the broker. {@link OutboxRelay} publishes committed rows.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper json;
    private final EventsConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final Clock clock;

    @Inject
    public Outbox(
            EntityManager em,
            ObjectMapper json,
            EventsConfig config,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            Clock clock) {
        this.em = em;
        this.json = json;
        this.config = config;
        this.transactions = transactions;
        this.relay = relay;
        this.clock = clock;
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
        JsonNode payload = json.valueToTree(data);
        CloudEvent event = new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                config.source(),
                type,
                aggregateId,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                "application/json",
                null,
                payload);
        String envelope;
        try {
            envelope = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be serialised: " + type, e);
        }
        em.createNativeQuery("insert into outbox_event (event_id, topic, aggregate_id, type, envelope, created_at)"
                        + " values (cast(?1 as uuid), ?2, ?3, ?4, cast(?5 as jsonb), ?6)")
                .setParameter(1, event.id())
                .setParameter(2, topic)
                .setParameter(3, aggregateId)
                .setParameter(4, type)
                .setParameter(5, envelope)
                .setParameter(6, event.time())
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
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
