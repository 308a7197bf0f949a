package cn.gov.lvliang.renewal.platform.events;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, in id order, and marks them sent.
 *
 * <ul>
 *   <li><b>Order.</b> One relay publishes at a time across all instances of a service (a
 *       transaction-scoped PostgreSQL advisory lock), in outbox id order, with the aggregate id as
 *       record key; so events of one aggregate reach their partition in commit order.
 *   <li><b>At least once.</b> A row is marked sent only after Kafka acknowledged it. If any
 *       record of a batch fails, no row of that batch is marked and the batch is sent again:
 *       consumers deduplicate by event id.
 *   <li><b>Broker outage.</b> Writes keep committing to the outbox; the relay backs off
 *       exponentially up to {@code suite.events.relay.max-backoff} and drains the backlog when the
 *       broker is back.
 *   <li><b>Trace.</b> Each record carries the trace context stored in its row's envelope, also as
 *       the {@code traceparent} header ({@link EventTracing}).
 *   <li><b>Metrics.</b> {@code outbox_backlog} (unsent rows), {@code outbox_published_total},
 *       {@code outbox_publish_failures_total}.
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed key of the advisory lock that elects the publishing relay. */
    private static final long RELAY_LOCK_KEY = 0x0B0E_7E1A_7L;
    /** How often a busy relay refreshes {@code outbox_backlog}. */
    private static final Duration BACKLOG_COUNT_INTERVAL = Duration.ofSeconds(1);

    private final AgroalDataSource dataSource;
    private final EventProducer producer;
    private final EventsConfig.Relay config;
    private final Semaphore wakeups = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;
    private Instant nextCleanup = Instant.EPOCH;
    private Instant nextBacklogCount = Instant.EPOCH;

    public OutboxRelay(
            AgroalDataSource dataSource, EventProducer producer, EventsConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.config = config.relay();
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows committed but not yet acknowledged by Kafka")
                .register(metrics);
        this.published = Counter.builder("outbox.published")
                .description("Outbox rows published to Kafka")
                .register(metrics);
        this.failures = Counter.builder("outbox.publish.failures")
                .description("Relay batches that failed and will be retried")
                .register(metrics);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Outbox relay disabled (suite.events.relay.enabled=false)");
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called after a transaction that wrote outbox rows commits. */
    public void wakeUp() {
        wakeups.release();
    }

    /** Unsent rows as of the relay's last pass. */
    public long backlog() {
        return backlog.get();
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                int sent = drainOnce();
                backoff = Duration.ZERO;
                if (sent >= config.batchSize()) {
                    continue; // more is waiting
                }
                await(config.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.increment();
                backoff = nextBackoff(backoff);
                LOG.warnf("Outbox relay failed (%s); retrying in %d ms", rootMessage(e), backoff.toMillis());
                try {
                    refreshBacklog();
                    sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception ignored) {
                    // the database may be the thing that is down; the next pass will tell
                }
            }
        }
    }

    /** One pass: publishes up to a batch of unsent rows. Returns how many were sent. */
    int drainOnce() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int sent = publishBatch(c);
                c.commit();
                if (sent > 0) {
                    published.increment(sent);
                }
                countUnsentNowAndThen(c);
                c.commit();
                cleanupSentRows(c);
                return sent;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection c) throws Exception {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0; // another instance is publishing
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select =
                c.prepareStatement("select id, event_id, topic, aggregate_id, type, envelope::text,"
                        + " envelope->>'traceparent', envelope->>'tracestate' from outbox_event"
                        + " where sent_at is null order by id limit ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ProducerRecord<String, String> record =
                            new ProducerRecord<>(rs.getString(3), rs.getString(4), rs.getString(6));
                    record.headers().add("ce_id", rs.getString(2).getBytes(StandardCharsets.UTF_8));
                    record.headers().add("ce_type", rs.getString(5).getBytes(StandardCharsets.UTF_8));
                    record.headers()
                            .add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                    // The trace of the action that wrote the row, for tools that read headers only.
                    addHeaderIfPresent(record, "traceparent", rs.getString(7));
                    addHeaderIfPresent(record, "tracestate", rs.getString(8));
                    ids.add(rs.getLong(1));
                    acks.add(producer.producer().send(record));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer.producer().flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            recordFailure(ids, e);
            throw e;
        }
        try (PreparedStatement mark = c.prepareStatement(
                "update outbox_event set sent_at = now(), attempts = attempts + 1 where id = any(?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            mark.setArray(1, array);
            mark.executeUpdate();
        }
        return ids.size();
    }

    private static void addHeaderIfPresent(ProducerRecord<String, String> record, String key, String value) {
        if (value != null) {
            record.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Notes the failure on the rows, in its own transaction, for operators. */
    private void recordFailure(List<Long> ids, Exception e) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement note = c.prepareStatement(
                        "update outbox_event set attempts = attempts + 1, last_error = ? where id = any(?)")) {
            c.setAutoCommit(true);
            note.setString(1, truncate(rootMessage(e), 500));
            note.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            note.executeUpdate();
        } catch (SQLException ignored) {
            // best effort only
        }
    }

    /**
     * Refreshes the backlog figure after a pass, at most once a second. Counting unsent rows scans
     * them; during a bulk import (100,000 events) counting after every pass took 83 ms each time and
     * half the database's time, and under a steady stream of single writes (a pass per commit)
     * the count and its commit were two of the pass's six round trips to the database.
     */
    private void countUnsentNowAndThen(Connection c) throws SQLException {
        Instant now = Instant.now();
        if (!now.isBefore(nextBacklogCount)) {
            backlog.set(countUnsent(c));
            nextBacklogCount = now.plus(BACKLOG_COUNT_INTERVAL);
        }
    }

    private long countUnsent(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from outbox_event where sent_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void refreshBacklog() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            backlog.set(countUnsent(c));
        }
    }

    private void cleanupSentRows(Connection c) throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(Duration.ofHours(1));
        try (PreparedStatement delete =
                c.prepareStatement("delete from outbox_event where sent_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, config.retention().toSeconds());
            int deleted = delete.executeUpdate();
            c.commit();
            if (deleted > 0) {
                LOG.infof("Deleted %d outbox rows sent more than %s ago", deleted, config.retention());
            }
        }
    }

    private Duration nextBackoff(Duration previous) {
        Duration next = previous.isZero() ? Duration.ofMillis(200) : previous.multipliedBy(2);
        return next.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : next;
    }

    private void await(Duration timeout) throws InterruptedException {
        if (wakeups.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            wakeups.drainPermits(); // one pass serves every wake-up so far
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
