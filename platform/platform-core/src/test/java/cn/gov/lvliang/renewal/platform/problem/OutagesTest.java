package cn.gov.lvliang.renewal.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class OutagesTest {

    @Test
    void connectionFailuresShutdownsAndPoolTimeoutsAreOutagesWhereverTheyAreInTheChain() {
        assertThat(Outages.isDatabaseOutage(new IllegalStateException(new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(Outages.isDatabaseOutage(new SQLException("terminating connection", "57P01")))
                .isTrue();
        assertThat(Outages.isDatabaseOutage(new RuntimeException(new SQLTransientConnectionException("gone"))))
                .isTrue();
        assertThat(Outages.isDatabaseOutage(
                        new RuntimeException("Acquisition timeout while waiting for new connection")))
                .isTrue();
    }

    @Test
    void constraintViolationsBugsAndLockConflictsAreNot() {
        assertThat(Outages.isDatabaseOutage(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(Outages.isDatabaseOutage(new SQLException("deadlock detected", "40P01")))
                .isFalse();
        assertThat(Outages.isDatabaseOutage(new NullPointerException())).isFalse();
    }
}
