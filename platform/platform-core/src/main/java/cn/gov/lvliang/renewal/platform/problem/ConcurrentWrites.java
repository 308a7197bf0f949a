package cn.gov.lvliang.renewal.platform.problem;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a write that lost a race with another request from a failure of the code. Two requests
 * creating the same thing at the same moment (two clerks registering one new person) both pass the
 * "does it exist?" check, and the database's unique constraint refuses the second; two
 * transactions may also deadlock or fail serialisation. The loser answers 409 (nothing it wrote
 * was kept; read again and retry), never 500.
 */
public final class ConcurrentWrites {

    /** unique_violation, serialization_failure, deadlock_detected. */
    private static final Set<String> RACE_STATES = Set.of("23505", "40001", "40P01");

    private ConcurrentWrites() {}

    /** Whether {@code failure} or one of its causes is the database refusing a racing write. */
    public static boolean isLostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RACE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
