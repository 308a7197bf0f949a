package cn.gov.lvliang.renewal.equipment.flags;

import cn.gov.lvliang.renewal.equipment.scope.Scope;
import cn.gov.lvliang.renewal.platform.jdbc.ScheduledRuns;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Flags that depend on age (beyond design life, scrapping age, old elevators) change with the
 * calendar, not only with edits: a record that was fine yesterday passes its design life today.
 * So the whole register is re-evaluated every night ({@code equipment.flags.reevaluation-cron}),
 * once across the service's instances (the night is claimed in {@code scheduled_run}), and never
 * twice at a time: a run holds a PostgreSQL advisory lock, and one that cannot take it skips.
 */
@ApplicationScoped
public class NightlyReevaluation {

    private static final Logger LOG = Logger.getLogger(NightlyReevaluation.class);
    private static final String LOCK = "select pg_try_advisory_lock(hashtext('equipment-flag-reevaluation'))";
    private static final String UNLOCK = "select pg_advisory_unlock(hashtext('equipment-flag-reevaluation'))";
    private static final Scope WHOLE_REGISTER = new Scope(Scope.Kind.CITY, null, Set.of(), Set.of(), true);

    private final FlagService flags;
    private final AgroalDataSource dataSource;
    private final ScheduledRuns scheduledRuns;

    public NightlyReevaluation(FlagService flags, AgroalDataSource dataSource, ScheduledRuns scheduledRuns) {
        this.flags = flags;
        this.dataSource = dataSource;
        this.scheduledRuns = scheduledRuns;
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "flag-reevaluation",
            cron = "{equipment.flags.reevaluation-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        // once a night across the service's instances (decision 0033); run() also takes the lock,
        // so that a run started by hand never overlaps the nightly one
        if (scheduledRuns.claim("flag-reevaluation", LocalDate.now().toString())) {
            run();
        }
    }

    /**
     * Re-evaluates every record unless another instance is doing it.
     *
     * @return the result, or empty when another instance holds the run
     */
    public Optional<FlagService.Reevaluation> run() {
        try (Connection lock = dataSource.getConnection()) {
            if (!ask(lock, LOCK)) {
                LOG.info("flag re-evaluation: another instance is running it; skipped");
                return Optional.empty();
            }
            try {
                FlagService.Reevaluation result = flags.reevaluateAll(WHOLE_REGISTER);
                LOG.infof("flag re-evaluation: %d records, %d new flags", result.records(), result.flagsRaised());
                return Optional.of(result);
            } finally {
                ask(lock, UNLOCK);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("flag re-evaluation could not take its lock", e);
        }
    }

    private static boolean ask(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
