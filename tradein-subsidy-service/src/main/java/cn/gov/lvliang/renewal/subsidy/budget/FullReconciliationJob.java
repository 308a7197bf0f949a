package cn.gov.lvliang.renewal.subsidy.budget;

import cn.gov.lvliang.renewal.platform.jobs.Job;
import cn.gov.lvliang.renewal.platform.jobs.Job.State;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetViews.AccountReconciliation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A full recomputation of the budget from the first journal entry (预算全量对账) and how far it is.
 *
 * @param lastEntryId the journal's highest entry id in the job's snapshot (null while queued)
 * @param readThroughId the job has summed the entries up to this id
 * @param percent readThroughId of lastEntryId, 0–100 (null while queued)
 */
@Schema(name = "FullBudgetReconciliationJob", description = "预算全量对账任务 / full recomputation of the budget")
public record FullReconciliationJob(
        UUID id,
        State state,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        Long lastEntryId,
        long readThroughId,
        long entriesRead,
        Integer percent,

        @Schema(description = "The outcome (SUCCEEDED only)")
        Result result,

        @Schema(description = "Why it failed (FAILED only)") String error) {

    /**
     * What the whole journal says, in one snapshot.
     *
     * @param agrees every account's stored balances equal the sums of all its entries
     * @param accounts the accounts compared
     * @param entries the journal entries read
     * @param mismatches the accounts whose stored balances differ from all their entries
     * @param checkpointAgrees the checkpointed sums plus the entries since (what {@code GET
     *     …/reconciliation} and the gauges read) equal the sums of all entries, for every account
     * @param checkpointMismatches the ids of the accounts for which they do not
     */
    @Schema(name = "FullBudgetReconciliation", description = "全量对账结果 / the journal read from its first entry")
    public record Result(
            boolean agrees,
            int accounts,
            long entries,
            List<AccountReconciliation> mismatches,
            boolean checkpointAgrees,
            List<Long> checkpointMismatches) {}

    /** The platform's job as this view shows it. */
    static FullReconciliationJob of(Job job, Result result) {
        return new FullReconciliationJob(
                job.id(),
                job.state(),
                job.requestedBy(),
                job.requestedAt(),
                job.startedAt(),
                job.finishedAt(),
                job.total(),
                job.done(),
                job.counted(),
                job.percent(),
                result,
                job.error());
    }
}
