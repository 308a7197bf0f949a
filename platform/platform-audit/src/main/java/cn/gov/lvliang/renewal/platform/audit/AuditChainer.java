package cn.gov.lvliang.renewal.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves committed {@code audit_pending} rows into the hash chain of {@code audit_record}: in id
 * order, numbered gap-free after the last chained row, each linked to the one before ({@link
 * AuditChain}), and deleted from {@code audit_pending}, all in one transaction under a
 * transaction-scoped PostgreSQL advisory lock, so that one chainer at a time runs across the
 * service's instances and a row is either pending or chained, never both or neither.
 *
 * <p>Runs every {@code suite.audit.chain-interval} (default 1 s; {@code off} disables it on an
 * instance). Tests call {@link #chainAll()} to chain deterministically. Metric: {@code
 * audit_pending} (rows waiting as of the last pass).
 */
@ApplicationScoped
public class AuditChainer {

    private static final Logger LOG = Logger.getLogger(AuditChainer.class);
    /** Elects the chainer; the same key the appends were serialised with before decision 0011. */
    public static final long CHAIN_LOCK = 0x4155444954L;

    private static final String PENDING_COLUMNS =
            "id, recorded_at, actor, roles, client, operation, resource, status, request_id";

    private final AgroalDataSource dataSource;
    private final int batchSize;
    private final AtomicLong pending = new AtomicLong();

    public AuditChainer(
            AgroalDataSource dataSource,
            @ConfigProperty(name = "suite.audit.chain-batch-size", defaultValue = "1000") int batchSize,
            MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
        Gauge.builder("audit.pending", pending, AtomicLong::get)
                .description("Audit records committed but not yet hash-chained")
                .register(metrics);
    }

    private volatile boolean stopping;

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "audit-chainer",
            every = "${suite.audit.chain-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            chainPending();
        } catch (SQLException | RuntimeException e) {
            if (stopping) {
                // the pool and its executor are closing under the last pass; the next start chains the rows
                LOG.debugf("Audit chainer pass ended by shutdown (%s)", rootMessage(e));
                return;
            }
            LOG.warnf("Audit chainer failed (%s); the rows stay pending for the next pass", rootMessage(e));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Chains every committed pending row, unless another instance is chaining (then it returns at
     * once: that instance takes them).
     *
     * @return how many rows were chained
     */
    public int chainPending() throws SQLException {
        return chain(false);
    }

    /**
     * Chains every row committed so far, waiting for the lock if another chainer holds it. For
     * tests and maintenance; must not be called inside a transaction.
     *
     * @return how many rows were chained
     */
    public int chainAll() {
        try {
            return chain(true);
        } catch (SQLException e) {
            throw new IllegalStateException("audit chaining failed", e);
        }
    }

    private int chain(boolean wait) throws SQLException {
        int total = 0;
        while (true) {
            int chained = chainBatch(wait);
            if (chained < 0) {
                return total; // another instance holds the lock
            }
            total += chained;
            if (chained < batchSize) {
                return total;
            }
        }
    }

    /** One transaction: up to a batch of pending rows chained. Returns -1 when the lock is taken. */
    private int chainBatch(boolean wait) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!lock(c, wait)) {
                    c.rollback();
                    return -1;
                }
                List<Pending> batch = pendingRows(c);
                if (!batch.isEmpty()) {
                    append(c, batch);
                }
                pending.set(count(c));
                c.commit();
                return batch.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean lock(Connection c, boolean wait) throws SQLException {
        String sql = wait
                ? "select cast(pg_advisory_xact_lock(?) as text), true"
                : "select null, pg_try_advisory_xact_lock(?)";
        try (PreparedStatement lock = c.prepareStatement(sql)) {
            lock.setLong(1, CHAIN_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(2);
            }
        }
    }

    private record Pending(long id, AuditRecord draft) {}

    private List<Pending> pendingRows(Connection c) throws SQLException {
        List<Pending> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "select " + PENDING_COLUMNS + " from audit_pending order by id limit " + batchSize)) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
                    rows.add(new Pending(
                            rs.getLong(1),
                            new AuditRecord(
                                    0,
                                    at,
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getInt(8),
                                    rs.getString(9),
                                    null,
                                    null)));
                }
            }
        }
        return rows;
    }

    private static void append(Connection c, List<Pending> batch) throws SQLException {
        long seq = 0;
        String previous = AuditChain.GENESIS;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select seq, hash from audit_record order by seq desc limit 1")) {
            if (rs.next()) {
                seq = rs.getLong(1);
                previous = rs.getString(2);
            }
        }
        Long[] ids = new Long[batch.size()];
        try (PreparedStatement insert = c.prepareStatement("insert into audit_record (seq, recorded_at, actor, roles,"
                + " client, operation, resource, status, request_id, previous_hash, hash)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < batch.size(); i++) {
                AuditRecord d = batch.get(i).draft();
                seq++;
                AuditRecord numbered = new AuditRecord(
                        seq,
                        d.recordedAt(),
                        d.actor(),
                        d.roles(),
                        d.client(),
                        d.operation(),
                        d.resource(),
                        d.status(),
                        d.requestId(),
                        previous,
                        null);
                String hash = AuditChain.expectedHash(previous, numbered);
                insert.setLong(1, seq);
                insert.setObject(2, OffsetDateTime.ofInstant(d.recordedAt(), ZoneOffset.UTC));
                insert.setString(3, d.actor());
                insert.setString(4, d.roles());
                insert.setString(5, d.client());
                insert.setString(6, d.operation());
                insert.setString(7, d.resource());
                insert.setInt(8, d.status());
                insert.setString(9, d.requestId());
                insert.setString(10, previous);
                insert.setString(11, hash);
                insert.addBatch();
                previous = hash;
                ids[i] = batch.get(i).id();
            }
            insert.executeBatch();
        }
        try (PreparedStatement delete = c.prepareStatement("delete from audit_pending where id = any(?)")) {
            delete.setArray(1, c.createArrayOf("bigint", ids));
            int deleted = delete.executeUpdate();
            if (deleted != ids.length) {
                throw new IllegalStateException(
                        "audit chainer: " + deleted + " of " + ids.length + " pending rows deleted; rolled back");
            }
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from audit_pending")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
