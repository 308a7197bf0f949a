package cn.gov.lvliang.renewal.tasks.statistics;

import cn.gov.lvliang.renewal.platform.jobs.JobProgress;
import cn.gov.lvliang.renewal.platform.jobs.Jobs;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Indicator rebuilds as jobs (指标重算任务, decision 0047) of the platform's job runner ({@link Jobs},
 * decision 0056): {@link #request} queues one (or answers the one already queued or running), and a
 * scheduled pass on every instance claims it and runs {@link IndicatorRebuild}, telling the events
 * replayed after every batch.
 */
@ApplicationScoped
public class RebuildJobs {

    /** The kind of job in {@code platform_job}. */
    static final String KIND = "indicator-rebuild";

    private static final Logger LOG = Logger.getLogger(RebuildJobs.class);

    private final Jobs jobs;
    private final IndicatorRebuild rebuild;

    public RebuildJobs(Jobs jobs, IndicatorRebuild rebuild) {
        this.jobs = jobs;
        this.rebuild = rebuild;
    }

    /**
     * Queues a rebuild, unless one is queued or running: then that one is the answer (it replays
     * every event committed before it ends, so a second one would add nothing).
     */
    public RebuildJob request(String requestedBy) {
        return RebuildJob.of(jobs.request(KIND, requestedBy));
    }

    public Optional<RebuildJob> find(UUID id) {
        return jobs.find(KIND, id).map(RebuildJob::of);
    }

    /** The latest jobs, newest first. */
    public List<RebuildJob> latest(int limit) {
        return jobs.latest(KIND, limit).stream().map(RebuildJob::of).toList();
    }

    /** The runner: every instance looks for a queued job every few seconds; one takes it. */
    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "indicator-rebuild-runner",
            every = "${renewal.statistics.rebuild-poll:3s}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runQueued() {
        jobs.runQueued(KIND, this::rebuild);
    }

    private Object rebuild(UUID id, JobProgress progress) {
        progress.total(rebuild.historySize());
        long replayed = rebuild.rebuild(progress::done);
        progress.done(replayed);
        LOG.infof("indicator rebuild %s replayed %d events", id, replayed);
        return null;
    }
}
