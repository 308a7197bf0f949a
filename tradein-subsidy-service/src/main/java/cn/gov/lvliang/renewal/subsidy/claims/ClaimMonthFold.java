package cn.gov.lvliang.renewal.subsidy.claims;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Folds the monthly totals' deltas into the summary every few seconds
 * ({@code suite.claims.month-totals.fold-every}), so that the totals read a number of rows bounded
 * by the distinct programme, county and month keys plus the writes of the last seconds. Instances
 * that overlap skip (the fold takes an advisory lock); the totals are exact whether or not a fold has
 * run (decision 0055).
 */
@ApplicationScoped
public class ClaimMonthFold {

    private final EntityManager entityManager;

    public ClaimMonthFold(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "claim-month-fold",
            every = "{suite.claims.month-totals.fold-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        fold();
    }

    /** Moves every committed delta into the summary; the number of summary rows written. */
    @Transactional
    public long fold() {
        return ((Number) entityManager
                        .createNativeQuery("select claim_month_fold()")
                        .getSingleResult())
                .longValue();
    }
}
