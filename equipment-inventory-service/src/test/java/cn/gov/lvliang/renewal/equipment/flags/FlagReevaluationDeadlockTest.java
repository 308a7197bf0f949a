package cn.gov.lvliang.renewal.equipment.flags;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.equipment.Fixtures;
import cn.gov.lvliang.renewal.equipment.scope.Scope;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A register-wide flag re-evaluation and an import holding the same records, in two real
 * concurrent transactions, in the order that deadlocked (decision 0054): the import has written
 * record y (and holds it until it commits), the re-evaluation wants to raise flags on x and y, and
 * the import then writes x. Before, the re-evaluation's flag insert locked x (V7's trigger) and
 * waited for y, and the import's write of x waited for the re-evaluation: PostgreSQL aborted one.
 */
@QuarkusTest
class FlagReevaluationDeadlockTest {

    @Inject
    FlagService flags;

    private static long backendsWaitingFor(Connection c, int pid) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")) {
            s.setInt(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void touch(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update equipment set updated_at = now() where id = ?")) {
            s.setLong(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aReevaluationAndAnImportWritingTheSameRecordsInAnotherOrderBothFinish() throws Exception {
        String credit = TestIdentifiers.creditCode();
        Fixtures.unit(credit, "141125", "coking");
        long x = ((Number) Fixtures.register(TestTokens.cityAdmin(), Fixtures.equipment(credit, "2005-06-01", 15))
                        .get("id"))
                .longValue();
        long y = ((Number) Fixtures.register(TestTokens.cityAdmin(), Fixtures.equipment(credit, "2006-06-01", 15))
                        .get("id"))
                .longValue();
        assertThat(x).isLessThan(y);
        try (Connection c = NightlyReevaluationTest.database();
                PreparedStatement clear = c.prepareStatement("update equipment_flag set cleared_at = now() where"
                        + " equipment_id = any(?) and cleared_at is null")) {
            clear.setArray(1, c.createArrayOf("bigint", new Long[] {x, y}));
            assertThat(clear.executeUpdate()).isEqualTo(2);
        }

        try (Connection importing = NightlyReevaluationTest.database();
                Connection watcher = NightlyReevaluationTest.database()) {
            importing.setAutoCommit(false);
            int importPid;
            try (PreparedStatement s = importing.prepareStatement("select pg_backend_pid()");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                importPid = rs.getInt(1);
            }
            touch(importing, y); // the import's first batch wrote y

            Scope unit = new Scope(Scope.Kind.ENTERPRISE, credit, Set.of(), Set.of(), true);
            CompletableFuture<FlagService.Reevaluation> reevaluation =
                    CompletableFuture.supplyAsync(() -> flags.reevaluateAll(unit));
            while (backendsWaitingFor(watcher, importPid) == 0) {
                assertThat(reevaluation).isNotDone();
                Thread.sleep(20);
            }

            touch(importing, x); // its next batch writes x: before, PostgreSQL found the deadlock here
            importing.commit();

            FlagService.Reevaluation result = reevaluation.get(60, TimeUnit.SECONDS);
            assertThat(result.records()).isEqualTo(2);
            assertThat(result.flagsRaised()).isEqualTo(2);
        }
        assertThat(NightlyReevaluationTest.activeFlags(x)).isEqualTo(1);
        assertThat(NightlyReevaluationTest.activeFlags(y)).isEqualTo(1);
    }
}
