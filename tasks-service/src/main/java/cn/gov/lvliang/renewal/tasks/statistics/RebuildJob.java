package cn.gov.lvliang.renewal.tasks.statistics;

import cn.gov.lvliang.renewal.platform.jobs.Job;
import cn.gov.lvliang.renewal.platform.jobs.Job.State;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rebuild of the indicators from the event history (指标重算任务) and how far it is.
 *
 * @param eventsTotal the events in the history when the job started (null while queued)
 * @param eventsReplayed the events replayed so far
 * @param percent eventsReplayed of eventsTotal, 0–100 (null while queued); events that arrive while
 *     it runs are replayed too, so a job may finish above its total
 */
@Schema(name = "IndicatorRebuildJob")
public record RebuildJob(
        UUID id,
        State state,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        Long eventsTotal,
        long eventsReplayed,
        Integer percent,
        @Schema(description = "Why it failed (FAILED only)") String error) {

    /** The platform's job as this view shows it. */
    static RebuildJob of(Job job) {
        return new RebuildJob(
                job.id(),
                job.state(),
                job.requestedBy(),
                job.requestedAt(),
                job.startedAt(),
                job.finishedAt(),
                job.total(),
                job.done(),
                job.percent(),
                job.error());
    }
}
