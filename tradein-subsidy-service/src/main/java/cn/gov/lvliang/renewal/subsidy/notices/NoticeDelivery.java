package cn.gov.lvliang.renewal.subsidy.notices;

import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Sends the queued notifications (decision 0027). A round takes what is due in its own committed
 * transaction (QUEUED and due, or SENDING whose lease ran out: an attempt that a killed process left
 * unfinished), marking it SENDING with a lease and counting the attempt; then sends each outside
 * any transaction; then records the attempt (SENT, or FAILED with the reason, retried with doubling
 * backoff up to {@code max-attempts}, then FAILED for good). Rows are taken with {@code for update
 * skip locked}, so several instances share the work without sending a row twice at once.
 *
 * <p>Metrics: {@code subsidy_notices_sent_total} and {@code subsidy_notices_failed_total} by {@code
 * channel} (failed: each failed attempt), {@code subsidy_notices_given_up_total} and the gauge {@code
 * subsidy_notices_queued} (not yet sent nor given up).
 */
@ApplicationScoped
public class NoticeDelivery {

    private static final Logger LOG = Logger.getLogger(NoticeDelivery.class);

    private final EntityManager em;
    private final PiiProtection pii;
    private final SmsGateway sms;
    private final EmailSender email;
    private final NoticesConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final AtomicLong queued = new AtomicLong();

    public NoticeDelivery(
            EntityManager em,
            PiiProtection pii,
            SmsGateway sms,
            EmailSender email,
            NoticesConfig config,
            MeterRegistry metrics,
            Clock clock) {
        this.em = em;
        this.pii = pii;
        this.sms = sms;
        this.email = email;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        metrics.gauge("subsidy_notices_queued", queued);
    }

    /** One notification taken for an attempt. */
    record Due(UUID id, Channel channel, String recipient, String subject, String body, int attempt) {}

    // `delayed` with its unit: the numeric `delay` counts in minutes by default, which kept every
    // notification of a freshly started instance waiting a minute (seen in CrossServiceFlowsIT)
    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${suite.notices.poll-interval}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void round() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.warnf("notification round failed: %s", e.toString());
        }
    }

    /** Sends everything due now; returns how many attempts were made. */
    public int deliverDue() {
        List<Due> due = QuarkusTransaction.requiringNew().call(this::take);
        for (Due notice : due) {
            attempt(notice);
        }
        queued.set(QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from notification where state in ('QUEUED', 'SENDING')")
                                .getSingleResult())
                        .longValue()));
        return due.size();
    }

    private List<Due> take() {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, channel, recipient_encrypted, subject, body, attempts"
                        + " from notification where (state = 'QUEUED' and next_attempt_at <= ?1)"
                        + " or (state = 'SENDING' and lease_until <= ?1)"
                        + " order by next_attempt_at limit ?2 for update skip locked")
                .setParameter(1, now)
                .setParameter(2, config.batchSize())
                .getResultList();
        List<Due> due = new ArrayList<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            int attempt = ((Number) row[5]).intValue() + 1;
            em.createNativeQuery("update notification set state = 'SENDING', attempts = ?1, lease_until = ?2"
                            + " where id = ?3")
                    .setParameter(1, attempt)
                    .setParameter(2, now.plus(config.lease()))
                    .setParameter(3, id)
                    .executeUpdate();
            due.add(new Due(
                    id,
                    Channel.valueOf((String) row[1]),
                    pii.decrypt((String) row[2], ClaimNotices.RECIPIENT),
                    (String) row[3],
                    (String) row[4],
                    attempt));
        }
        return due;
    }

    private void attempt(Due notice) {
        String failure = null;
        try {
            if (notice.channel() == Channel.SMS) {
                sms.send(notice.id(), notice.recipient(), notice.body());
            } else {
                email.send(notice.id(), notice.recipient(), notice.subject(), notice.body());
            }
        } catch (DeliveryFailed e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            failure = e.toString();
        }
        String reason = failure;
        QuarkusTransaction.requiringNew().run(() -> record(notice, reason));
    }

    private void record(Due notice, String failure) {
        Instant now = Instant.now(clock);
        em.createNativeQuery("insert into notification_attempt (notification_id, attempt, outcome, reason, at)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, notice.id())
                .setParameter(2, notice.attempt())
                .setParameter(3, failure == null ? "SENT" : "FAILED")
                .setParameter(4, failure)
                .setParameter(5, now)
                .executeUpdate();
        String channel = notice.channel().name();
        if (failure == null) {
            em.createNativeQuery("update notification set state = 'SENT', sent_at = ?1, lease_until = null,"
                            + " last_error = null where id = ?2")
                    .setParameter(1, now)
                    .setParameter(2, notice.id())
                    .executeUpdate();
            metrics.counter("subsidy_notices_sent", "channel", channel).increment();
            return;
        }
        metrics.counter("subsidy_notices_failed", "channel", channel).increment();
        boolean givingUp = notice.attempt() >= config.maxAttempts();
        em.createNativeQuery("update notification set state = ?1, next_attempt_at = ?2, lease_until = null,"
                        + " last_error = ?3 where id = ?4")
                .setParameter(1, givingUp ? "FAILED" : "QUEUED")
                .setParameter(2, now.plus(backoff(notice.attempt())))
                .setParameter(3, failure)
                .setParameter(4, notice.id())
                .executeUpdate();
        if (givingUp) {
            metrics.counter("subsidy_notices_given_up", "channel", channel).increment();
            LOG.warnf(
                    "notification %s (%s) failed %d times, last: %s", notice.id(), channel, notice.attempt(), failure);
        }
    }

    /** The wait after failed attempt {@code attempt}: initial × 2^(attempt-1), at most max-backoff. */
    Duration backoff(int attempt) {
        Duration wait = config.initialBackoff();
        for (int i = 1; i < attempt && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
