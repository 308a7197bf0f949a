package cn.gov.lvliang.renewal.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConcurrentWritesTest {

    @Test
    void uniqueViolationsDeadlocksAndSerialisationFailuresAreLostRacesWhereverTheyAreInTheChain() {
        assertThat(ConcurrentWrites.isLostRace(
                        new IllegalStateException(new RuntimeException(new SQLException("duplicate key", "23505")))))
                .isTrue();
        assertThat(ConcurrentWrites.isLostRace(new SQLException("deadlock detected", "40P01")))
                .isTrue();
        assertThat(ConcurrentWrites.isLostRace(new SQLException("could not serialize access", "40001")))
                .isTrue();
    }

    @Test
    void otherConstraintsOutagesAndBugsAreNot() {
        assertThat(ConcurrentWrites.isLostRace(new SQLException("null value in column", "23502")))
                .isFalse();
        assertThat(ConcurrentWrites.isLostRace(new SQLException("violates check constraint", "23514")))
                .isFalse();
        assertThat(ConcurrentWrites.isLostRace(new SQLException("refused", "08001")))
                .isFalse();
        assertThat(ConcurrentWrites.isLostRace(new SQLException("no state"))).isFalse();
        assertThat(ConcurrentWrites.isLostRace(new NullPointerException())).isFalse();
    }
}
