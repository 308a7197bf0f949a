package cn.gov.lvliang.renewal.platform.events;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells failures of the environment (database down, lock conflicts) from failures of the event.
 * Transient failures are retried without limit, since dead-lettering a good event because the
 * database restarted would lose it.
 */
final class TransientFailures {

    /** SQLSTATE classes and codes that mean "try again": connection (08), shutdown, serialization, deadlock. */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01", "53300");

    private TransientFailures() {}

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || TRANSIENT_STATES.contains(state)) {
                    return true;
                }
            }
            String name = t.getClass().getName();
            if (name.endsWith("JDBCConnectionException")
                    || name.endsWith("PessimisticLockException")
                    || name.endsWith("LockAcquisitionException")
                    || name.endsWith("OptimisticLockException")
                    || name.equals("org.apache.kafka.common.errors.TimeoutException")) {
                return true;
            }
            // Agroal: "Acquisition timeout while waiting for new connection"
            if (t.getMessage() != null && t.getMessage().contains("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }
}
