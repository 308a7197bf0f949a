package cn.gov.lvliang.renewal.tasks.statistics;

import cn.gov.lvliang.renewal.platform.events.CloudEvent;
import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.events.Received;
import cn.gov.lvliang.renewal.tasks.messaging.StatisticsEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Writes the bureau's stream: projects a source event (allow-list, pseudonyms), publishes the
 * result on {@value StatisticsEvents#TOPIC} through the outbox and keeps it in {@code
 * statistics_event}, the history that backfill pages through and indicators are rebuilt from.
 * Runs inside the consumer's inbox transaction.
 */
@ApplicationScoped
public class StatisticsFeed {

    /** Serialises writers, so that {@code statistics_event.seq} order is commit order. */
    static final long LOCK = 0x5354_4154_5345_5131L;

    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final BureauProjection projection;

    public StatisticsFeed(EntityManager em, Outbox outbox, ObjectMapper json, BureauPseudonyms pseudonyms) {
        this.em = em;
        this.outbox = outbox;
        this.json = json;
        this.projection = new BureauProjection(pseudonyms);
    }

    /** Takes the feed's lock until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, LOCK)
                .getSingleResult();
    }

    /**
     * Projects and publishes one source event.
     *
     * @return the bureau event, or empty when the bureau does not receive the type
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CloudEvent> accept(Received<JsonNode> source) {
        Optional<BureauProjection.Projected> projected = projection.project(source.type(), source.data());
        if (projected.isEmpty()) {
            return Optional.empty();
        }
        lock();
        String key = source.subject() != null ? source.subject() : source.id();
        CloudEvent event = outbox.publish(
                StatisticsEvents.TOPIC,
                key,
                projected.get().type(),
                projected.get().data());
        String envelope;
        try {
            envelope = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("insert into statistics_event (event_id, source_event_id, type, time, envelope)"
                        + " values (cast(?1 as uuid), ?2, ?3, ?4, cast(?5 as jsonb))")
                .setParameter(1, event.id())
                .setParameter(2, source.id())
                .setParameter(3, event.type())
                .setParameter(4, event.time())
                .setParameter(5, envelope)
                .executeUpdate();
        return Optional.of(event);
    }
}
