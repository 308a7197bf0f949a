package cn.gov.lvliang.renewal.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

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

    /**
     * Records that {@code consumer} processes {@code events}, in the caller's transaction, with one
     * statement for the whole list.
     *
     * @return the events not processed before, in their order; an event listed twice is returned
     *     once (its first occurrence)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> firstDeliveries(String consumer, List<CloudEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        String[] ids = events.stream().map(CloudEvent::id).toArray(String[]::new);
        String[] types = events.stream().map(CloudEvent::type).toArray(String[]::new);
        Set<String> inserted = em.unwrap(Session.class).doReturningWork(c -> {
            Set<String> found = new HashSet<>();
            try (PreparedStatement insert = c.prepareStatement("insert into inbox_event (consumer, event_id, type)"
                    + " select ?, e.id, e.type from unnest(?::text[], ?::text[]) as e(id, type)"
                    + " on conflict do nothing returning event_id")) {
                insert.setString(1, consumer);
                insert.setArray(2, c.createArrayOf("text", ids));
                insert.setArray(3, c.createArrayOf("text", types));
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
            return found;
        });
        List<CloudEvent> fresh = new ArrayList<>();
        for (CloudEvent event : events) {
            if (inserted.remove(event.id())) {
                fresh.add(event);
            }
        }
        return fresh;
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
