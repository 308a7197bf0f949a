package cn.gov.lvliang.renewal.platform.audit;

import cn.gov.lvliang.renewal.platform.jobs.Job;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A full verification of the audit chain from its first record (审计链全量校验任务) and how far it
 * is (decision 0051).
 *
 * @param total the records in the chain when it started (null while queued); records chained while
 *     it runs are checked too, so it may finish above its total
 * @param checked records re-hashed so far
 * @param percent checked of total, 0–100 (null while queued); 100 when finished
 * @param intact the result: whether every link holds (null until finished)
 * @param firstBrokenSeq the first broken record, or null
 * @param reason why it is broken, or null
 * @param error why the run could not finish (FAILED only)
 */
@Schema(name = "AuditVerificationJob")
public record AuditVerificationJob(
        UUID id,
        State state,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        Long total,
        long checked,
        Integer percent,

        @Schema(description = "The result: whether every link holds (null until FINISHED)")
        Boolean intact,

        @Schema(description = "The first record whose link is broken, or null")
        Long firstBrokenSeq,

        @Schema(description = "Why it is broken, or null") String reason,

        @Schema(description = "Why the run could not finish (FAILED only)")
        String error) {

    /** QUEUED → RUNNING → FINISHED (with a result) or FAILED (no result). */
    @Schema(name = "AuditVerificationState")
    public enum State {
        QUEUED,
        RUNNING,
        FINISHED,
        FAILED
    }

    /** What a finished verification found, kept as the job's result. */
    public record Result(boolean intact, Long firstBrokenSeq, String reason) {}

    /** The platform's job as this view shows it: SUCCEEDED is FINISHED, with its result. */
    static AuditVerificationJob of(Job job, Result result) {
        State state = job.state() == Job.State.SUCCEEDED
                ? State.FINISHED
                : State.valueOf(job.state().name());
        return new AuditVerificationJob(
                job.id(),
                state,
                job.requestedBy(),
                job.requestedAt(),
                job.startedAt(),
                job.finishedAt(),
                job.total(),
                job.done(),
                job.percent(),
                result == null ? null : result.intact(),
                result == null ? null : result.firstBrokenSeq(),
                result == null ? null : result.reason(),
                job.error());
    }
}
