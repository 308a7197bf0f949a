package cn.gov.lvliang.renewal.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The idempotent-consumer record: which events each consumer has already applied. */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /**
     * Records that {@code consumer} processes {@code event}, in the caller's transaction.
     *
     * @return false when the event was already processed: the caller must then do nothing
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, CloudEvent event) {
        int inserted = em.createNativeQuery("insert into inbox_event (consumer, event_id, type) values (?1, ?2, ?3)"
                        + " on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        return inserted == 1;
    }

    /** Whether {@code consumer} has applied the event {@code eventId}. */
    @Transactional
    public boolean applied(String consumer, String eventId) {
        Number found =
                (Number) em.createNativeQuery("select count(*) from inbox_event where consumer = ?1 and event_id = ?2")
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .getSingleResult();
        return found.longValue() > 0;
    }
}
