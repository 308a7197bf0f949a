package cn.gov.lvliang.renewal.platform.audit;

import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.time.SqlValues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * The service's own audit trail in table {@code audit_record}: append-only (a trigger refuses
 * updates and deletes), hash-chained ({@link AuditChain}), gap-free in {@code seq}.
 *
 * <p>An audited request's record is first written to {@code audit_pending} in the request's own
 * transaction ({@link #record}, no lock: appends do not serialise the writes); {@link
 * AuditChainer} numbers and chains committed pending rows about every second. {@link #find} shows
 * chained rows only; {@link #verify} re-hashes the records after the last verified checkpoint
 * ({@code audit_checkpoint}) and also reports how many are still pending; {@link
 * #verifyFromFirst} re-hashes the whole chain (the full verification job, {@link
 * AuditVerifications}; decision 0051).
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final int VERIFY_BATCH = 5000;
    private static final String COLUMNS =
            "seq, recorded_at, actor, roles, client, operation, resource, status, request_id, previous_hash, hash";

    private final EntityManager em;
    private final Clock clock;
    private final long maxRowsPerRequest;

    public AuditTrail(
            EntityManager em,
            Clock clock,
            @ConfigProperty(name = "suite.audit.verify-max-rows", defaultValue = "1000000") long maxRowsPerRequest) {
        this.em = em;
        this.clock = clock;
        this.maxRowsPerRequest = maxRowsPerRequest;
    }

    /** What happened, before it is numbered and chained. */
    public record Entry(
            String actor,
            String roles,
            String client,
            String operation,
            String resource,
            int status,
            String requestId) {}

    /**
     * The answer of {@code GET …/audit-records/verification}: the records after the checkpoint
     * re-hashed (decision 0051).
     *
     * @param intact whether every link checked holds (and the checkpoint's own record)
     * @param checked how many records this verification re-hashed
     * @param firstBrokenSeq the first record whose link is broken, or null
     * @param reason why it is broken, or null
     * @param pending records committed but not yet chained (not yet tamper-evident); the chainer
     *     takes them within about a second
     * @param fromSeq the first record this verification re-hashed: the one after the checkpoint
     * @param remaining chained records after the last one checked, left for the next request by
     *     the per-request bound (0 when it reached the end, or found a break)
     * @param checkpoint the checkpoint after this verification, or null before the first
     */
    public record Verification(
            boolean intact,
            long checked,
            Long firstBrokenSeq,
            String reason,
            long pending,

            @Schema(description = "The first record re-hashed by this verification: the one after the checkpoint")
            long fromSeq,

            @Schema(
                    description = "Chained records after the last one checked, left for the next request"
                            + " (at most suite.audit.verify-max-rows are re-hashed per request); 0 when it"
                            + " reached the end or found a break")
            long remaining,

            @Schema(description = "The last record a verification found intact, after this one; null before the first")
            AuditCheckpoint checkpoint) {}

    /**
     * A walk along the chain.
     *
     * @param checked records re-hashed
     * @param lastSeq the last record found intact (where the walk started, when none was)
     * @param lastHash its hash
     * @param brokenSeq the first broken record, or null
     * @param reason why it is broken, or null
     */
    public record Walk(long checked, long lastSeq, String lastHash, Long brokenSeq, String reason) {
        public boolean intact() {
            return brokenSeq == null;
        }
    }

    /**
     * Writes the record, unchained, in the caller's transaction: it commits with the audited write
     * or not at all. Takes no lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Entry entry) {
        insertPending(entry);
    }

    /**
     * Writes the record, unchained, in a short transaction of its own: for requests that commit on
     * their own ({@link OwnTransactions}), after they answered.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSeparately(Entry entry) {
        insertPending(entry);
    }

    private void insertPending(Entry entry) {
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("insert into audit_pending (recorded_at, actor, roles, client, operation, resource,"
                        + " status, request_id) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .setParameter(2, entry.actor())
                .setParameter(3, entry.roles())
                .setParameter(4, entry.client())
                .setParameter(5, entry.operation())
                .setParameter(6, entry.resource())
                .setParameter(7, entry.status())
                .setParameter(8, entry.requestId())
                .executeUpdate();
    }

    /** Records committed but not yet chained. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long pending() {
        return ((Number) em.createNativeQuery("select count(*) from audit_pending")
                        .getSingleResult())
                .longValue();
    }

    /**
     * Records filtered by actor (exact), operation (contains) and resource (prefix), newest first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditRecord> find(String actor, String operation, String resource, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> parameters = new ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            parameters.add(actor);
            where.append(" and actor = ?").append(parameters.size());
        }
        if (operation != null && !operation.isBlank()) {
            parameters.add("%" + like(operation) + "%");
            where.append(" and operation like ?").append(parameters.size()).append(" escape '\\'");
        }
        if (resource != null && !resource.isBlank()) {
            parameters.add(like(resource) + "%");
            where.append(" and resource like ?").append(parameters.size()).append(" escape '\\'");
        }
        Query count = em.createNativeQuery("select count(*) from audit_record" + where);
        Query rows = em.createNativeQuery("select " + COLUMNS + " from audit_record" + where
                + " order by seq desc limit " + size + " offset " + (long) page * size);
        for (int i = 0; i < parameters.size(); i++) {
            count.setParameter(i + 1, parameters.get(i));
            rows.setParameter(i + 1, parameters.get(i));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        return new Page<>(records(rows), total, page, size);
    }

    /**
     * Verifies the chain incrementally (decision 0051): re-checks the checkpoint's own record (it
     * must still carry the checkpoint's hash, and its content that hash), re-hashes at most {@code
     * suite.audit.verify-max-rows} records after it, and moves the checkpoint to the last one when
     * they hold. Without a checkpoint it starts at the first record. The records before the
     * checkpoint are not read again: a change to them is seen by a full verification ({@link
     * #verifyFromFirst}), unless it rewrote the whole chain consistently (decision 0051).
     *
     * @param verifiedBy which run this is, kept with the checkpoint it sets
     */
    public Verification verify(String verifiedBy) {
        Optional<AuditCheckpoint> checkpoint = checkpoint();
        long after = 0;
        String previous = AuditChain.GENESIS;
        if (checkpoint.isPresent()) {
            AuditCheckpoint at = checkpoint.get();
            Optional<String> broken = checkpointBroken(at);
            if (broken.isPresent()) {
                return new Verification(false, 0, at.seq(), broken.get(), pending(), at.seq(), 0, at);
            }
            after = at.seq();
            previous = at.hash();
        }
        Walk walk = walk(after, previous, maxRowsPerRequest, checked -> {});
        AuditCheckpoint now = checkpoint.orElse(null);
        if (walk.intact() && walk.checked() > 0) {
            now = advanceCheckpoint(walk, verifiedBy);
        }
        long remaining = walk.intact() ? Math.max(0, head() - walk.lastSeq()) : 0;
        return new Verification(
                walk.intact(), walk.checked(), walk.brokenSeq(), walk.reason(), pending(), after + 1, remaining, now);
    }

    /**
     * Verifies the whole chain from the first record, however long (the full verification job).
     * When it holds, the checkpoint moves to its last record; when it is broken, the checkpoint is
     * removed, so that the incremental verification starts again at the first record and reports
     * the break too.
     *
     * @param progress told the number of records checked so far, after every batch
     */
    public Walk verifyFromFirst(String verifiedBy, LongConsumer progress) {
        Walk walk = walk(0, AuditChain.GENESIS, Long.MAX_VALUE, progress);
        if (!walk.intact()) {
            QuarkusTransaction.requiringNew()
                    .run(() ->
                            em.createNativeQuery("delete from audit_checkpoint").executeUpdate());
            LOG.warnf(
                    "audit chain broken at seq %d (%s), found by %s; checkpoint removed",
                    walk.brokenSeq(), walk.reason(), verifiedBy);
        } else if (walk.checked() > 0) {
            advanceCheckpoint(walk, verifiedBy);
        }
        return walk;
    }

    /** The last chained seq (0 when the trail is empty); the trail is gap-free, so also its length. */
    public long head() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select coalesce(max(seq), 0) from audit_record")
                                .getSingleResult())
                        .longValue());
    }

    /** The last record a verification found intact, if any. */
    public Optional<AuditCheckpoint> checkpoint() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select seq, hash, verified_at, verified_by from audit_checkpoint")
                    .getResultList();
            return rows.stream()
                    .map(row -> (Object[]) row)
                    .map(r -> new AuditCheckpoint(
                            ((Number) r[0]).longValue(), (String) r[1], SqlValues.instant(r[2]), (String) r[3]))
                    .findFirst();
        });
    }

    /** Why the checkpoint's own record no longer matches it, or empty when it does. */
    private Optional<String> checkpointBroken(AuditCheckpoint checkpoint) {
        List<AuditRecord> rows = QuarkusTransaction.requiringNew()
                .call(() -> records(em.createNativeQuery("select " + COLUMNS + " from audit_record where seq = ?1")
                        .setParameter(1, checkpoint.seq())));
        if (rows.isEmpty()) {
            return Optional.of("the checkpoint's row is missing: rows were deleted after it was verified");
        }
        AuditRecord record = rows.get(0);
        if (!checkpoint.hash().equals(record.hash())) {
            return Optional.of("hash differs from the checkpoint's: the row was rewritten after it was verified");
        }
        if (!AuditChain.expectedHash(record.previousHash(), record).equals(record.hash())) {
            return Optional.of("content does not match its hash: the row was altered");
        }
        return Optional.empty();
    }

    /**
     * Sets the checkpoint to the walk's last record, unless another run already set it further;
     * logs it, so that the checkpoint is also kept outside the database. Returns the checkpoint.
     */
    private AuditCheckpoint advanceCheckpoint(Walk walk, String verifiedBy) {
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        int moved = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("insert into audit_checkpoint (id, seq, hash, verified_at,"
                                + " verified_by) values (true, ?1, ?2, ?3, ?4) on conflict (id) do update set"
                                + " seq = excluded.seq, hash = excluded.hash, verified_at = excluded.verified_at,"
                                + " verified_by = excluded.verified_by where audit_checkpoint.seq <= excluded.seq")
                        .setParameter(1, walk.lastSeq())
                        .setParameter(2, walk.lastHash())
                        .setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .setParameter(4, verifiedBy)
                        .executeUpdate());
        if (moved == 1) {
            LOG.infof("audit checkpoint seq %d hash %s (%s)", walk.lastSeq(), walk.lastHash(), verifiedBy);
        }
        return checkpoint().orElseThrow();
    }

    /**
     * Re-hashes the chain forward from a record known to hold ({@code afterSeq} with {@code
     * previousHash}; 0 and {@link AuditChain#GENESIS} for the start), up to {@code maxRows} records,
     * in batches, each read in a short transaction of its own, and stops at the first broken link.
     */
    private Walk walk(long afterSeq, String previousHash, long maxRows, LongConsumer progress) {
        long expectedSeq = afterSeq + 1;
        String previous = previousHash;
        long checked = 0;
        while (checked < maxRows) {
            int limit = (int) Math.min(VERIFY_BATCH, maxRows - checked);
            long from = expectedSeq;
            List<AuditRecord> batch = QuarkusTransaction.requiringNew()
                    .call(() -> records(em.createNativeQuery("select " + COLUMNS
                                    + " from audit_record where seq >= ?1 order by seq limit " + limit)
                            .setParameter(1, from)));
            for (AuditRecord record : batch) {
                if (record.seq() != expectedSeq) {
                    return new Walk(
                            checked,
                            expectedSeq - 1,
                            previous,
                            record.seq(),
                            "rows " + expectedSeq + " to " + (record.seq() - 1) + " are missing");
                }
                var broken = AuditChain.check(previous, record);
                if (broken.isPresent()) {
                    return new Walk(checked, expectedSeq - 1, previous, record.seq(), broken.get());
                }
                previous = record.hash();
                expectedSeq++;
                checked++;
            }
            progress.accept(checked);
            if (batch.size() < limit) {
                break;
            }
        }
        return new Walk(checked, expectedSeq - 1, previous, null, null);
    }

    private static List<AuditRecord> records(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<AuditRecord> records = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            records.add(new AuditRecord(
                    ((Number) row[0]).longValue(),
                    SqlValues.instant(row[1]),
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    (String) row[5],
                    (String) row[6],
                    ((Number) row[7]).intValue(),
                    (String) row[8],
                    (String) row[9],
                    (String) row[10]));
        }
        return records;
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
