package cn.gov.lvliang.renewal.platform.audit;

import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.time.SqlValues;
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

/**
 * The service's own audit trail in table {@code audit_record}: append-only (a trigger refuses
 * updates and deletes), hash-chained ({@link AuditChain}), gap-free in {@code seq}.
 *
 * <p>An audited request's record is first written to {@code audit_pending} in the request's own
 * transaction ({@link #record}, no lock: appends do not serialise the writes); {@link
 * AuditChainer} numbers and chains committed pending rows about every second. {@link #find} shows
 * chained rows only; {@link #verify} also reports how many are still pending.
 */
@ApplicationScoped
public class AuditTrail {

    private static final int VERIFY_BATCH = 1000;
    private static final String COLUMNS =
            "seq, recorded_at, actor, roles, client, operation, resource, status, request_id, previous_hash, hash";

    private final EntityManager em;
    private final Clock clock;

    public AuditTrail(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
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
     * The result of walking the chain.
     *
     * @param intact whether every link holds
     * @param checked how many rows were checked
     * @param firstBrokenSeq the first row whose link is broken, or null
     * @param reason why it is broken, or null
     * @param pending records committed but not yet chained (not yet tamper-evident); the chainer
     *     takes them within about a second
     */
    public record Verification(boolean intact, long checked, Long firstBrokenSeq, String reason, long pending) {}

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

    /** Walks the whole chain from the first row and reports the first broken link. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Verification verify() {
        String previous = AuditChain.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<AuditRecord> batch = records(em.createNativeQuery("select " + COLUMNS
                            + " from audit_record where seq >= ?1 order by seq limit " + VERIFY_BATCH)
                    .setParameter(1, expectedSeq));
            if (batch.isEmpty()) {
                return new Verification(true, checked, null, null, pending());
            }
            for (AuditRecord record : batch) {
                if (record.seq() != expectedSeq) {
                    return new Verification(
                            false,
                            checked,
                            record.seq(),
                            "rows " + expectedSeq + " to " + (record.seq() - 1) + " are missing",
                            pending());
                }
                var broken = AuditChain.check(previous, record);
                if (broken.isPresent()) {
                    return new Verification(false, checked, record.seq(), broken.get(), pending());
                }
                previous = record.hash();
                expectedSeq++;
                checked++;
            }
        }
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
