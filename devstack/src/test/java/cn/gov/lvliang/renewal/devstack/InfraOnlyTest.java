package cn.gov.lvliang.renewal.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.lvliang.renewal.infra.Directories;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code ./suite --infra-only}: PostgreSQL, Kafka and the dev keys, and for each application a
 * {@code %dev} settings file that points {@code quarkus:dev} at them. Starts nothing from target/.
 */
class InfraOnlyTest {

    @Test
    void startsTheInfrastructureOnlyAndWritesEachApplicationsDevModeSettings() throws IOException {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath();
        Path state = Files.createTempDirectory("devstack-infra-only");
        Options options =
                Options.defaults(root).withFreePorts().withStateDirectory(state).withInfraOnly(true);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (DevStack stack = DevStack.start(options, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            assertTrue(stack.exitedApps().isEmpty());
            Options used = stack.options();
            Properties subsidy = read(used.devModeDirectory().resolve("tradein-subsidy-service.properties"));
            assertEquals(
                    "jdbc:postgresql://127.0.0.1:" + used.port("postgres") + "/subsidy",
                    subsidy.getProperty("%dev.quarkus.datasource.jdbc.url"));
            assertEquals(stack.kafka().bootstrapServers(), subsidy.getProperty("%dev.kafka.bootstrap.servers"));
            assertEquals(
                    stack.keys().encryptionKey("tradein-subsidy-service"),
                    subsidy.getProperty("%dev.suite.pii.encryption-key"));
            assertEquals(String.valueOf(used.port("subsidy")), subsidy.getProperty("%dev.quarkus.http.port"));
            Properties gateway = read(used.devModeDirectory().resolve("gateway.properties"));
            assertEquals(
                    "http://127.0.0.1:" + used.port("subsidy"),
                    gateway.getProperty("%dev.suite.gateway.backends.tradein-subsidy-service.url"));
            assertFalse(gateway.containsKey("%dev.suite.pii.hash-key"), "the gateway holds no PII key");
            assertEquals(
                    "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(
                            used.devModeDirectory().resolve("tradein-subsidy-service.properties"))));
            String banner = stack.banner();
            assertTrue(banner.contains("./mvnw quarkus:dev -pl tradein-subsidy-service -am"), banner);
            assertTrue(banner.contains("-Dquarkus.config.locations=" + used.devModeDirectory()), banner);
        } finally {
            Directories.deleteRecursively(state);
        }
        assertFalse(printed.toString(StandardCharsets.UTF_8).contains("starting (pid"), "no application started");
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
