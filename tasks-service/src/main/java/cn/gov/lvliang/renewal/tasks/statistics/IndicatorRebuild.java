package cn.gov.lvliang.renewal.tasks.statistics;

import cn.gov.lvliang.renewal.platform.events.CloudEvent;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorActuals;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Rebuilds every indicator value (指标重算) from the event history: deletes {@code
 * indicator_value} and replays {@code statistics_event} in commit order through {@link
 * IndicatorActuals}, the code the live consumer runs. Holds the feed's lock, so no event is applied
 * meanwhile; announces nothing.
 */
@ApplicationScoped
public class IndicatorRebuild {

    private static final int BATCH = 1000;

    private final EntityManager em;
    private final StatisticsFeed feed;
    private final IndicatorActuals actuals;
    private final ObjectMapper json;

    public IndicatorRebuild(EntityManager em, StatisticsFeed feed, IndicatorActuals actuals, ObjectMapper json) {
        this.em = em;
        this.feed = feed;
        this.actuals = actuals;
        this.json = json;
    }

    /** @return the number of events replayed */
    @Transactional
    public long rebuild() {
        feed.lock();
        em.createNativeQuery("delete from indicator_value").executeUpdate();
        long after = 0;
        long replayed = 0;
        while (true) {
            List<?> rows = em.createNativeQuery("select seq, cast(envelope as text) from statistics_event"
                            + " where seq > ?1 order by seq limit " + BATCH)
                    .setParameter(1, after)
                    .getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                after = ((Number) r[0]).longValue();
                actuals.apply(parse((String) r[1]), null, false);
                replayed++;
            }
            if (rows.size() < BATCH) {
                return replayed;
            }
        }
    }

    private CloudEvent parse(String envelope) {
        try {
            return json.readValue(envelope, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable history envelope", e);
        }
    }
}
