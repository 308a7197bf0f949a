package cn.gov.lvliang.renewal.platform.jobs;

/**
 * How a job's work tells how far it is. Each call writes in its own transaction (so it is seen at
 * once, even from inside the work's own transaction) and is the job's heartbeat.
 */
public interface JobProgress {

    /** How much there is to do. */
    void total(long total);

    /** How much is done so far. */
    void done(long done);

    /** How much is done so far, and the kind's second count. */
    void done(long done, long counted);
}
