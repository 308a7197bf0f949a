package cn.gov.lvliang.renewal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process that cannot outlive the JVM that started it.
 *
 * <p>The command runs under a small {@code sh} wrapper that keeps the wrapper's standard input, a
 * pipe from this JVM, as a watchdog: when this JVM dies, however it dies, the kernel closes the
 * pipe, {@code cat} sees end-of-file and the child is sent SIGTERM. {@link #stop(Duration)} closes
 * the pipe on purpose, which is the same clean SIGTERM. The wrapper and the child ignore SIGINT and
 * SIGHUP, so a Ctrl-C in the terminal reaches only the owner, which then stops its children in the
 * order it chooses.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final String WRAPPER = "exec 3<&0; trap '' INT HUP; \"$@\" </dev/null & child=$!; "
            + "(cat <&3 >/dev/null; kill -TERM $child 2>/dev/null) & "
            + "trap 'kill -TERM $child 2>/dev/null' TERM; "
            + "wait $child; wait $child";

    private final String name;
    private final Process process;

    private ManagedProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /**
     * Starts {@code command} with standard output and error appended to {@code log}.
     *
     * @param name a short name, for messages
     * @param environment added to (and overriding) this JVM's environment
     * @param workingDirectory the child's working directory
     */
    public static ManagedProcess start(
            String name, List<String> command, Map<String, String> environment, Path workingDirectory, Path log) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", WRAPPER, name));
        wrapped.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(wrapped)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new ManagedProcess(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** The {@code java} executable of this JVM, so that children run on the same JDK. */
    public static String currentJava() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public String name() {
        return name;
    }

    /** The wrapper's pid; the child is its only long-lived descendant. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's exit status; only valid once {@link #isAlive()} is false. */
    public int exitValue() {
        return process.exitValue();
    }

    /**
     * Sends SIGTERM and waits up to {@code grace} for the child to exit, then kills it and its
     * descendants. Does nothing if it has already exited.
     */
    public void stop(Duration grace) {
        try {
            process.getOutputStream().close(); // the watchdog sends SIGTERM
        } catch (IOException ignored) {
            // the pipe is closed either way
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(60));
    }
}
