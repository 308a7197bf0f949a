package cn.gov.lvliang.renewal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Facts about the machine a run happened on: cores, memory, CPU, JDK, OS, load, commit. */
final class Machine {

    private Machine() {}

    static Map<String, String> facts(Path root) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(
                "cores (available processors)",
                String.valueOf(Runtime.getRuntime().availableProcessors()));
        facts.put("cpu", firstMatching(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"));
        facts.put(
                "memory",
                firstMatching(Path.of("/proc/meminfo"), "MemTotal")
                        .map(v -> (Long.parseLong(v.replaceAll("\\D", "")) / 1024) + " MiB")
                        .orElse("unknown"));
        facts.put(
                "jdk",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vendor") + ")");
        facts.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        facts.put("load average at start (1, 5, 15 min)", read(Path.of("/proc/loadavg"), 3));
        facts.put("commit", command(root, List.of("git", "rev-parse", "--short", "HEAD")));
        facts.put("pgbench", command(root, List.of("pgbench", "--version")));
        return facts;
    }

    private static java.util.Optional<String> firstMatching(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String read(Path file, int fields) {
        try {
            String[] parts = Files.readString(file).trim().split("\\s+");
            return String.join(", ", java.util.Arrays.copyOf(parts, Math.min(fields, parts.length)));
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String command(Path directory, List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "unavailable";
            }
            return output;
        } catch (IOException e) {
            return "unavailable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unavailable";
        }
    }
}
