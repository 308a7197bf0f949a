package cn.gov.lvliang.renewal.equipment.register;

import cn.gov.lvliang.renewal.platform.events.OutboxBatch;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Re-evaluates the flags (预警标记) of changed equipment records, on the caller's connection and
 * in its transaction; the flags feature implements it ({@code flags.FlagService}), so that the
 * register does not depend on the flags that depend on it.
 */
public interface FlagReevaluation {

    /** Re-evaluates the records {@code ids} under the rules in force, writing new flags' events to {@code events}. */
    void reevaluate(Connection c, long[] ids, OutboxBatch.Writer events) throws SQLException;
}
