package cn.gov.lvliang.renewal.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.jobs.Job.State;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A job's percentage and the error a failed job keeps (the database-side rules: PlatformJobsTest). */
class JobTest {

    @Test
    void thePercentageIsDoneOfTotalBelow100UntilTheJobSucceeds() {
        assertThat(job(State.QUEUED, null, 0).percent()).isNull();
        assertThat(job(State.RUNNING, 0L, 0).percent()).isZero();
        assertThat(job(State.RUNNING, 200L, 50).percent()).isEqualTo(25);
        assertThat(job(State.RUNNING, 200L, 200).percent())
                .as("not done until it ends")
                .isEqualTo(99);
        assertThat(job(State.RUNNING, 200L, 260).percent())
                .as("work that arrived meanwhile")
                .isEqualTo(99);
        assertThat(job(State.FAILED, 200L, 100).percent()).isEqualTo(50);
        assertThat(job(State.SUCCEEDED, 200L, 100).percent()).isEqualTo(100);
        assertThat(job(State.SUCCEEDED, null, 0).percent()).isEqualTo(100);
    }

    @Test
    void aFailureKeepsTheExceptionsClassAndMessageUpTo500Characters() {
        assertThat(Jobs.failure(new IllegalStateException("no history")))
                .isEqualTo("IllegalStateException: no history");
        assertThat(Jobs.failure(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(Jobs.failure(new IllegalArgumentException("x".repeat(1000))))
                .hasSize(500)
                .startsWith("IllegalArgumentException: xxx");
    }

    private static Job job(State state, Long total, long done) {
        return new Job(
                UUID.randomUUID(),
                "test",
                state,
                "test",
                Instant.now(),
                null,
                state == State.SUCCEEDED || state == State.FAILED ? Instant.now() : null,
                total,
                done,
                0,
                null,
                null);
    }
}
