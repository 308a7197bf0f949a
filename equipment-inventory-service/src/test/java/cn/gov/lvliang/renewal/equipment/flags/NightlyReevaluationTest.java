package cn.gov.lvliang.renewal.equipment.flags;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.equipment.Fixtures;
import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The nightly run re-evaluates the whole register, on one instance at a time. */
@QuarkusTest
class NightlyReevaluationTest {

    @Inject
    NightlyReevaluation nightly;

    static Connection database() throws Exception {
        return DriverManager.getConnection(SuiteInfrastructure.postgres().jdbcUrl("app"), "postgres", "postgres");
    }

    static long activeFlags(long equipmentId) throws Exception {
        try (Connection c = database();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from equipment_flag where equipment_id = ? and cleared_at is null")) {
            s.setLong(1, equipmentId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void clearFlags(long equipmentId) throws Exception {
        try (Connection c = database();
                PreparedStatement s =
                        c.prepareStatement("update equipment_flag set cleared_at = now() where equipment_id = ?")) {
            s.setLong(1, equipmentId);
            s.executeUpdate();
        }
    }

    @Test
    void aRecordWhoseAgeFlagIsMissingGetsItBackAndABusyLockSkipsTheRun() throws Exception {
        String credit = TestIdentifiers.creditCode();
        Fixtures.unit(credit, "141125", "coking");
        Map<String, Object> created =
                Fixtures.register(TestTokens.cityAdmin(), Fixtures.equipment(credit, "2005-06-01", 15));
        long id = ((Number) created.get("id")).longValue();
        assertThat(activeFlags(id)).isEqualTo(1);

        // as if the record had passed its design life overnight: no active flag yet
        clearFlags(id);
        assertThat(activeFlags(id)).isZero();

        // another instance holds the run: this one skips it
        try (Connection other = database();
                PreparedStatement lock =
                        other.prepareStatement("select pg_advisory_lock(hashtext('equipment-flag-reevaluation'))")) {
            lock.execute();
            assertThat(nightly.run()).isEmpty();
            assertThat(activeFlags(id)).isZero();
            try (PreparedStatement unlock =
                    other.prepareStatement("select pg_advisory_unlock(hashtext('equipment-flag-reevaluation'))")) {
                unlock.execute();
            }
        }

        assertThat(nightly.run())
                .hasValueSatisfying(r -> assertThat(r.flagsRaised()).isGreaterThanOrEqualTo(1));
        assertThat(activeFlags(id)).isEqualTo(1);
    }
}
