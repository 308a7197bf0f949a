package cn.gov.lvliang.renewal.platform.audit;

import cn.gov.lvliang.renewal.platform.jobs.Job;
import cn.gov.lvliang.renewal.platform.jobs.JobProgress;
import cn.gov.lvliang.renewal.platform.jobs.Jobs;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Full verifications of the audit chain as jobs (审计链全量校验任务, decision 0051) of the platform's
 * job runner ({@link Jobs}, decision 0056): one queued or running at a time per service, run by any
 * instance, the work being {@link AuditTrail#verifyFromFirst}, which tells its progress after every
 * batch.
 */
@ApplicationScoped
public class AuditVerifications {

    /** The kind of job in {@code platform_job}. */
    public static final String KIND = "audit-verification";

    private static final Logger LOG = Logger.getLogger(AuditVerifications.class);

    private final Jobs jobs;
    private final AuditTrail trail;

    public AuditVerifications(Jobs jobs, AuditTrail trail) {
        this.jobs = jobs;
        this.trail = trail;
    }

    /**
     * Queues a full verification, unless one is queued or running: then that one is the answer (it
     * checks every record chained before it ends, so a second one would add nothing). Joins the
     * caller's transaction (the audited request's).
     */
    public AuditVerificationJob request(String requestedBy) {
        return view(jobs.request(KIND, requestedBy));
    }

    public Optional<AuditVerificationJob> find(UUID id) {
        return jobs.find(KIND, id).map(this::view);
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "audit-verification-runner",
            every = "${suite.audit.verification-poll:3s}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runQueued();
    }

    /**
     * The runner's pass: claims the oldest queued verification, if no other instance has, and runs it
     * to its end. Tests call it when the scheduled runner is off.
     *
     * @return whether this pass ran a job
     */
    public boolean runQueued() {
        return jobs.runQueued(KIND, this::verify);
    }

    private AuditVerificationJob.Result verify(UUID id, JobProgress progress) {
        progress.total(trail.head());
        AuditTrail.Walk walk = trail.verifyFromFirst("full verification " + id, progress::done);
        progress.done(walk.checked());
        LOG.infof(
                "audit verification %s checked %d records: %s",
                id, walk.checked(), walk.intact() ? "intact" : "broken at seq " + walk.brokenSeq());
        return new AuditVerificationJob.Result(walk.intact(), walk.brokenSeq(), walk.reason());
    }

    private AuditVerificationJob view(Job job) {
        return AuditVerificationJob.of(job, jobs.result(job, AuditVerificationJob.Result.class));
    }
}
