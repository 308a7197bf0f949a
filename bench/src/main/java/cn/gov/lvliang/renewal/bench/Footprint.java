package cn.gov.lvliang.renewal.bench;

import cn.gov.lvliang.renewal.devstack.App;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Resident memory of the suite's processes, from {@code /proc/<pid>/status} (VmRSS), found
 * among this JVM's descendants by their working directory (an application's quarkus-app directory). A sampler thread keeps the highest value
 * seen per process while a scenario runs.
 */
final class Footprint {

    /** Process name (an application's module, or {@code kafka-broker}) → pid. */
    private final Map<String, Long> pids = new LinkedHashMap<>();

    private final Map<String, Long> peakKib = new ConcurrentHashMap<>();
    private volatile Thread sampler;

    /** The JVMs of {@code modules} under {@code root}, and the broker's. */
    Footprint(Path root, Iterable<String> modules) {
        for (String module : modules) {
            // The launcher runs each application from its quarkus-app directory (for AppCDS).
            Path directory = realPath(App.named(module).orElseThrow().jar(root).getParent());
            find(p -> directory.equals(realPath(Path.of("/proc", String.valueOf(p.pid()), "cwd"))))
                    .ifPresent(pid -> pids.put(module, pid));
        }
        find(p -> p.info().commandLine().map(c -> c.contains("kafka.Kafka")).orElse(false))
                .ifPresent(pid -> pids.put("kafka-broker", pid));
    }

    private static Optional<Long> find(Predicate<ProcessHandle> which) {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .filter(which)
                .map(ProcessHandle::pid)
                .findFirst();
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    Map<String, Long> pids() {
        return Map.copyOf(pids);
    }

    /** RSS in KiB of every known process now. */
    Map<String, Long> rssKib() {
        Map<String, Long> rss = new LinkedHashMap<>();
        pids.forEach((name, pid) -> rss(pid).ifPresent(kib -> rss.put(name, kib)));
        return rss;
    }

    /**
     * CPU time (user + system) the process has used so far, from {@code /proc/<pid>/stat} (fields 14
     * and 15, in clock ticks of 1/100 s): unlike the wall time to ready, it barely changes when
     * other work shares the machine (decision 0053).
     */
    static Optional<Double> cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // after the command name, which may hold spaces: field 3 onwards
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Long> rss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Starts recording the peak RSS of every process every 250 ms. */
    synchronized void startSampling() {
        peakKib.clear();
        Thread thread = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        rssKib().forEach((name, kib) -> peakKib.merge(name, kib, Math::max));
                        try {
                            Thread.sleep(250);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "rss-sampler");
        thread.setDaemon(true);
        thread.start();
        sampler = thread;
    }

    /** Stops sampling and returns the peak RSS per process in KiB. */
    synchronized Map<String, Long> stopSampling() {
        Thread thread = sampler;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        rssKib().forEach((name, kib) -> peakKib.merge(name, kib, Math::max));
        return new LinkedHashMap<>(peakKib);
    }
}
