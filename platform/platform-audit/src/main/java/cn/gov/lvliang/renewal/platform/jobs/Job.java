package cn.gov.lvliang.renewal.platform.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * One job of a kind (任务) as the platform keeps it (table {@code platform_job}); each feature shows
 * it in its own JSON view.
 *
 * @param total how much there is to do, told by the work when it starts (null while queued)
 * @param done how much is done so far
 * @param counted a second count a kind may tell beside {@code done} (0 otherwise)
 * @param result the work's result as JSON text (SUCCEEDED only; null when the work returns none)
 * @param error why it failed (FAILED only)
 */
public record Job(
        UUID id,
        String kind,
        State state,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        Long total,
        long done,
        long counted,
        String result,
        String error) {

    /** QUEUED → RUNNING → SUCCEEDED or FAILED. */
    public enum State {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    /**
     * Done of total, 0–100: null while the total is unknown, 100 only when it succeeded (work that
     * arrives while a job runs is done too, so it may pass its total before it ends).
     */
    public Integer percent() {
        if (state == State.SUCCEEDED) {
            return 100;
        }
        if (total == null) {
            return null;
        }
        return total == 0 ? 0 : (int) Math.min(99, done * 100 / total);
    }
}
