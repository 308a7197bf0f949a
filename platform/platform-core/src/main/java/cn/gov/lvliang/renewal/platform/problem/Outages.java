package cn.gov.lvliang.renewal.platform.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure of the environment that the caller can simply retry (the database restarting,
 * unreachable, or out of connections) from a failure of the request or of the code. The first
 * answers 503 with {@code Retry-After}, not 500: nothing is wrong with the request, and nothing
 * was written, since the transaction could not commit.
 */
public final class Outages {

    /** SQLSTATEs of a database going away: admin/crash shutdown, cannot connect now, too many connections. */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private Outages() {}

    /** Whether {@code failure} or one of its causes says the database is unavailable. */
    public static boolean isDatabaseOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLRecoverableException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || OUTAGE_STATES.contains(state)) {
                    return true;
                }
            }
            String name = t.getClass().getName();
            if (name.endsWith("JDBCConnectionException")) {
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
