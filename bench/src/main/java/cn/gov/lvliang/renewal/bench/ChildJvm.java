package cn.gov.lvliang.renewal.bench;

import cn.gov.lvliang.renewal.infra.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a class of this module in its own JVM (the load generator) and waits for it, bounded. */
final class ChildJvm {

    private ChildJvm() {}

    static String classpath(Path root) {
        Path target = root.resolve("bench/target");
        Path file = target.resolve("bench.classpath");
        try {
            return target.resolve("classes")
                    + java.io.File.pathSeparator
                    + Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "no " + file
                            + ": build the harness first (./bench/run does: ./mvnw -q -DskipTests package -pl bench -am)",
                    e);
        }
    }

    /** Runs {@code mainClass} with {@code args}; its output goes to {@code log}. Throws on failure. */
    static void run(Path root, Class<?> mainClass, List<String> args, Path log, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(
                ManagedProcess.currentJava(),
                "-Xmx512m",
                "-XX:+UseParallelGC",
                "-cp",
                classpath(root),
                mainClass.getName()));
        command.addAll(args);
        ManagedProcess process = ManagedProcess.start(mainClass.getSimpleName(), command, Map.of(), root, log);
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (process.isAlive()) {
                if (Instant.now().isAfter(deadline)) {
                    process.stop(Duration.ofSeconds(5));
                    throw new IllegalStateException(
                            mainClass.getSimpleName() + " did not finish within " + timeout + "; see " + log);
                }
                sleep(100);
            }
        } finally {
            process.stop(Duration.ofSeconds(5));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    mainClass.getSimpleName() + " failed with exit code " + process.exitValue() + "; see " + log);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
