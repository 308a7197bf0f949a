package cn.gov.lvliang.renewal.platform.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import org.jboss.logging.Logger;

/**
 * Once per period, not once per replica (decision 0033): a scheduled job that every instance of a
 * service fires claims its period ({@code 2026-12-04} for a daily job, {@code 2026-12} for a
 * monthly one) before it runs; the first instance to claim it runs the job, the others skip it. The
 * claim is a row in {@code scheduled_run}, committed on its own before the job starts, so it holds
 * across restarts: an instance killed halfway does not make another run the period again (the job
 * itself must then be safe to finish by hand or by the next period, as every job here is).
 */
@ApplicationScoped
public class ScheduledRuns {

    private static final Logger LOG = Logger.getLogger(ScheduledRuns.class);
    /** This JVM, as {@code pid@host}, so that an operator sees which instance ran a period. */
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final EntityManager em;

    public ScheduledRuns(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims {@code period} of {@code job} for this instance.
     *
     * @return true when this instance is the first to claim it and should run the job
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String job, String period) {
        int inserted = em.createNativeQuery("insert into scheduled_run (job, period, instance) values (?1, ?2, ?3)"
                        + " on conflict (job, period) do nothing")
                .setParameter(1, job)
                .setParameter(2, period)
                .setParameter(3, INSTANCE)
                .executeUpdate();
        if (inserted == 0) {
            LOG.infof("%s for %s: another instance has run it; skipped", job, period);
            return false;
        }
        return true;
    }
}
