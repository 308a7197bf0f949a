package cn.gov.lvliang.renewal.tasks.statistics;

import cn.gov.lvliang.renewal.platform.events.CloudEvent;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorActuals;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorService;
import cn.gov.lvliang.renewal.tasks.indicators.IndicatorSums;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Rebuilds every indicator value (指标重算) from the event history: replays {@code
 * statistics_event} in commit order through {@link IndicatorActuals}, the code the live consumer
 * runs, into {@link IndicatorSums}, and replaces {@code indicator_value} with the sums.
 *
 * <p>The history is read in short transactions without the feed's lock, so that the live feed
 * keeps applying events meanwhile: the feed writes {@code statistics_event} under its lock, so
 * what is committed is always a prefix of the sequence. Only the last step takes the lock: it
 * replays what was committed since, and replaces the values, in one transaction. Announces nothing.
 */
@ApplicationScoped
public class IndicatorRebuild {

    private static final int BATCH = 5000;

    private final EntityManager em;
    private final StatisticsFeed feed;
    private final IndicatorActuals actuals;
    private final IndicatorService indicators;
    private final ObjectMapper json;

    public IndicatorRebuild(
            EntityManager em,
            StatisticsFeed feed,
            IndicatorActuals actuals,
            IndicatorService indicators,
            ObjectMapper json) {
        this.em = em;
        this.feed = feed;
        this.actuals = actuals;
        this.indicators = indicators;
        this.json = json;
    }

    /** The number of events a rebuild replays now (for its progress). */
    public long historySize() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from statistics_event")
                                .getSingleResult())
                        .longValue());
    }

    /**
     * @param progress told the number of events replayed so far, after each batch
     * @return the number of events replayed
     */
    public long rebuild(LongConsumer progress) {
        Replay replay = new Replay(progress);
        while (QuarkusTransaction.requiringNew().call(replay::nextBatch)) {
            // the history committed before, without holding the feed's lock
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            feed.lock();
            while (replay.nextBatch()) {
                // what the live feed committed meanwhile
            }
            indicators.replaceAll(replay.sums);
            return replay.replayed;
        });
    }

    /** Where a rebuild stands: the sums so far and the last event applied. */
    private final class Replay {
        final IndicatorSums sums = new IndicatorSums();
        final LongConsumer progress;
        long after;
        long replayed;

        Replay(LongConsumer progress) {
            this.progress = progress;
        }

        /** Applies the next batch of the history; false when it was the last. */
        boolean nextBatch() {
            List<?> rows = em.createNativeQuery("select seq, cast(envelope as text) from statistics_event"
                            + " where seq > ?1 order by seq limit " + BATCH)
                    .setParameter(1, after)
                    .getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                after = ((Number) r[0]).longValue();
                actuals.apply(parse((String) r[1]), sums);
                replayed++;
            }
            progress.accept(replayed);
            return rows.size() == BATCH;
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
