package cn.gov.lvliang.renewal.platform.events;

import cn.gov.lvliang.renewal.platform.problem.Outages;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells failures of the environment (database down, lock conflicts) from failures of the event.
 * Transient failures are retried without limit, since dead-lettering a good event because the
 * database restarted would lose it.
 */
final class TransientFailures {

    /** SQLSTATEs of a conflict between transactions: serialization failure, deadlock. */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01");

    private TransientFailures() {}

    /** A database outage ({@link Outages}), a lock conflict, or the broker timing out. */
    static boolean isTransient(Throwable failure) {
        if (Outages.isDatabaseOutage(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && CONFLICT_STATES.contains(sql.getSQLState())) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.endsWith("PessimisticLockException")
                    || name.endsWith("LockAcquisitionException")
                    || name.endsWith("OptimisticLockException")
                    || name.equals("org.apache.kafka.common.errors.TimeoutException")) {
                return true;
            }
        }
        return false;
    }
}
