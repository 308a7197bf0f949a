package cn.gov.lvliang.renewal.platform.audit;

import cn.gov.lvliang.renewal.platform.audit.AuditVerificationJob.State;
import cn.gov.lvliang.renewal.platform.time.SqlValues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Full verifications of the audit chain as jobs (审计链全量校验任务, decision 0051): {@link #request}
 * queues one (or answers the one already queued or running), and the runner, a scheduled pass on
 * every instance of the service, claims a queued job with {@code for update skip locked}, runs
 * {@link AuditTrail#verifyFromFirst} and records its progress after every batch (also its
 * heartbeat) and its result. A running job that has told no progress for {@link #STALE} (its
 * instance stopped) is marked failed, so that a new one can be requested. The shape is the
 * indicator rebuild's (decision 0047), for every service.
 */
@ApplicationScoped
public class AuditVerifications {

    /** A running job silent this long is taken as dead. */
    static final Duration STALE = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(AuditVerifications.class);
    private static final String COLUMNS = "id, state, requested_by, requested_at, started_at, finished_at, total,"
            + " checked, intact, first_broken_seq, reason, error";

    private final EntityManager em;
    private final AuditTrail trail;
    private final Clock clock;
    private volatile boolean stopping;

    public AuditVerifications(EntityManager em, AuditTrail trail, Clock clock) {
        this.em = em;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * Queues a full verification, unless one is queued or running: then that one is the answer (it
     * checks every record chained before it ends, so a second one would add nothing). Joins the
     * caller's transaction (the audited request's).
     */
    @Transactional
    public AuditVerificationJob request(String requestedBy) {
        failStale();
        em.createNativeQuery("insert into audit_verification (id, state, requested_by, requested_at)"
                        + " values (?1, 'QUEUED', ?2, ?3) on conflict do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, requestedBy)
                .setParameter(3, now())
                .executeUpdate();
        return select("where state in ('QUEUED', 'RUNNING')").get(0);
    }

    public Optional<AuditVerificationJob> find(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> select("where id = ?1", id).stream().findFirst());
    }

    @Scheduled(
            identity = "audit-verification-runner",
            every = "${suite.audit.verification-poll:3s}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runQueued();
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.debugf("Audit verification runner pass ended by shutdown (%s)", e);
                return; // a job it claimed stays RUNNING until it is found silent and failed
            }
            throw e;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * The runner's pass: claims the oldest queued job, if no other instance has, and runs it to its
     * end. Tests call it when the scheduled runner is off.
     *
     * @return whether this pass ran a job
     */
    public boolean runQueued() {
        if (!QuarkusTransaction.requiringNew().call(this::anyActive)) {
            return false; // the usual pass: one index lookup, nothing written
        }
        Optional<UUID> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        claimed.ifPresent(this::run);
        return claimed.isPresent();
    }

    private boolean anyActive() {
        return (Boolean) em.createNativeQuery(
                        "select exists (select 1 from audit_verification where state in ('QUEUED', 'RUNNING'))")
                .getSingleResult();
    }

    private Optional<UUID> claim() {
        failStale();
        List<?> ids = em.createNativeQuery("update audit_verification set state = 'RUNNING', started_at = ?1,"
                        + " heartbeat_at = ?1 where id = (select id from audit_verification where state = 'QUEUED'"
                        + " order by requested_at limit 1 for update skip locked) returning id")
                .setParameter(1, now())
                .getResultList();
        return ids.stream().map(id -> (UUID) id).findFirst();
    }

    private void run(UUID id) {
        try {
            update(id, "total = ?2", trail.head());
            AuditTrail.Walk walk =
                    trail.verifyFromFirst("full verification " + id, checked -> update(id, "checked = ?2", checked));
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("update audit_verification set state = 'FINISHED',"
                                    + " finished_at = ?2, checked = ?3, intact = ?4, first_broken_seq = ?5,"
                                    + " reason = ?6 where id = ?1")
                            .setParameter(1, id)
                            .setParameter(2, now())
                            .setParameter(3, walk.checked())
                            .setParameter(4, walk.intact())
                            .setParameter(5, walk.brokenSeq())
                            .setParameter(6, walk.reason())
                            .executeUpdate());
            LOG.infof(
                    "audit verification %s checked %d records: %s",
                    id, walk.checked(), walk.intact() ? "intact" : "broken at seq " + walk.brokenSeq());
        } catch (RuntimeException e) {
            LOG.errorf(e, "audit verification %s failed", id);
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            fail(id, why.length() > 500 ? why.substring(0, 500) : why);
        }
    }

    /** Tells progress (and that the job is alive) in its own transaction. */
    private void update(UUID id, String set, long value) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update audit_verification set " + set + ", heartbeat_at = ?3 where id = ?1")
                        .setParameter(1, id)
                        .setParameter(2, value)
                        .setParameter(3, now())
                        .executeUpdate());
    }

    private void fail(UUID id, String error) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update audit_verification set state = 'FAILED', finished_at = ?2,"
                                + " error = ?3 where id = ?1")
                        .setParameter(1, id)
                        .setParameter(2, now())
                        .setParameter(3, error)
                        .executeUpdate());
    }

    private void failStale() {
        em.createNativeQuery("update audit_verification set state = 'FAILED', finished_at = ?1,"
                        + " error = 'interrupted: no progress for " + STALE.toMinutes() + " minutes'"
                        + " where state = 'RUNNING' and heartbeat_at < ?2")
                .setParameter(1, now())
                .setParameter(2, now().minus(STALE))
                .executeUpdate();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    private List<AuditVerificationJob> select(String where, Object... parameters) {
        var query = em.createNativeQuery("select " + COLUMNS + " from audit_verification " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> view((Object[]) r)).toList();
    }

    private static AuditVerificationJob view(Object[] r) {
        State state = State.valueOf((String) r[1]);
        Long total = r[6] == null ? null : ((Number) r[6]).longValue();
        long checked = ((Number) r[7]).longValue();
        return new AuditVerificationJob(
                (UUID) r[0],
                state,
                (String) r[2],
                SqlValues.instant(r[3]),
                SqlValues.instant(r[4]),
                SqlValues.instant(r[5]),
                total,
                checked,
                AuditVerificationJob.percent(total, checked, state),
                (Boolean) r[8],
                r[9] == null ? null : ((Number) r[9]).longValue(),
                (String) r[10],
                (String) r[11]);
    }
}
