package cn.gov.lvliang.renewal.system;

import cn.gov.lvliang.renewal.devstack.DevStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Read-only SQL probes into one service's database of a running {@link DevStack}. */
final class SuiteDatabase {

    private final DevStack suite;
    private final String database;

    SuiteDatabase(DevStack suite, String database) {
        this.suite = suite;
        this.database = database;
    }

    long count(String sql, Object... parameters) {
        return Long.parseLong(column(sql, parameters).get(0));
    }

    /** The first column of every row, as text. */
    List<String> column(String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(suite.postgres().jdbcUrl(database), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql, e);
        }
    }
}
