package cn.gov.lvliang.renewal.subsidy.budget;

import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetViews.AccountReconciliation;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetViews.AccountView;
import cn.gov.lvliang.renewal.subsidy.budget.BudgetViews.Reconciliation;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The budget's reconciliation (预算对账) from a checkpoint (decision 0050): the view {@code
 * budget_account_reconciliation} sets every account's stored balances beside its journal's, which
 * are the per-account sums folded up to a checkpoint plus the entries written since, in one
 * statement. The fold ({@code budget_journal_fold()}, every {@code suite.budget.fold-every}) moves
 * the checkpoint to the oldest transaction still running, so a request reads the accounts and the
 * last seconds of the journal, whatever its size. The full recomputation from the first entry is
 * {@link FullReconciliations}' job.
 */
@ApplicationScoped
public class BudgetReconciliation {

    private static final Logger LOG = Logger.getLogger(BudgetReconciliation.class);

    private final AgroalDataSource dataSource;

    public BudgetReconciliation(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An account's stored balances (in {@code account}) beside the ones its journal gives. */
    record Compared(AccountView account, long journalAllocatedFen, long journalReservedFen, long journalPostedFen) {

        boolean agrees(long allocatedFen, long reservedFen, long postedFen) {
            return account.allocatedFen() == allocatedFen
                    && account.reservedFen() == reservedFen
                    && account.postedFen() == postedFen;
        }

        AccountReconciliation mismatch(long allocatedFen, long reservedFen, long postedFen) {
            return new AccountReconciliation(account, allocatedFen, reservedFen, postedFen, false);
        }
    }

    /**
     * Reads the view {@code budget_account_reconciliation} (one statement, so one snapshot), in id
     * order; only the accounts that disagree with their journal when {@code mismatchesOnly}.
     */
    static List<Compared> compared(Connection c, boolean mismatchesOnly) throws SQLException {
        List<Compared> accounts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, programme_id, county, funding_source,"
                        + " allocated_fen, reserved_fen, posted_fen, journal_allocated_fen, journal_reserved_fen,"
                        + " journal_posted_fen from budget_account_reconciliation"
                        + (mismatchesOnly ? " where difference_fen > 0" : "")
                        + " order by id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long allocated = rs.getLong(5);
                long reserved = rs.getLong(6);
                long posted = rs.getLong(7);
                AccountView account = new AccountView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        FundingSource.valueOf(rs.getString(4)),
                        allocated,
                        reserved,
                        posted,
                        allocated - reserved - posted);
                accounts.add(new Compared(account, rs.getLong(8), rs.getLong(9), rs.getLong(10)));
            }
        }
        return accounts;
    }

    /** Compares the accounts in scope with their journal, to the fen; lists those that differ. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Reconciliation reconcile(String programmeId, String county, CallerScope.Condition programmes) {
        Set<Long> inScope = BudgetLedger.filtered(programmeId, county, programmes, "id").stream()
                .map(a -> a.id)
                .collect(Collectors.toSet());
        try (Connection c = dataSource.getConnection()) {
            List<AccountReconciliation> mismatches = compared(c, true).stream()
                    .filter(a -> inScope.contains(a.account().id()))
                    .map(a -> a.mismatch(a.journalAllocatedFen(), a.journalReservedFen(), a.journalPostedFen()))
                    .toList();
            return new Reconciliation(mismatches.isEmpty(), inScope.size(), mismatches);
        } catch (SQLException e) {
            throw new IllegalStateException("budget reconciliation: " + e.getMessage(), e);
        }
    }

    /**
     * Folds the journal entries of finished transactions into the checkpoint, in its own
     * transaction (plain JDBC: the first fold after the migration reads the whole journal).
     *
     * @return the entries folded; -1 when another instance is folding
     */
    public long fold() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select budget_journal_fold()");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("budget journal fold: " + e.getMessage(), e);
        }
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "budget-journal-fold",
            every = "${suite.budget.fold-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFold() {
        try {
            fold();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Budget journal not folded (%s); the reconciliation reads more of it until the next fold",
                    e.getMessage());
        }
    }
}
