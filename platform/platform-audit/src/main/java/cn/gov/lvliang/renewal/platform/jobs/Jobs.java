package cn.gov.lvliang.renewal.platform.jobs;

import cn.gov.lvliang.renewal.platform.jobs.Job.State;
import cn.gov.lvliang.renewal.platform.time.SqlValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Long operations as jobs (异步任务, decision 0056), one table for every kind ({@code
 * platform_job}): {@link #request} queues a job of a kind, or answers the one of that kind already
 * queued or running (one at a time per kind); {@link #runQueued}, which each kind's scheduled
 * trigger calls on every instance, claims the oldest queued job of its kind with {@code for update
 * skip locked}, runs the kind's {@link JobWork} outside any transaction, keeps the progress it tells
 * (its heartbeat) and ends the job SUCCEEDED with the work's result as JSON, or FAILED with the
 * exception's class and message. A running job that has told nothing for {@link #STALE} (its
 * instance stopped) is failed by the next request or pass of its kind, so that a new one can run.
 */
@ApplicationScoped
public class Jobs {

    /** A running job silent this long is taken as dead. */
    public static final Duration STALE = Duration.ofMinutes(2);

    /** The longest error kept. */
    static final int ERROR_LENGTH = 500;

    private static final Logger LOG = Logger.getLogger(Jobs.class);
    private static final String COLUMNS = "id, kind, state, requested_by, requested_at, started_at, finished_at,"
            + " total, done, counted, result::text, error";
    private static final String ACTIVE = "state in ('QUEUED', 'RUNNING')";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile boolean stopping;

    public Jobs(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues a job of the kind, unless one is queued or running: then that one is the answer. Joins
     * the caller's transaction (an audited request's: the job and its audit record commit together).
     */
    @Transactional
    public Job request(String kind, String requestedBy) {
        failStale(kind);
        return insert(kind, requestedBy, null)
                .or(() -> select("where kind = ?1 and " + ACTIVE, kind).stream().findFirst())
                // the active one ended between the two statements
                .orElseGet(() -> select("where kind = ?1 order by requested_at desc limit 1", kind)
                        .get(0));
    }

    /**
     * Queues a job of the kind unless one was requested within {@code recent} (a scheduled request
     * that every replica makes: the first one queues it).
     */
    @Transactional
    public Optional<Job> requestUnlessRecent(String kind, String requestedBy, Duration recent) {
        failStale(kind);
        return insert(kind, requestedBy, recent);
    }

    @Transactional
    public Optional<Job> find(String kind, UUID id) {
        return select("where kind = ?1 and id = ?2", kind, id).stream().findFirst();
    }

    /** The latest jobs of the kind, newest first (at most 100). */
    @Transactional
    public List<Job> latest(String kind, int limit) {
        return select("where kind = ?1 order by requested_at desc limit " + Math.max(1, Math.min(limit, 100)), kind);
    }

    /** The result of a SUCCEEDED job, read back from its JSON; null when it has none. */
    public <T> T result(Job job, Class<T> type) {
        try {
            return job.result() == null ? null : json.readValue(job.result(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the result of job " + job.id() + " is unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * The runner's pass for one kind: claims its oldest queued job, if no other instance has, and runs
     * it to its end. Each kind's scheduled trigger calls it; tests call it when that trigger is off.
     *
     * @return whether this pass ran a job
     */
    public boolean runQueued(String kind, JobWork work) {
        try {
            if (!QuarkusTransaction.requiringNew().call(() -> anyActive(kind))) {
                return false; // the usual pass: one index lookup, nothing written
            }
            Optional<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> claim(kind));
            claimed.ifPresent(id -> run(kind, id, work));
            return claimed.isPresent();
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.debugf("%s runner pass ended by shutdown (%s)", kind, e);
                return false; // a job it claimed stays RUNNING until it is found silent and failed
            }
            throw e;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** What a FAILED job says: the exception's class and message, at most {@link #ERROR_LENGTH}. */
    static String failure(Exception e) {
        String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return why.length() > ERROR_LENGTH ? why.substring(0, ERROR_LENGTH) : why;
    }

    private Optional<Job> insert(String kind, String requestedBy, Duration unlessRequestedWithin) {
        String unless = unlessRequestedWithin == null
                ? ""
                : " where not exists (select 1 from platform_job where kind = ?1 and requested_at > ?5)";
        var insert = em.createNativeQuery("insert into platform_job (id, kind, state, requested_by, requested_at)"
                        + " select ?2, ?1, 'QUEUED', ?3, ?4" + unless + " on conflict do nothing returning id")
                .setParameter(1, kind)
                .setParameter(2, UUID.randomUUID())
                .setParameter(3, requestedBy)
                .setParameter(4, now());
        if (unlessRequestedWithin != null) {
            insert.setParameter(5, now().minus(unlessRequestedWithin));
        }
        List<?> ids = insert.getResultList();
        return ids.stream()
                .findFirst()
                .flatMap(id -> select("where id = ?1", id).stream().findFirst());
    }

    private boolean anyActive(String kind) {
        return (Boolean)
                em.createNativeQuery("select exists (select 1 from platform_job where kind = ?1 and " + ACTIVE + ")")
                        .setParameter(1, kind)
                        .getSingleResult();
    }

    private Optional<UUID> claim(String kind) {
        failStale(kind);
        List<?> ids = em.createNativeQuery("update platform_job set state = 'RUNNING', started_at = ?2,"
                        + " heartbeat_at = ?2 where id = (select id from platform_job where kind = ?1 and state = 'QUEUED'"
                        + " order by requested_at limit 1 for update skip locked) returning id")
                .setParameter(1, kind)
                .setParameter(2, now())
                .getResultList();
        return ids.stream().map(UUID.class::cast).findFirst();
    }

    private void run(String kind, UUID id, JobWork work) {
        try {
            Object result = work.run(id, new Progress(id));
            if (result == null) {
                inOwnTransaction("state = 'SUCCEEDED', finished_at = ?2", id, now());
            } else {
                inOwnTransaction(
                        "state = 'SUCCEEDED', finished_at = ?2, result = cast(?3 as jsonb)",
                        id,
                        now(),
                        json.writeValueAsString(result));
            }
            LOG.infof("%s %s succeeded", kind, id);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.errorf(e, "%s %s failed", kind, id);
            inOwnTransaction("state = 'FAILED', finished_at = ?2, error = ?3", id, now(), failure(e));
        }
    }

    /** Tells progress: how far, and that the job is alive. */
    private final class Progress implements JobProgress {
        private final UUID id;

        Progress(UUID id) {
            this.id = id;
        }

        @Override
        public void total(long total) {
            inOwnTransaction("total = ?2, heartbeat_at = ?3", id, total, now());
        }

        @Override
        public void done(long done) {
            inOwnTransaction("done = ?2, heartbeat_at = ?3", id, done, now());
        }

        @Override
        public void done(long done, long counted) {
            inOwnTransaction("done = ?2, counted = ?3, heartbeat_at = ?4", id, done, counted, now());
        }
    }

    /**
     * Updates the running job ({@code ?1} is its id) in a transaction of its own, seen at once. A job
     * already failed as silent stays failed: its instance was given up on.
     */
    private void inOwnTransaction(String set, UUID id, Object... values) {
        QuarkusTransaction.requiringNew().run(() -> {
            var update = em.createNativeQuery("update platform_job set " + set + " where id = ?1 and state = 'RUNNING'")
                    .setParameter(1, id);
            for (int i = 0; i < values.length; i++) {
                update.setParameter(i + 2, values[i]);
            }
            update.executeUpdate();
        });
    }

    private void failStale(String kind) {
        em.createNativeQuery("update platform_job set state = 'FAILED', finished_at = ?2,"
                        + " error = 'interrupted: no progress for " + STALE.toMinutes() + " minutes'"
                        + " where kind = ?1 and state = 'RUNNING' and heartbeat_at < ?3")
                .setParameter(1, kind)
                .setParameter(2, now())
                .setParameter(3, now().minus(STALE))
                .executeUpdate();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private List<Job> select(String where, Object... parameters) {
        var query = em.createNativeQuery("select " + COLUMNS + " from platform_job " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> view((Object[]) r)).toList();
    }

    private static Job view(Object[] r) {
        return new Job(
                (UUID) r[0],
                (String) r[1],
                State.valueOf((String) r[2]),
                (String) r[3],
                SqlValues.instant(r[4]),
                SqlValues.instant(r[5]),
                SqlValues.instant(r[6]),
                r[7] == null ? null : ((Number) r[7]).longValue(),
                ((Number) r[8]).longValue(),
                ((Number) r[9]).longValue(),
                (String) r[10],
                (String) r[11]);
    }
}
