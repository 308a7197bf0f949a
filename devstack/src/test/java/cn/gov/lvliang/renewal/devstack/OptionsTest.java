package cn.gov.lvliang.renewal.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Path CWD = Path.of("/repo");

    @Test
    void defaultsWithoutArgumentsOrEnvironment() {
        Options options = Options.parse(List.of(), Map.of(), CWD);
        assertEquals(Path.of("/repo"), options.root());
        assertEquals(Path.of("/repo/.devstack"), options.stateDirectory());
        assertEquals(Path.of("/repo/.devstack/data"), options.dataDirectory());
        assertEquals(8080, options.port("gateway"));
        assertEquals(8084, options.port("recycling"));
        assertEquals(15432, options.port("postgres"));
        assertEquals(19092, options.port("kafka"));
        assertEquals(App.WITH_CONSOLE, options.apps());
        assertFalse(options.fresh());
    }

    @Test
    void optionsOverrideEnvironmentWhichOverridesDefaults() {
        Map<String, String> env = Map.of("SUITE_GATEWAY_PORT", "9080", "SUITE_KAFKA_PORT", "29092");
        Options options = Options.parse(
                List.of("--gateway-port", "7080", "--postgres-port=25432", "--fresh", "--root", "other"), env, CWD);
        assertEquals(7080, options.port("gateway"));
        assertEquals(29092, options.port("kafka"));
        assertEquals(25432, options.port("postgres"));
        assertEquals(Path.of("/repo/other"), options.root());
        assertEquals(Path.of("/repo/other/.devstack"), options.stateDirectory());
        assertTrue(options.fresh());
    }

    @Test
    void stateOnlyAndHelp() {
        Options options = Options.parse(
                List.of("--state", "/tmp/s", "--only", "gateway,recycling-service", "--skip-missing"), Map.of(), CWD);
        assertEquals(Path.of("/tmp/s"), options.stateDirectory());
        assertEquals(List.of(App.RECYCLING, App.GATEWAY), options.apps()); // start order, not argument order
        assertTrue(options.skipMissing());
        assertNull(Options.parse(List.of("--help"), Map.of(), CWD));
        assertTrue(Options.usage().contains("--recycling-port"));
    }

    @Test
    void infraOnlyStartsNoApplicationAndWritesDevModeSettingsIntoTheStateDirectory() {
        assertFalse(Options.parse(List.of(), Map.of(), CWD).infraOnly());
        Options options = Options.parse(List.of("--infra-only", "--postgres-port", "25432"), Map.of(), CWD);
        assertTrue(options.infraOnly());
        assertEquals(25432, options.port("postgres"));
        assertEquals(Path.of("/repo/.devstack/dev-mode"), options.devModeDirectory());
        assertTrue(Options.usage().contains("--infra-only"));
    }

    @Test
    void replicasAndJsonLogs() {
        Options plain = Options.parse(List.of(), Map.of(), CWD);
        assertEquals(1, plain.replicas());
        assertFalse(plain.jsonLogs());
        Options options = Options.parse(List.of("--replicas", "2", "--json-logs"), Map.of(), CWD);
        assertEquals(2, options.replicas());
        assertTrue(options.jsonLogs());
        assertEquals(3, Options.parse(List.of("--replicas=3"), Map.of(), CWD).replicas());
        assertThrows(Options.UsageException.class, () -> Options.parse(List.of("--replicas", "0"), Map.of(), CWD));
        assertThrows(Options.UsageException.class, () -> Options.parse(List.of("--replicas", "9"), Map.of(), CWD));
        assertThrows(Options.UsageException.class, () -> Options.parse(List.of("--replicas", "two"), Map.of(), CWD));
        assertTrue(Options.usage().contains("--replicas N"));
    }

    @Test
    void anotherTokenIssuerNeedsBothTheIssuerAndItsKeys() {
        assertNull(Options.parse(List.of(), Map.of(), CWD).tokenIssuer());
        String realm = "http://127.0.0.1:8180/realms/lvliang-renewal";
        Options options = Options.parse(
                List.of("--jwt-issuer", realm, "--jwt-public-key-location=" + realm + "/protocol/openid-connect/certs"),
                Map.of(),
                CWD);
        assertEquals(new Options.TokenIssuer(realm, realm + "/protocol/openid-connect/certs"), options.tokenIssuer());
        assertEquals(
                options.tokenIssuer(), options.withFreePorts().withFresh(true).tokenIssuer());
        assertThrows(Options.UsageException.class, () -> Options.parse(List.of("--jwt-issuer", realm), Map.of(), CWD));
        assertThrows(IllegalArgumentException.class, () -> Options.defaults(CWD).withTokenIssuer(realm, " "));
        assertTrue(Options.usage().contains("--jwt-public-key-location"));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(Options.UsageException.class, () -> Options.parse(List.of("--nope"), Map.of(), CWD));
        assertThrows(Options.UsageException.class, () -> Options.parse(List.of("--tasks-port"), Map.of(), CWD));
        assertThrows(Options.UsageException.class, () -> Options.parse(List.of("--tasks-port", "x"), Map.of(), CWD));
        assertThrows(
                Options.UsageException.class, () -> Options.parse(List.of("--tasks-port", "70000"), Map.of(), CWD));
        assertThrows(Options.UsageException.class, () -> Options.parse(List.of("--only", "billing"), Map.of(), CWD));
        Options.UsageException env = assertThrows(
                Options.UsageException.class, () -> Options.parse(List.of(), Map.of("SUITE_TASKS_PORT", "abc"), CWD));
        assertTrue(env.getMessage().contains("SUITE_TASKS_PORT"));
    }

    @Test
    void aTakenPortIsNamedWithItsPurposeAndOptionBeforeAnythingStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Options options = Options.defaults(CWD).withFreePorts().withPort("kafka", port);
            IllegalStateException error =
                    assertThrows(IllegalStateException.class, () -> DevStack.resolvePorts(options));
            assertEquals(
                    "Port " + port + " (Kafka broker) is already in use. Stop whatever listens there, "
                            + "or choose another port with --kafka-port or SUITE_KAFKA_PORT.",
                    error.getMessage());
        }
    }

    @Test
    void portZeroPicksDistinctFreePortsAndDuplicatesAreRefused() {
        Options resolved = DevStack.resolvePorts(Options.defaults(CWD).withFreePorts());
        assertEquals(
                Options.PORTS.size(),
                Options.PORTS.stream()
                        .map(setting -> resolved.port(setting.key()))
                        .filter(port -> port > 0)
                        .distinct()
                        .count());
        Options clash = resolved.withPort("tasks", resolved.port("gateway"));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> DevStack.resolvePorts(clash));
        assertTrue(error.getMessage().contains("--tasks-port"), error.getMessage());
        assertTrue(error.getMessage().contains("--gateway-port"), error.getMessage());
    }

    @Test
    void missingJarsAreReportedWithTheBuildCommand() {
        Options options = Options.defaults(Path.of("/nonexistent-root"));
        IllegalStateException error =
                assertThrows(IllegalStateException.class, () -> DevStack.prepare(options, System.out));
        assertTrue(error.getMessage().contains("Not built: tasks-service"), error.getMessage());
        assertTrue(
                error.getMessage()
                        .contains("./mvnw -q -DskipTests package -am -pl tasks-service,equipment-inventory-service,"
                                + "tradein-subsidy-service,recycling-service,gateway"),
                error.getMessage());
    }
}
