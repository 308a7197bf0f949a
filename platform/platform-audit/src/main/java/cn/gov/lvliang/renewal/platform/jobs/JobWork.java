package cn.gov.lvliang.renewal.platform.jobs;

import java.util.UUID;

/** The work of one kind of job: what a feature runs when its runner has claimed a job of its kind. */
@FunctionalInterface
public interface JobWork {

    /**
     * Does the work outside any transaction, telling its progress (also the job's heartbeat: a job
     * silent for {@link Jobs#STALE} is failed).
     *
     * @param id the job's id
     * @return the result, kept as JSON; null for none
     * @throws Exception the job fails with its class and message
     */
    Object run(UUID id, JobProgress progress) throws Exception;
}
