package cn.gov.lvliang.renewal.testing;

import cn.gov.lvliang.renewal.infra.Directories;
import cn.gov.lvliang.renewal.infra.EmbeddedPostgresServer;
import cn.gov.lvliang.renewal.infra.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real PostgreSQL and a real Kafka broker for {@code @QuarkusTest}s, started once per test JVM
 * (surefire runs one JVM per module) and stopped when it exits.
 *
 * <p>Register it in each module with one class in the test sources:
 *
 * <pre>
 * &#64;QuarkusTestResource(value = SuiteInfrastructure.class, restrictToAnnotatedClass = false)
 * public class TestInfrastructure {}
 * </pre>
 */
public class SuiteInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgresServer postgres;
    private static KafkaBroker kafka;
    private static Path publicKeyFile;

    @Override
    public Map<String, String> start() {
        startOnce();
        String database = "app";
        postgres.ensureDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        config.put("quarkus.datasource.password", "postgres");
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", publicKeyFile.toUri().toString());
        // In test mode smallrye-jwt generates an in-memory key pair when none is configured at
        // build time; the inline key replaces it with ours.
        config.put("mp.jwt.verify.publickey", TestKeys.publicKeyPem());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put("suite.pii.encryption-key", TestKeys.ENCRYPTION_KEY);
        config.put("suite.pii.hash-key", TestKeys.HASH_KEY);
        return config;
    }

    @Override
    public void stop() {
        // Kept for the other test classes of this JVM; a shutdown hook stops both servers.
    }

    /** The test JVM's PostgreSQL, for tests that inspect rows or restart the server. */
    public static synchronized EmbeddedPostgresServer postgres() {
        startOnce();
        return postgres;
    }

    /** The test JVM's broker, for tests that consume, produce, or stop it. */
    public static synchronized KafkaBroker kafka() {
        startOnce();
        return kafka;
    }

    private static synchronized void startOnce() {
        if (postgres != null) {
            return;
        }
        Path root;
        try {
            root = Files.createTempDirectory("suite-test-infra");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            publicKeyFile = Files.writeString(root.resolve("token-public-key.pem"), TestKeys.publicKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // One after the other: started in parallel, both could pick the same "free" port.
        postgres = EmbeddedPostgresServer.start(root.resolve("postgres"), 0);
        kafka = KafkaBroker.start(root.resolve("kafka"), 0);
        Path stateDirectory = root;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            kafka.close();
                            postgres.close();
                            // 0.1 to 1.5 GB per test JVM: left behind, a day of test runs filled the disk
                            Directories.deleteRecursively(stateDirectory);
                        },
                        "suite-test-infra-stop"));
    }
}
