package cn.gov.lvliang.renewal.subsidy.budget;

import cn.gov.lvliang.renewal.platform.jobs.Job;
import cn.gov.lvliang.renewal.platform.jobs.JobProgress;
import cn.gov.lvliang.renewal.platform.jobs.Jobs;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetReconciliation.Compared;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetViews.AccountReconciliation;
import cn.gov.lvliang.renewal.subsidy.budget.FullReconciliationJob.Result;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * 0050) of the platform's job runner ({@link Jobs}, decision 0056): {@link #request} queues one (or
 * answers the one already queued or running); a scheduled pass on every instance claims it and runs
 * it. The job reads the whole journal and the accounts in one read-only REPEATABLE READ transaction
 * (one snapshot, so balances and entries belong together), by ranges of {@link #CHUNK} entry ids,
 * telling its progress after each (the entry ids read through, of the last one, and the entries
 * read; also the job's heartbeat). Its result compares the stored balances and the checkpoint that
 * {@link BudgetReconciliation} reads with the sums of every entry: what finds a journal entry or a
 * checkpoint changed behind the service's back.
 */
@ApplicationScoped
public class FullReconciliations {

    /** The kind of job in {@code platform_job}. */
    static final String KIND = "budget-full-reconciliation";

    /** Entry ids summed per statement, between two progress reports. */
    static final long CHUNK = 1_000_000;

    private static final Logger LOG = Logger.getLogger(FullReconciliations.class);
    private static final String SUMS = "select account_id,"
            + " coalesce(sum(amount_fen) filter (where entry_type = 'ALLOCATE'), 0),"
            + " coalesce(sum(amount_fen) filter (where entry_type = 'RESERVE'), 0),"
            + " coalesce(sum(amount_fen) filter (where entry_type = 'POST'), 0),"
            + " coalesce(sum(amount_fen) filter (where entry_type = 'RELEASE'), 0), count(*)"
            + " from budget_journal where id > ? and id <= ? group by account_id";

    private final Jobs jobs;
    private final AgroalDataSource dataSource;

    public FullReconciliations(Jobs jobs, AgroalDataSource dataSource) {
        this.jobs = jobs;
        this.dataSource = dataSource;
    }

    /** Queues a full recomputation, unless one is queued or running: then that one is the answer. */
    public FullReconciliationJob request(String requestedBy) {
        return view(jobs.request(KIND, requestedBy));
    }

    public Optional<FullReconciliationJob> find(UUID id) {
        return jobs.find(KIND, id).map(this::view);
    }

    /** The latest jobs, newest first. */
    public List<FullReconciliationJob> latest(int limit) {
        return jobs.latest(KIND, limit).stream().map(this::view).toList();
    }

    /** Every night, once across replicas (one job requested within the hour is enough). */
    @Scheduled(
            identity = "budget-full-reconciliation-nightly",
            cron = "${suite.budget.full-reconciliation-cron}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void nightly() {
        jobs.requestUnlessRecent(KIND, "system:nightly", Duration.ofHours(1));
    }

    /** The runner: every instance looks for a queued job every few seconds; one takes it. */
    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "budget-full-reconciliation-runner",
            every = "${suite.budget.full-reconciliation-poll:3s}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runQueued() {
        jobs.runQueued(KIND, this::recompute);
    }

    /** Sums every entry by ranges of ids, then compares, all in one snapshot. */
    private Result recompute(UUID id, JobProgress progress) throws SQLException {
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
                progress.total(last);
                progress.done(first);
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
                        progress.done(to, entries);
                    }
                }
                Result result = compare(BudgetReconciliation.compared(c, false), sums, entries);
                LOG.infof(
                        "full budget reconciliation %s: %d entries, agrees %s, checkpoint agrees %s",
                        id, result.entries(), result.agrees(), result.checkpointAgrees());
                return result;
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

    private FullReconciliationJob view(Job job) {
        return FullReconciliationJob.of(job, jobs.result(job, Result.class));
    }
}
