package cn.gov.lvliang.renewal.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from zonky's embedded binaries, listening on 127.0.0.1.
 *
 * <p>With a data directory the server keeps its data across restarts; without one it uses a
 * throw-away directory. A watchdog stops the postmaster if the owning JVM dies without closing
 * it (zonky starts the server through {@code pg_ctl}, so it would otherwise outlive us).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;
    private ParentWatchdog watchdog;

    private EmbeddedPostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where the cluster lives; reused when it already holds one
     * @param port the port, or 0 for any free port
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        int actualPort = port == 0 ? Ports.freePort() : port;
        Ports.requireFree(actualPort, "PostgreSQL");
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory.toAbsolutePath(), actualPort);
        server.startPostmaster();
        return server;
    }

    private void startPostmaster() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPgBinaryResolver(EmbeddedPostgresServer::binaries)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    // commit times of rows (pg_xact_commit_timestamp): the benchmark's event lag
                    // starts at the certificate's commit, as issue 9 defines it
                    .setServerConfig("track_commit_timestamp", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
        }
        // SIGINT is PostgreSQL's "fast" shutdown.
        watchdog = ParentWatchdog.arm(
                "pid=$(head -n 1 \"$1/postmaster.pid\" 2>/dev/null) && kill -INT \"$pid\"", dataDirectory.toString());
    }

    /**
     * The first binaries archive on the classpath. zonky's default resolver refuses to choose when
     * the archive is reachable twice, as it is when a jar's manifest {@code Class-Path} repeats a
     * classpath entry (the devstack jar used by the system tests).
     */
    private static InputStream binaries(String system, String machineHardware) {
        String name = "/postgres-" + system.toLowerCase(Locale.ROOT) + "-" + machineHardware + ".txz";
        InputStream archive = EmbeddedPostgresServer.class.getResourceAsStream(name);
        if (archive == null) {
            throw new IllegalStateException("no embedded PostgreSQL binaries " + name + " on the classpath");
        }
        return archive;
    }

    /** Creates {@code name} unless it exists. */
    public void ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server, as an outage would, keeping its data. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        watchdog.disarm();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    /** Starts the server again on the same port and data directory after {@link #stop()}. */
    public synchronized void restart() {
        stop();
        startPostmaster();
    }

    @Override
    public void close() {
        stop();
    }
}
