package cn.gov.lvliang.renewal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) running in its own JVM.
 *
 * <p>The broker's jars come from {@code platform/kafka-broker}, whose build writes their classpath
 * to a file, so that Scala and the broker's Jackson never reach an application classpath. The log
 * directory survives restarts: {@code StorageTool format} runs only when it is empty.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private ManagedProcess process;

    private KafkaBroker(Path directory, int port, int controllerPort, String classpath) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
    }

    /**
     * Formats (once) and starts a broker, and waits until it answers.
     *
     * @param directory holds {@code server.properties}, the log directory and {@code broker.log}
     * @param port the client port, or 0 for any free port
     */
    public static KafkaBroker start(Path directory, int port) {
        int clientPort = port == 0 ? Ports.freePort() : port;
        Ports.requireFree(clientPort, "Kafka");
        int controllerPort = Ports.freePort();
        KafkaBroker broker =
                new KafkaBroker(directory.toAbsolutePath(), clientPort, controllerPort, BrokerClasspath.read());
        broker.writeConfig();
        broker.formatOnce();
        broker.launch();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private Path config() {
        return directory.resolve("server.properties");
    }

    private Path logDirectory() {
        return directory.resolve("kraft-logs");
    }

    private void writeConfig() {
        String properties = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirectory(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
        try {
            Files.createDirectories(directory);
            Files.writeString(config(), properties, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void formatOnce() {
        if (Files.exists(logDirectory().resolve("meta.properties"))) {
            return;
        }
        List<String> command = javaCommand("kafka.tools.StorageTool");
        // "=" form: a random id may start with "-", which would read as an option.
        command.addAll(List.of("format", "--cluster-id=" + clusterId(), "--config", config().toString()));
        try {
            Process format = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("broker.log").toFile()))
                    .start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException(
                        "kafka StorageTool format failed; see " + directory.resolve("broker.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String clusterId() {
        // A Kafka cluster id is 16 random bytes in URL-safe base64 without padding.
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private List<String> javaCommand(String mainClass) {
        String java = ManagedProcess.currentJava();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xms256m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaServer=info",
                "-cp",
                classpath,
                mainClass));
        return command;
    }

    private synchronized void launch() {
        // ManagedProcess sends the broker SIGTERM when this JVM dies, so no broker outlives its owner.
        List<String> command = javaCommand("kafka.Kafka");
        command.add(config().toString());
        process = ManagedProcess.start("kafka-broker", command, Map.of(), directory, directory.resolve("broker.log"));
        try {
            awaitReady();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Kafka broker exited with " + process.exitValue() + "; see " + directory.resolve("broker.log"));
            }
            try (Admin admin = Admin.create(config)) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = new IllegalStateException(e);
                sleep(250);
            }
        }
        throw new IllegalStateException("Kafka broker not ready after " + READY_TIMEOUT, last);
    }

    /** Stops the broker, as an outage would, keeping its logs. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.stop(Duration.ofSeconds(60)); // SIGTERM: a clean shutdown
        } finally {
            process = null;
        }
    }

    /** Starts the broker again on the same ports and data after {@link #stop()}. */
    public synchronized void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
