package cn.gov.lvliang.renewal.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.jdbc.ScheduledRuns;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A period of a job is claimed once, however many instances (here: threads) fire it at once. */
@QuarkusTest
class ScheduledRunsTest {

    @Inject
    ScheduledRuns runs;

    @Test
    void onePeriodIsClaimedOnceAndTheNextPeriodAgain() throws Exception {
        String job = "test-job-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> instances = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                instances.add(() -> runs.claim(job, "2026-12-04"));
            }
            int winners = 0;
            for (Future<Boolean> claimed : pool.invokeAll(instances)) {
                winners += claimed.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs.claim(job, "2026-12-04")).isFalse();
        assertThat(runs.claim(job, "2026-12-05")).isTrue();
        assertThat(runs.claim("another-" + job, "2026-12-04")).isTrue();
    }
}
