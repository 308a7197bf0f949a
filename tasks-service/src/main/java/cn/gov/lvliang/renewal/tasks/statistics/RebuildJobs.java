package cn.gov.lvliang.renewal.tasks.statistics;

import cn.gov.lvliang.renewal.tasks.statistics.RebuildJob.State;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Indicator rebuilds as jobs (指标重算任务): {@link #request} queues one (or answers the one already
 * queued or running), and the runner, a scheduled pass on every instance, claims a queued job with
 * {@code for update skip locked}, runs {@link IndicatorRebuild} and records its progress and
 * outcome. A running job that has told no progress for {@link #STALE} (its instance stopped) is
 * marked failed, so that a new one can be requested.
 */
@ApplicationScoped
public class RebuildJobs {

    /** A running job silent this long is taken as dead. */
    static final Duration STALE = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(RebuildJobs.class);
    private static final String COLUMNS =
            "id, state, requested_by, requested_at, started_at, finished_at," + " events_total, events_replayed, error";

    private final EntityManager em;
    private final IndicatorRebuild rebuild;
    private final Clock clock;

    public RebuildJobs(EntityManager em, IndicatorRebuild rebuild, Clock clock) {
        this.em = em;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    /**
     * Queues a rebuild, unless one is queued or running: then that one is the answer (it replays
     * every event committed before it ends, so a second one would add nothing).
     */
    public RebuildJob request(String requestedBy) {
        return QuarkusTransaction.requiringNew().call(() -> {
            failStale();
            em.createNativeQuery("insert into indicator_rebuild (id, state, requested_by, requested_at)"
                            + " values (?1, 'QUEUED', ?2, ?3) on conflict do nothing")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, requestedBy)
                    .setParameter(3, Instant.now(clock))
                    .executeUpdate();
            return select("where state in ('QUEUED', 'RUNNING')").get(0);
        });
    }

    public Optional<RebuildJob> find(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> select("where id = ?1", id).stream().findFirst());
    }

    /** The latest jobs, newest first. */
    public List<RebuildJob> latest(int limit) {
        return QuarkusTransaction.requiringNew()
                .call(() -> select("order by requested_at desc limit " + Math.max(1, Math.min(limit, 100))));
    }

    /** The runner: every instance looks for a queued job every few seconds; one takes it. */
    @Scheduled(
            identity = "indicator-rebuild-runner",
            every = "${renewal.statistics.rebuild-poll:3s}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runQueued() {
        if (!QuarkusTransaction.requiringNew().call(this::anyActive)) {
            return; // the usual pass: nothing queued or running, nothing written
        }
        Optional<UUID> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        claimed.ifPresent(this::run);
    }

    private boolean anyActive() {
        return (Boolean) em.createNativeQuery(
                        "select exists (select 1 from indicator_rebuild where state in ('QUEUED', 'RUNNING'))")
                .getSingleResult();
    }

    private Optional<UUID> claim() {
        failStale();
        List<?> ids = em.createNativeQuery("update indicator_rebuild set state = 'RUNNING', started_at = ?1,"
                        + " heartbeat_at = ?1 where id = (select id from indicator_rebuild where state = 'QUEUED'"
                        + " order by requested_at limit 1 for update skip locked) returning id")
                .setParameter(1, Instant.now(clock))
                .getResultList();
        return ids.stream().map(id -> (UUID) id).findFirst();
    }

    private void run(UUID id) {
        try {
            long total = rebuild.historySize();
            update(id, "events_total = ?2", total);
            long replayed = rebuild.rebuild(n -> update(id, "events_replayed = ?2", n));
            finish(id, State.SUCCEEDED, replayed, null);
            LOG.infof("indicator rebuild %s replayed %d events", id, replayed);
        } catch (RuntimeException e) {
            LOG.errorf(e, "indicator rebuild %s failed", id);
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            finish(id, State.FAILED, null, why.length() > 500 ? why.substring(0, 500) : why);
        }
    }

    /** Tells progress (and that the job is alive) in its own transaction. */
    private void update(UUID id, String set, long value) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update indicator_rebuild set " + set + ", heartbeat_at = ?3" + " where id = ?1")
                        .setParameter(1, id)
                        .setParameter(2, value)
                        .setParameter(3, Instant.now(clock))
                        .executeUpdate());
    }

    private void finish(UUID id, State state, Long replayed, String error) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update indicator_rebuild set state = ?2, finished_at = ?3,"
                                + " events_replayed = coalesce(?4, events_replayed), error = ?5 where id = ?1")
                        .setParameter(1, id)
                        .setParameter(2, state.name())
                        .setParameter(3, Instant.now(clock))
                        .setParameter(4, replayed)
                        .setParameter(5, error)
                        .executeUpdate());
    }

    private void failStale() {
        em.createNativeQuery("update indicator_rebuild set state = 'FAILED', finished_at = ?1,"
                        + " error = 'interrupted: no progress for " + STALE.toMinutes() + " minutes'"
                        + " where state = 'RUNNING' and heartbeat_at < ?2")
                .setParameter(1, Instant.now(clock))
                .setParameter(2, Instant.now(clock).minus(STALE))
                .executeUpdate();
    }

    private List<RebuildJob> select(String where, Object... parameters) {
        var query = em.createNativeQuery("select " + COLUMNS + " from indicator_rebuild " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> view((Object[]) r)).toList();
    }

    private static RebuildJob view(Object[] r) {
        State state = State.valueOf((String) r[1]);
        Long total = r[6] == null ? null : ((Number) r[6]).longValue();
        long replayed = ((Number) r[7]).longValue();
        return new RebuildJob(
                (UUID) r[0],
                state,
                (String) r[2],
                instant(r[3]),
                instant(r[4]),
                instant(r[5]),
                total,
                replayed,
                RebuildJob.percent(total, replayed, state),
                (String) r[8]);
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }
}
