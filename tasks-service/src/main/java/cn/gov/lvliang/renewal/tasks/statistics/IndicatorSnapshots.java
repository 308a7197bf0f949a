package cn.gov.lvliang.renewal.tasks.statistics;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.tasks.messaging.IndicatorSnapshot;
import cn.gov.lvliang.renewal.tasks.messaging.StatisticsEvents;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Indicator snapshots (指标快照) on {@value StatisticsEvents#SNAPSHOT_TOPIC}: one event per
 * indicator, per county and month, plus the city total. Published once when a month closes (the
 * scheduled run on the 1st, or the manual trigger), and on demand at any time.
 */
@ApplicationScoped
public class IndicatorSnapshots {

    private static final Logger LOG = Logger.getLogger(IndicatorSnapshots.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final EntityManager em;
    private final Outbox outbox;
    private final IndicatorObservations observations;
    private final Clock clock;

    public IndicatorSnapshots(EntityManager em, Outbox outbox, IndicatorObservations observations, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.observations = observations;
        this.clock = clock;
    }

    /** What a publication wrote. */
    public record Published(UUID snapshotId, String period, boolean closing, int events) {}

    /** Publishes the month's snapshots now, whether or not it has closed. */
    @Transactional
    public Published publish(YearMonth period) {
        return write(UUID.randomUUID(), period, false);
    }

    /**
     * Closes a month: publishes its snapshots once. With several instances or a repeated trigger,
     * only the first call publishes.
     *
     * @return empty when the month was already closed
     */
    @Transactional
    public Optional<Published> close(YearMonth period) {
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("insert into indicator_month_close (period, snapshot_id, closed_at)"
                        + " values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, Date.valueOf(period.atDay(1)))
                .setParameter(2, id)
                .setParameter(3, Instant.now(clock))
                .executeUpdate();
        return inserted == 0 ? Optional.empty() : Optional.of(write(id, period, true));
    }

    /** The month that closed most recently, in Beijing time. */
    public YearMonth lastClosedMonth() {
        return YearMonth.now(clock.withZone(CHINA)).minusMonths(1);
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            cron = "{tasks.statistics.month-close-cron}",
            timeZone = "Asia/Shanghai",
            identity = "indicator-month-close",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        YearMonth month = lastClosedMonth();
        close(month)
                .ifPresentOrElse(
                        p -> LOG.infof("Closed %s: %d indicator snapshots published", month, p.events()),
                        () -> LOG.infof("%s was already closed", month));
    }

    private Published write(UUID id, YearMonth period, boolean closing) {
        int count = 0;
        for (Observation o : observations.observations(period, period, null)) {
            outbox.publish(
                    StatisticsEvents.SNAPSHOT_TOPIC,
                    o.indicator() + ":" + o.area() + ":" + period,
                    StatisticsEvents.INDICATOR_SNAPSHOT,
                    new IndicatorSnapshot(
                            id, o.indicator(), o.area(), period.toString(), o.value(), o.unit(), o.status(), closing));
            count++;
        }
        return new Published(id, period.toString(), closing, count);
    }
}
