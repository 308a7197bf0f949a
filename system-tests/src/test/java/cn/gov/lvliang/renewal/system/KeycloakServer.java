package cn.gov.lvliang.renewal.system;

import cn.gov.lvliang.renewal.infra.Directories;
import cn.gov.lvliang.renewal.infra.ManagedProcess;
import cn.gov.lvliang.renewal.infra.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Keycloak server run from its distribution (the {@code keycloak} Maven profile unpacks {@code
 * org.keycloak:keycloak-quarkus-dist} into {@code system-tests/target/keycloak}) in development
 * mode, importing one realm export at start: {@code kc.sh start-dev --import-realm}, loopback only,
 * on free ports, with a fresh H2 database under the distribution's {@code data/} directory.
 */
final class KeycloakServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 60;

    private final ManagedProcess process;
    private final int port;
    private final Path log;
    private final Duration startup;

    private KeycloakServer(ManagedProcess process, int port, Path log, Duration startup) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startup = startup;
    }

    /**
     * Wipes {@code <home>/data}, copies the realm export into {@code data/import}, starts Keycloak
     * with {@code java} and waits until its {@code /health/ready} answers 200.
     */
    static KeycloakServer start(Path home, Path realmExport, String java) {
        Path data = home.resolve("data");
        Directories.deleteRecursively(data);
        Path log = data.resolve("keycloak.log");
        try {
            Path imports = Files.createDirectories(data.resolve("import"));
            Files.copy(realmExport, imports.resolve(realmExport.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = Ports.freePort();
        int management = Ports.freePort();
        while (management == port) {
            management = Ports.freePort();
        }
        List<String> command = List.of(
                "sh",
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--import-realm",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + management,
                "--hostname=http://127.0.0.1:" + port,
                "--health-enabled=true");
        Instant started = Instant.now();
        ManagedProcess process = ManagedProcess.start(
                "keycloak", command, Map.of("JAVA", java, "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m"), home, log);
        try {
            awaitReady(process, log, "http://127.0.0.1:" + management + "/health/ready", started);
        } catch (RuntimeException e) {
            process.stop(STOP_GRACE);
            throw e;
        }
        return new KeycloakServer(process, port, log, Duration.between(started, Instant.now()));
    }

    private static void awaitReady(ManagedProcess process, Path log, String health, Instant started) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(health))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        while (true) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            if (!process.isAlive()) {
                String tail = logTail(log);
                String hint = tail.contains("UnsupportedClassVersionError")
                        ? "\nThis Keycloak needs a newer Java: run with -Dkeycloak.java=/path/to/jdk/bin/java"
                        : "";
                throw new IllegalStateException(
                        "Keycloak exited with code " + process.exitValue() + " before it was ready\n" + tail + hint);
            }
            if (Duration.between(started, Instant.now()).compareTo(READY_TIMEOUT) > 0) {
                throw new IllegalStateException("Keycloak was not ready after " + READY_TIMEOUT + "\n" + logTail(log));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
        }
    }

    /** The realm's issuer, the {@code iss} of its tokens. */
    String issuer(String realm) {
        return "http://127.0.0.1:" + port + "/realms/" + realm;
    }

    String jwksUrl(String realm) {
        return issuer(realm) + "/protocol/openid-connect/certs";
    }

    String tokenUrl(String realm) {
        return issuer(realm) + "/protocol/openid-connect/token";
    }

    /** From the start of {@code kc.sh} to {@code /health/ready} answering 200. */
    Duration startup() {
        return startup;
    }

    Path log() {
        return log;
    }

    String logText() {
        return read(log);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String logTail(Path log) {
        List<String> lines = read(log).lines().toList();
        return "---- last lines of " + log + " ----\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()))
                + "\n---- end of " + log + " ----";
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }
}
