package cn.gov.lvliang.renewal.subsidy.budget;

import cn.gov.lvliang.renewal.subsidy.budget.BudgetReconciliation.Compared;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetViews.AccountReconciliation;
import cn.gov.lvliang.renewal.subsidy.budget.FullReconciliationJob.Result;
import cn.gov.lvliang.renewal.subsidy.budget.FullReconciliationJob.State;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The full recomputation of the budget from the first journal entry, as a job (预算全量对账, decision
 * 0050): {@link #request} queues one (or answers the one already queued or running); a scheduled
 * pass on every instance claims a queued job with {@code for update skip locked} and runs it. The
 * job reads the whole journal and the accounts in one read-only REPEATABLE READ transaction (one
 * snapshot, so balances and entries belong together), by ranges of {@link #CHUNK} entry ids,
 * reporting progress after each in its own statement (also the job's heartbeat: a running job silent
 * for {@link #STALE} is marked failed). Its result compares the stored balances and the checkpoint
 * that {@link BudgetReconciliation} reads with the sums of every entry: what finds a journal entry
 * or a checkpoint changed behind the service's back.
 */
@ApplicationScoped
public class FullReconciliations {

    /** A running job silent this long is taken as dead. */
    static final Duration STALE = Duration.ofMinutes(2);

    /** Entry ids summed per statement, between two progress reports. */
    static final long CHUNK = 1_000_000;

    private static final Logger LOG = Logger.getLogger(FullReconciliations.class);
    private static final String COLUMNS = "id, state, requested_by, requested_at, started_at, finished_at,"
            + " last_entry_id, read_through_id, entries_read, result::text, error";
    private static final String SUMS = "select account_id,"
            + " coalesce(sum(amount_fen) filter (where entry_type = 'ALLOCATE'), 0),"
            + " coalesce(sum(amount_fen) filter (where entry_type = 'RESERVE'), 0),"
            + " coalesce(sum(amount_fen) filter (where entry_type = 'POST'), 0),"
            + " coalesce(sum(amount_fen) filter (where entry_type = 'RELEASE'), 0), count(*)"
            + " from budget_journal where id > ? and id <= ? group by account_id";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public FullReconciliations(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Queues a full recomputation, unless one is queued or running: then that one is the answer. */
    public FullReconciliationJob request(String requestedBy) {
        failStale();
        return queue(requestedBy, "")
                .or(() ->
                        select("where state in ('QUEUED', 'RUNNING')").stream().findFirst())
                .orElseGet(() -> latest(1).get(0));
    }

    public Optional<FullReconciliationJob> find(UUID id) {
        return select("where id = ?", id).stream().findFirst();
    }

    /** The latest jobs, newest first. */
    public List<FullReconciliationJob> latest(int limit) {
        return select("order by requested_at desc limit " + Math.max(1, Math.min(limit, 100)));
    }

    /** Every night, once across replicas (one job requested within the hour is enough). */
    @Scheduled(identity = "budget-full-reconciliation-nightly", cron = "${suite.budget.full-reconciliation-cron}")
    void nightly() {
        failStale();
        queue(
                "system:nightly",
                " where not exists (select 1 from budget_full_reconciliation"
                        + " where requested_at > now() - interval '1 hour')");
    }

    /** The runner: every instance looks for a queued job every few seconds; one takes it. */
    @Scheduled(
            identity = "budget-full-reconciliation-runner",
            every = "${suite.budget.full-reconciliation-poll:3s}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runQueued() {
        if (select("where state in ('QUEUED', 'RUNNING') limit 1").isEmpty()) {
            return; // the usual pass: nothing queued or running, nothing written
        }
        failStale();
        List<Object> claimed = column(
                "update budget_full_reconciliation set state = 'RUNNING', started_at = now(), heartbeat_at = now()"
                        + " where id = (select id from budget_full_reconciliation where state = 'QUEUED'"
                        + " order by requested_at limit 1 for update skip locked) returning id");
        claimed.stream().map(UUID.class::cast).findFirst().ifPresent(this::run);
    }

    private void run(UUID id) {
        try {
            Result result = recompute(id);
            update(
                    "update budget_full_reconciliation set state = 'SUCCEEDED', finished_at = now(),"
                            + " result = ?::jsonb where id = ?",
                    json.writeValueAsString(result),
                    id);
            LOG.infof(
                    "full budget reconciliation %s: %d entries, agrees %s, checkpoint agrees %s",
                    id, result.entries(), result.agrees(), result.checkpointAgrees());
        } catch (SQLException | JsonProcessingException | RuntimeException e) {
            LOG.errorf(e, "full budget reconciliation %s failed", id);
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            update(
                    "update budget_full_reconciliation set state = 'FAILED', finished_at = now(), error = ?"
                            + " where id = ?",
                    why.length() > 500 ? why.substring(0, 500) : why,
                    id);
        }
    }

    /** Sums every entry by ranges of ids, then compares, all in one snapshot. */
    private Result recompute(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s =
                        c.prepareStatement("set transaction isolation level repeatable read, read only")) {
                    s.execute();
                }
                long first;
                long last;
                try (PreparedStatement s = c.prepareStatement(
                                "select coalesce(min(id) - 1, 0), coalesce(max(id), 0) from budget_journal");
                        ResultSet rs = s.executeQuery()) {
                    rs.next();
                    first = rs.getLong(1);
                    last = rs.getLong(2);
                }
                update(
                        "update budget_full_reconciliation set last_entry_id = ?, read_through_id = ?,"
                                + " heartbeat_at = now() where id = ?",
                        last,
                        first,
                        id);
                Map<Long, long[]> sums = new HashMap<>();
                long entries = 0;
                try (PreparedStatement s = c.prepareStatement(SUMS)) {
                    for (long from = first; from < last; from += CHUNK) {
                        long to = Math.min(from + CHUNK, last);
                        s.setLong(1, from);
                        s.setLong(2, to);
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                long[] sum = sums.computeIfAbsent(rs.getLong(1), k -> new long[4]);
                                for (int i = 0; i < sum.length; i++) {
                                    sum[i] += rs.getLong(i + 2);
                                }
                                entries += rs.getLong(6);
                            }
                        }
                        update(
                                "update budget_full_reconciliation set read_through_id = ?, entries_read = ?,"
                                        + " heartbeat_at = now() where id = ?",
                                to,
                                entries,
                                id);
                    }
                }
                return compare(BudgetReconciliation.compared(c, false), sums, entries);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    /** The accounts (stored and checkpointed balances) against the sums of all their entries. */
    static Result compare(List<Compared> accounts, Map<Long, long[]> sums, long entries) {
        List<AccountReconciliation> mismatches = new ArrayList<>();
        List<Long> checkpointMismatches = new ArrayList<>();
        for (Compared a : accounts) {
            long[] sum = sums.getOrDefault(a.account().id(), new long[4]);
            long allocated = sum[0];
            long reserved = sum[1] - sum[2] - sum[3];
            long posted = sum[2];
            if (!a.agrees(allocated, reserved, posted)) {
                mismatches.add(a.mismatch(allocated, reserved, posted));
            }
            if (a.journalAllocatedFen() != allocated
                    || a.journalReservedFen() != reserved
                    || a.journalPostedFen() != posted) {
                checkpointMismatches.add(a.account().id());
            }
        }
        return new Result(
                mismatches.isEmpty(),
                accounts.size(),
                entries,
                mismatches,
                checkpointMismatches.isEmpty(),
                checkpointMismatches);
    }

    private Optional<FullReconciliationJob> queue(String requestedBy, String condition) {
        return column(
                        "insert into budget_full_reconciliation (id, state, requested_by, requested_at)"
                                + " select ?, 'QUEUED', ?, now()" + condition + " on conflict do nothing returning id",
                        UUID.randomUUID(),
                        requestedBy)
                .stream()
                .findFirst()
                .flatMap(id -> find((UUID) id));
    }

    private void failStale() {
        update("update budget_full_reconciliation set state = 'FAILED', finished_at = now(),"
                + " error = 'interrupted: no progress for " + STALE.toMinutes() + " minutes'"
                + " where state = 'RUNNING' and heartbeat_at < now() - interval '" + STALE.toSeconds()
                + " seconds'");
    }

    private List<FullReconciliationJob> select(String where, Object... parameters) {
        List<FullReconciliationJob> jobs = new ArrayList<>();
        query("select " + COLUMNS + " from budget_full_reconciliation " + where, parameters, rs -> {
            jobs.add(view(rs));
        });
        return jobs;
    }

    private List<Object> column(String sql, Object... parameters) {
        List<Object> values = new ArrayList<>();
        query(sql, parameters, rs -> values.add(rs.getObject(1)));
        return values;
    }

    private void update(String sql, Object... parameters) {
        query(sql, parameters, null);
    }

    private interface Rows {
        void each(ResultSet rs) throws SQLException;
    }

    /** One statement on its own connection (auto-commit). */
    private void query(String sql, Object[] parameters, Rows rows) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            if (rows == null) {
                s.executeUpdate();
                return;
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.each(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("full budget reconciliation: " + e.getMessage(), e);
        }
    }

    private FullReconciliationJob view(ResultSet rs) throws SQLException {
        State state = State.valueOf(rs.getString(2));
        Long last = (Long) rs.getObject(7);
        long readThrough = rs.getLong(8);
        String result = rs.getString(10);
        try {
            return new FullReconciliationJob(
                    (UUID) rs.getObject(1),
                    state,
                    rs.getString(3),
                    instant(rs.getTimestamp(4)),
                    instant(rs.getTimestamp(5)),
                    instant(rs.getTimestamp(6)),
                    last,
                    readThrough,
                    rs.getLong(9),
                    FullReconciliationJob.percent(last, readThrough, state),
                    result == null ? null : json.readValue(result, Result.class),
                    rs.getString(11));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("full budget reconciliation result unreadable: " + e.getMessage(), e);
        }
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
