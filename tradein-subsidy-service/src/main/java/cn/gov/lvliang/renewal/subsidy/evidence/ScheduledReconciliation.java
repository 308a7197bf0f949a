package cn.gov.lvliang.renewal.subsidy.evidence;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs the evidence reconciliation (材料对账) on a schedule, so that its two gauges, and the
 * {@code EvidenceUnreconciled} alert that reads them, always hold a recent answer. Every
 * {@code suite.evidence.reconcile-interval} (default 1 h; {@code off} disables it), and once
 * shortly after start. Each replica checks on its own: the check only reads.
 */
@Startup
@ApplicationScoped
public class ScheduledReconciliation {

    private static final Logger LOG = Logger.getLogger(ScheduledReconciliation.class);

    private final EvidenceService evidence;

    public ScheduledReconciliation(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "evidence-reconciliation",
            every = "${suite.evidence.reconcile-interval:1h}",
            delayed = "${suite.evidence.reconcile-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        try {
            EvidenceViews.Reconciliation result = evidence.reconcile();
            if (!result.reconciled()) {
                LOG.warnf(
                        "Evidence does not reconcile: %d objects without metadata, %d documents without objects"
                                + " (runbook evidence-reconcile)",
                        result.objectsWithoutMetadata().size(),
                        result.metadataWithoutObjects().size());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Evidence reconciliation failed (%s); the gauges keep the last answer", e.getMessage());
        }
    }
}
