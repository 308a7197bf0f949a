package cn.gov.lvliang.renewal.subsidy.budget;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The budget's reconciliation (预算对账) as two gauges, so that a dashboard and an alert watch it
 * without calling {@code GET /api/subsidies/budget/reconciliation}: {@code
 * subsidy_budget_reconciliation_mismatched_accounts}, the accounts whose stored balances differ
 * from the sum of their journal, and {@code subsidy_budget_reconciliation_difference_fen}, by how
 * much in all (fen, absolute differences of allocated, reserved and posted added up). Both are 0
 * when the journal matches the accounts. Every {@code suite.budget.reconcile-interval} (default
 * 5 min; {@code off} disables it), and once shortly after start. Each replica checks on its own:
 * the check only reads, and the alert takes the highest value.
 */
@Startup
@ApplicationScoped
public class ReconciliationGauges {

    private static final Logger LOG = Logger.getLogger(ReconciliationGauges.class);

    /** The comparison {@link BudgetReconciliation#reconcile} makes, summed up (the same view). */
    static final String DIFFERENCES =
            "select count(*) filter (where difference_fen > 0), coalesce(sum(difference_fen), 0)"
                    + " from budget_account_reconciliation";

    private final AgroalDataSource dataSource;
    private final AtomicLong mismatchedAccounts = new AtomicLong();
    private final AtomicLong differenceFen = new AtomicLong();

    public ReconciliationGauges(AgroalDataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        metrics.gauge("subsidy.budget.reconciliation.mismatched.accounts", mismatchedAccounts);
        metrics.gauge("subsidy.budget.reconciliation.difference.fen", differenceFen);
    }

    /** What the gauges now say. */
    public record Check(long mismatchedAccounts, long differenceFen) {}

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "budget-reconciliation-gauges",
            every = "${suite.budget.reconcile-interval:5m}",
            delayed = "${suite.budget.reconcile-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Check check = refresh();
            if (check.mismatchedAccounts() > 0) {
                LOG.warnf(
                        "Budget does not reconcile: %d accounts differ from their journal by %d fen"
                                + " (runbook budget-mismatch)",
                        check.mismatchedAccounts(), check.differenceFen());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Budget reconciliation gauges not refreshed (%s); they keep the last answer", e.getMessage());
        }
    }

    /** Compares every account with its journal now and sets the gauges. */
    public Check refresh() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(DIFFERENCES);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            Check check = new Check(rs.getLong(1), rs.getLong(2));
            mismatchedAccounts.set(check.mismatchedAccounts());
            differenceFen.set(check.differenceFen());
            return check;
        } catch (SQLException e) {
            throw new IllegalStateException("budget reconciliation: " + e.getMessage(), e);
        }
    }
}
