package cn.gov.lvliang.renewal.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a shell command when the JVM that started it dies, however it dies (SIGKILL included).
 *
 * <p>The watchdog is a small {@code sh} child whose standard input is a pipe from this JVM. The
 * kernel closes that pipe when the JVM exits; {@code cat} then sees end-of-file and the clean-up
 * command runs. {@link #disarm()} ends the watchdog without running the command, for the normal
 * shutdown path where the owner cleans up itself. The watchdog ignores SIGINT and SIGHUP, so a
 * Ctrl-C in the terminal reaches only the owner, which shuts down in its own order.
 */
final class ParentWatchdog {

    private final Process process;

    private ParentWatchdog(Process process) {
        this.process = process;
    }

    /**
     * @param script a POSIX shell script, run after the parent dies; positional arguments are
     *     available as $1, $2, ...
     */
    static ParentWatchdog arm(String script, String... args) {
        List<String> command =
                new ArrayList<>(List.of("sh", "-c", "trap '' INT HUP; cat > /dev/null; " + script, "watchdog"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new ParentWatchdog(process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start watchdog", e);
        }
    }

    /** Ends the watchdog without running its command. */
    void disarm() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
