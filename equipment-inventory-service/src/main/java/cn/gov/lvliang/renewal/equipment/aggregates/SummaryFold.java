package cn.gov.lvliang.renewal.equipment.aggregates;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Folds the equipment summary's deltas into it every few seconds ({@code equipment.aggregates.fold-every}),
 * so that the aggregates read a number of rows bounded by the distinct keys plus the writes of the
 * last seconds. Instances that overlap skip (the fold takes an advisory lock), and the aggregates are
 * exact whether or not a fold has run (decision 0048).
 */
@ApplicationScoped
public class SummaryFold {

    private final EquipmentTally tally;

    public SummaryFold(EquipmentTally tally) {
        this.tally = tally;
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "equipment-summary-fold",
            every = "{equipment.aggregates.fold-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fold() {
        tally.fold();
    }
}
