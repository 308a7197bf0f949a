package cn.gov.lvliang.renewal.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.jobs.Job;
import cn.gov.lvliang.renewal.platform.jobs.Job.State;
import cn.gov.lvliang.renewal.platform.jobs.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The platform's job runner (platform-audit {@code Jobs}, decision 0056) against a real database,
 * with kinds of its own that no scheduled trigger runs: one job of a kind at a time, its progress
 * and result, a failing work, a silent job failed, a job claimed by one pass only.
 */
@QuarkusTest
class PlatformJobsTest {

    @Inject
    Jobs jobs;

    @Test
    void aJobTellsItsProgressAndEndsSucceededWithItsResult() {
        String kind = kind();
        Job queued = jobs.request(kind, "test-city-admin");
        assertThat(queued.state()).isEqualTo(State.QUEUED);
        assertThat(queued.percent()).as("no total yet").isNull();

        AtomicReference<Job> midway = new AtomicReference<>();
        boolean ran = jobs.runQueued(kind, (id, progress) -> {
            progress.total(4);
            progress.done(1);
            midway.set(jobs.find(kind, id).orElseThrow());
            progress.done(4, 7);
            return new Answer(42);
        });

        assertThat(ran).isTrue();
        assertThat(midway.get().state()).isEqualTo(State.RUNNING);
        assertThat(midway.get().startedAt()).isNotNull();
        assertThat(midway.get().percent()).isEqualTo(25);
        Job done = jobs.find(kind, queued.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(State.SUCCEEDED);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.total()).isEqualTo(4);
        assertThat(done.done()).isEqualTo(4);
        assertThat(done.counted()).isEqualTo(7);
        assertThat(done.finishedAt()).isNotNull();
        assertThat(jobs.result(done, Answer.class)).isEqualTo(new Answer(42));
        assertThat(jobs.runQueued(kind, (id, progress) -> {
                    throw new AssertionError("nothing is queued");
                }))
                .isFalse();
        assertThat(jobs.find(otherKind(kind), queued.id()))
                .as("a job is found under its own kind")
                .isEmpty();
    }

    @Test
    void aFailingWorkEndsTheJobFailedWithItsMessageAndANewOneCanBeRequested() {
        String kind = kind();
        Job failing = jobs.request(kind, "test-city-admin");
        jobs.runQueued(kind, (id, progress) -> {
            progress.total(10);
            throw new IllegalStateException("the history is unreadable");
        });
        Job failed = jobs.find(kind, failing.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.error()).isEqualTo("IllegalStateException: the history is unreadable");
        assertThat(failed.percent()).isZero();
        assertThat(failed.result()).isNull();

        Job next = jobs.request(kind, "test-city-admin");
        assertThat(next.id()).isNotEqualTo(failing.id());
        jobs.runQueued(kind, (id, progress) -> {
            throw new IllegalArgumentException("x".repeat(2000));
        });
        assertThat(jobs.find(kind, next.id()).orElseThrow().error()).hasSize(500);
        assertThat(jobs.latest(kind, 20)).extracting(Job::id).containsExactly(next.id(), failing.id());
    }

    @Test
    void oneJobOfAKindIsQueuedAtATimeWhoeverAsksAtOnce() throws Exception {
        String kind = kind();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<UUID>> requests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                requests.add(() -> jobs.request(kind, "test-city-admin").id());
            }
            Set<UUID> answered = new HashSet<>();
            for (Future<UUID> id : pool.invokeAll(requests)) {
                answered.add(id.get());
            }
            assertThat(answered).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        UUID other = jobs.request(otherKind(kind), "test-city-admin").id();
        assertThat(other)
                .as("another kind has its own")
                .isNotEqualTo(jobs.latest(kind, 1).get(0).id());
        assertThat(jobs.requestUnlessRecent(kind + "-nightly", "system:nightly", Duration.ofHours(1)))
                .isPresent();
        assertThat(jobs.requestUnlessRecent(kind + "-nightly", "system:nightly", Duration.ofHours(1)))
                .as("one requested within the hour")
                .isEmpty();
    }

    @Test
    void aClaimedJobIsRunByOnePassOnly() throws Exception {
        String kind = kind();
        Job job = jobs.request(kind, "test-city-admin");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        ExecutorService instance = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> first = instance.submit(() -> jobs.runQueued(kind, (id, progress) -> {
                runs.incrementAndGet();
                started.countDown();
                assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
                return null;
            }));
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(jobs.runQueued(kind, (id, progress) -> runs.incrementAndGet()))
                    .as("another pass while it runs")
                    .isFalse();
            assertThat(jobs.request(kind, "test-city-admin").id())
                    .as("a request while it runs")
                    .isEqualTo(job.id());
            release.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            instance.shutdownNow();
        }
        assertThat(runs).hasValue(1);
        assertThat(jobs.find(kind, job.id()).orElseThrow().state()).isEqualTo(State.SUCCEEDED);
    }

    @Test
    void aRunningJobSilentTooLongIsFailedAndStaysFailed() {
        String kind = kind();
        Job silent = jobs.request(kind, "test-city-admin");
        AtomicReference<Job> next = new AtomicReference<>();
        try {
            jobs.runQueued(kind, (id, progress) -> {
                progress.total(100);
                // its instance is silent past the limit: the next request fails it and queues another
                TestClock.set(Instant.now().plus(Jobs.STALE).plus(1, ChronoUnit.MINUTES));
                next.set(jobs.request(kind, "test-city-admin"));
                progress.done(100);
                return Map.of("late", true);
            });
        } finally {
            TestClock.reset();
        }
        Job failed = jobs.find(kind, silent.id()).orElseThrow();
        assertThat(failed.state()).as("its late end changes nothing").isEqualTo(State.FAILED);
        assertThat(failed.error()).isEqualTo("interrupted: no progress for 2 minutes");
        assertThat(failed.done()).isZero();
        assertThat(failed.result()).isNull();
        assertThat(next.get().id()).isNotEqualTo(silent.id());
        assertThat(next.get().state()).isEqualTo(State.QUEUED);
        assertThat(jobs.runQueued(kind, (id, progress) -> null)).isTrue();
        assertThat(jobs.latest(kind, 5).stream().map(Job::state).collect(Collectors.toList()))
                .containsExactly(State.SUCCEEDED, State.FAILED);
    }

    /** A work's result. */
    record Answer(int answer) {}

    private static String kind() {
        return "test-" + UUID.randomUUID();
    }

    private static String otherKind(String kind) {
        return kind + "-other";
    }
}
