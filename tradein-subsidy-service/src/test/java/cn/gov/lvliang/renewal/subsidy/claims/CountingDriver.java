package cn.gov.lvliang.renewal.subsidy.claims;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

/**
 * A JDBC driver for tests that hands out PostgreSQL's connections and counts, while {@link
 * #recording}, what the HTTP requests being served send to the database: every statement executed
 * (a JDBC batch counts each of its rows' statements) and every round trip (an execute, a whole
 * batch, a commit or a rollback). Only calls made while a REST request is current are counted, so
 * the outbox relay, the audit chainer and the consumers running meanwhile are left out.
 */
public class CountingDriver implements Driver {

    private static final Set<String> EXECUTES =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    private static final Object LOCK = new Object();
    private static boolean recording;
    private static final List<String> statements = new ArrayList<>();
    private static int roundTrips;

    private final Driver postgres = new org.postgresql.Driver();

    /** What was counted since {@link #start()}. */
    public record Count(List<String> statements, int roundTrips) {}

    /** Starts counting afresh. */
    public static void start() {
        synchronized (LOCK) {
            statements.clear();
            roundTrips = 0;
            recording = true;
        }
    }

    /** Stops counting and returns what was counted. */
    public static Count stop() {
        synchronized (LOCK) {
            recording = false;
            return new Count(List.copyOf(statements), roundTrips);
        }
    }

    private static void count(List<String> sql, int trips) {
        if (!servingRequest()) {
            return;
        }
        synchronized (LOCK) {
            if (recording) {
                statements.addAll(sql);
                roundTrips += trips;
            }
        }
    }

    private static boolean servingRequest() {
        ArcContainer container = Arc.container();
        return container != null && container.requestContext().isActive() && CurrentRequestManager.get() != null;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = postgres.connect(url, info);
        return connection == null ? null : proxy(Connection.class, connection, new Counted(connection));
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A connection: its statements are counted, and so are commits and rollbacks. */
    private record Counted(Connection connection) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            Object result = call(connection, method, args);
            if (name.equals("commit") || name.equals("rollback")) {
                count(List.of(), 1);
            } else if (result instanceof Statement statement && !name.equals("getMetaData")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                Class<? extends Statement> type = method.getReturnType().asSubclass(Statement.class);
                return proxy(type.cast(statement), sql, type);
            }
            return result;
        }

        private static <S extends Statement> S proxy(Statement statement, String sql, Class<S> type) {
            return CountingDriver.proxy(type, type.cast(statement), new CountedStatement(statement, sql));
        }
    }

    /** A statement: each execute is one round trip, a batch one round trip for all its rows. */
    private static final class CountedStatement implements InvocationHandler {
        private final Statement statement;
        private final String sql;
        private final List<String> batch = new ArrayList<>();

        CountedStatement(Statement statement, String sql) {
            this.statement = statement;
            this.sql = sql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            Object result = call(statement, method, args);
            if (EXECUTES.contains(name)) {
                String executed = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
                count(List.of(String.valueOf(executed)), 1);
            } else if (name.equals("addBatch")) {
                batch.add(args != null && args.length > 0 && args[0] instanceof String s ? s : sql);
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                count(List.copyOf(batch), 1);
                batch.clear();
            } else if (name.equals("clearBatch")) {
                batch.clear();
            }
            return result;
        }
    }
}
