package cn.gov.lvliang.renewal.bench;

import cn.gov.lvliang.renewal.devstack.App;
import cn.gov.lvliang.renewal.devstack.DevStack;
import cn.gov.lvliang.renewal.devstack.Options;
import cn.gov.lvliang.renewal.infra.Directories;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark harness: {@code ./bench/run [--smoke] [--out DIR] [--only a,b]}. Starts the
 * suite from its packaged jars through devstack (free ports, a fresh state directory), runs every
 * scenario in one run, writes {@code bench-<mode>-<time>.md/.json} and {@code latest-<mode>.md/.json}
 * under {@code bench/results/} (or {@code --out}), and prints the targets table.
 */
public final class Bench {

    /** Scenario names for {@code --only}, in the order they run; the smoke run (BenchSmokeIT) runs these. */
    static final List<String> SCENARIOS = List.of("claims", "pgbench", "lag", "import", "upload", "dashboard");

    /**
     * Scenarios that run after the scale curves, on their data: "dashboard" loads its own 100,000
     * claims (smoke: {@link Profile#SMOKE_SCALE}) unless the scale scenario loaded as many.
     */
    static final List<String> ON_LOADED_DATA = List.of("dashboard");

    /**
     * Scenarios of the full run that the smoke run leaves out, run after the others: "replicas"
     * starts two more suites (1 and 2 instances of each service), minutes of start-up for figures a
     * smoke run would not use.
     */
    static final List<String> FULL_ONLY = List.of("replicas");

    private static final Pattern READY = Pattern.compile("^\\s*(\\S+)\\s+ready on :\\d+\\s+\\[([0-9.]+) s\\]");
    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");

    private final Path root;
    private final Profile profile;
    private final Report report;
    private final Path workDirectory;
    private final PrintStream out;
    private DevStack suite;
    private Http http;
    private Footprint footprint;
    private long loadedClaims;

    Bench(Path root, Profile profile, Path workDirectory, PrintStream out) {
        this.root = root;
        this.profile = profile;
        this.workDirectory = workDirectory;
        this.out = out;
        this.report = new Report(profile.name(), Machine.facts(root));
    }

    public static void main(String[] args) {
        Path root =
                Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize();
        Profile profile = Profile.FULL;
        Path outDirectory = null;
        Set<String> only = null;
        List<Long> scales = List.of();
        long claimsOnlyAbove = Long.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> profile = Profile.SMOKE;
                case "--out" -> outDirectory = Path.of(args[++i]).toAbsolutePath();
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--scale" -> scales = ScaleCurves.parseScales(args[++i]);
                case "--claims-only-above" ->
                    claimsOnlyAbove = ScaleCurves.parseScales(args[++i]).get(0);
                case "-h", "--help" -> {
                    System.out.println("usage: ./bench/run [--smoke] [--out DIR] [--only "
                            + String.join(",", SCENARIOS) + "," + String.join(",", FULL_ONLY)
                            + "] [--scale 1e5,1e6] [--claims-only-above 1e6] [--no-build]\n"
                            + "Starts the suite, runs every scenario, writes the report under bench/results/.\n"
                            + "--scale loads that many claims (and the data derived from them) with COPY and"
                            + " measures the scale curves; alone it runs no other scenario (add --only for them).\n"
                            + "--claims-only-above N: rounds that end above N claims load the claims, their checks,"
                            + " transitions and uniqueness keys only, and measure the claim, list and dashboard"
                            + " operations (10⁷ claims with everything derived needs about 95 GB of disk).");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
        if (only == null) {
            Set<String> every = new java.util.HashSet<>(SCENARIOS);
            if (profile.equals(Profile.FULL)) {
                every.addAll(FULL_ONLY);
            }
            only = scales.isEmpty() ? Set.copyOf(every) : Set.of();
        }
        Path target = outDirectory != null ? outDirectory : root.resolve("bench/results");
        Report report = runAll(root, profile, only, new ScalePlan(scales, claimsOnlyAbove), target, System.out);
        boolean allMet = report.targets().stream().allMatch(Report.Target::met);
        System.out.println(allMet ? "Every target met." : "Some targets not met; see the report.");
    }

    /** Runs the scenarios and writes the report; the suite is stopped before this returns. */
    public static Report runAll(
            Path root, Profile profile, Set<String> only, ScalePlan scales, Path outDirectory, PrintStream out) {
        Path work;
        try {
            work = Files.createTempDirectory("bench-" + profile.name() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("Benchmark (" + profile.name() + "), work files and app logs in " + work);
        Bench bench = new Bench(root, profile, work, out);
        try {
            bench.startSuite(only.contains("dashboard"));
            List<String> scenarios = new ArrayList<>(SCENARIOS);
            scenarios.addAll(FULL_ONLY);
            for (String scenario : scenarios) {
                if (only.contains(scenario) && !ON_LOADED_DATA.contains(scenario)) {
                    bench.runScenario(scenario, only);
                }
            }
            if (!scales.isEmpty()) {
                // Last: the other scenarios keep measuring the nearly empty databases they always have.
                out.println("== scale curves " + scales.scales()
                        + (scales.claimsOnlyAbove() == Long.MAX_VALUE
                                ? ""
                                : ", claims only above " + scales.claimsOnlyAbove())
                        + " ==");
                Instant started = Instant.now();
                try {
                    ScaleScenario.run(bench, scales);
                } catch (RuntimeException e) {
                    bench.report.note("scenario scale failed: " + e.getMessage());
                    out.println("scenario scale failed: " + e);
                    e.printStackTrace(out);
                }
                double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
                bench.report.put("scale.scenario_s", seconds, "s", "the whole scale scenario: loads, checks, curves");
                out.printf("   [scale took %.0f s]%n", seconds);
            }
            for (String scenario : ON_LOADED_DATA) {
                if (only.contains(scenario)) {
                    bench.runScenario(scenario, only);
                }
            }
            List<String> exited = bench.suite.exitedApps();
            if (!exited.isEmpty()) {
                bench.report.note("applications that exited during the run: " + exited);
            }
        } finally {
            if (bench.suite != null) {
                bench.suite.close();
                // The suite's PostgreSQL and Kafka data: 1 to 5 GB per full run, of no use afterwards
                Directories.deleteRecursively(bench.suite.options().dataDirectory());
            }
        }
        Targets.evaluate(bench.report, profile);
        bench.report.note("Work files (load-generator logs, pgbench logs, generated import files) and the"
                + " applications' logs of this run (its databases are deleted): " + work);
        List<Path> written = bench.report.write(outDirectory);
        out.println("Report: " + written);
        for (Report.Target t : bench.report.targets()) {
            out.printf("  %-10s %s — %s%n", t.met() ? "met" : "NOT MET", t.target(), t.measured());
        }
        return bench.report;
    }

    private void runScenario(String scenario, Set<String> only) {
        out.println("== scenario " + scenario + " ==");
        Instant started = Instant.now();
        try {
            switch (scenario) {
                case "claims" -> ClaimScenario.run(this, only.contains("pgbench"));
                case "pgbench" -> {
                    if (only.contains("claims")) {
                        out.println("   (ran in the claim rounds)");
                    } else {
                        PgbenchScenario.run(this);
                    }
                }
                case "lag" -> EventLagScenario.run(this);
                case "import" -> ImportScenario.run(this);
                case "upload" -> UploadScenario.run(this);
                case "dashboard" -> DashboardScenario.run(this);
                case "replicas" -> ReplicaScenario.run(this);
                default -> throw new IllegalStateException(scenario);
            }
        } catch (RuntimeException e) {
            report.note("scenario " + scenario + " failed: " + e.getMessage());
            out.println("scenario " + scenario + " failed: " + e);
            e.printStackTrace(out);
        }
        out.printf(
                "   [%s took %.0f s]%n",
                scenario, Duration.between(started, Instant.now()).toSeconds() * 1.0);
    }

    /** Starts the suite; with the web console when a scenario opens it (the dashboard). */
    private void startSuite(boolean withConsole) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new TeeStream(out, captured), true, StandardCharsets.UTF_8);
        Options options = Options.defaults(root)
                .withApps(withConsole ? App.WITH_CONSOLE : App.ALL)
                .withFreePorts()
                .withStateDirectory(workDirectory.resolve("suite"));
        Instant started = Instant.now();
        suite = DevStack.start(options, tee);
        double suiteSeconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        http = new Http(suite.gatewayUrl());
        report.put(
                "startup.suite.ready_s",
                suiteSeconds,
                "s",
                "launcher start → every application ready (PostgreSQL, Kafka, four services in parallel, then the gateway)");
        Map<String, Double> ready = new LinkedHashMap<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                ready.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        List<String> modules = new ArrayList<>();
        App.ALL.forEach(app -> modules.add(app.module()));
        for (String module : modules) {
            report.put(
                    "startup." + module + ".ready_parallel_s",
                    ready.getOrDefault(module, Double.NaN),
                    "s",
                    "process start → /q/health/ready answers 200, as the launcher starts them (the four services"
                            + " together, then the gateway)");
            report.put(
                    "startup." + module + ".quarkus_started_s",
                    quarkusStarted(suite.log(App.named(module).orElseThrow())),
                    "s",
                    "Quarkus' own \"started in\" figure from the application log (first start)");
        }
        Footprint first = new Footprint(root, modules);
        ChildJvm.sleep(profile.settle().toMillis());
        first.rssKib()
                .forEach((name, kib) -> report.put(
                        "rss." + name + ".idle_mb", kib / 1024.0, "MiB", "RSS of " + name + " when idle after start"));
        for (String module : modules) {
            if (!profile.restartEachApp()) {
                report.put(
                        "startup." + module + ".ready_s",
                        report.require("startup." + module + ".ready_parallel_s"),
                        "s",
                        "as started together (this profile does not restart each application alone)");
                continue;
            }
            Duration alone = suite.restart(module);
            out.printf("  %s restarted alone: ready in %.2f s%n", module, alone.toMillis() / 1000.0);
            report.put(
                    "startup." + module + ".ready_s",
                    alone.toMillis() / 1000.0,
                    "s",
                    "process start → /q/health/ready answers 200 when started alone, the rest of the suite idle"
                            + " (polled every 100 ms)");
            new Footprint(root, List.of(module))
                    .pids().values().stream()
                            .findFirst()
                            .flatMap(Footprint::cpuSeconds)
                            .ifPresent(cpu -> report.put(
                                    "startup." + module + ".cpu_to_ready_s",
                                    cpu,
                                    "s",
                                    "CPU time (user + system) of the application's JVM from its start until ready,"
                                            + " started alone: what other work on the machine changes least"));
        }
        footprint = new Footprint(root, modules);
    }

    private static double quarkusStarted(Path log) {
        try {
            double last = Double.NaN;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = QUARKUS_STARTED.matcher(line);
                if (m.find()) {
                    last = Double.parseDouble(m.group(1));
                }
            }
            return last;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    Path root() {
        return root;
    }

    Profile profile() {
        return profile;
    }

    Report report() {
        return report;
    }

    Path workDirectory() {
        return workDirectory;
    }

    PrintStream out() {
        return out;
    }

    DevStack suite() {
        return suite;
    }

    Http http() {
        return http;
    }

    Footprint footprint() {
        return footprint;
    }

    /** Claims the scale loader has loaded so far (0 before any load). */
    long loadedClaims() {
        return loadedClaims;
    }

    void loaded(long claims) {
        loadedClaims = claims;
    }

    /** Copies the launcher's output to the console and keeps it for parsing. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}
