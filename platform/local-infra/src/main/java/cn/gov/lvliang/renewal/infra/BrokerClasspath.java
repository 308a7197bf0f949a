package cn.gov.lvliang.renewal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the Kafka broker's classpath file that {@code platform/kafka-broker} writes. */
final class BrokerClasspath {

    /** Overrides the search, for runs outside the source tree. */
    static final String PROPERTY = "suite.kafka-broker.classpath";

    static final Path RELATIVE = Path.of("platform", "kafka-broker", "target", "kafka-broker.classpath");

    private BrokerClasspath() {}

    static String read() {
        Path file = locate().orElseThrow(
                        () -> new IllegalStateException("Kafka broker classpath not found. Build it first: "
                                + "./mvnw -pl platform/kafka-broker generate-resources (or set -D" + PROPERTY + ")"));
        try {
            String classpath = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (classpath.isEmpty()) {
                throw new IllegalStateException("empty Kafka broker classpath in " + file);
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Path> locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        // Walk up from the working directory (a module's directory during tests) to the suite root.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
