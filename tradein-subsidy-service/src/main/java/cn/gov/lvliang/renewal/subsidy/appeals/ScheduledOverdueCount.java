package cn.gov.lvliang.renewal.subsidy.appeals;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the gauge {@code subsidy_appeals_overdue} (复核超时) current between listings. */
@ApplicationScoped
public class ScheduledOverdueCount {

    private final AppealService appeals;

    public ScheduledOverdueCount(AppealService appeals) {
        this.appeals = appeals;
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "appeals-overdue",
            every = "${suite.appeals.overdue-interval:1m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        appeals.refreshOverdue();
    }
}
