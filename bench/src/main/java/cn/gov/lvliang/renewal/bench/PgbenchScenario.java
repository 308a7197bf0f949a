package cn.gov.lvliang.renewal.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scenario 3: the database baseline. {@code pgbench} (PostgreSQL's own load tool, from the
 * machine's PostgreSQL client package) runs two custom scripts against copies of the subsidy
 * tables (schema {@code bench}, created {@code LIKE} the real ones, indexes included) in the same
 * PostgreSQL server the services use, at the same concurrencies as the claim load:
 *
 * <ul>
 *   <li>{@code issue_shape}: the shape the benchmark issue names (duplicate lookup by keyed hash,
 *       claim insert, budget conditional update, outbox insert) — the target's baseline;
 *   <li>{@code full_shape}: every statement the service itself runs to file one claim.
 * </ul>
 */
final class PgbenchScenario {

    static final List<String> SCRIPTS = List.of("issue_shape", "full_shape");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: ([0-9]+)");
    private static final List<String> TABLES = List.of(
            "claim",
            "claim_check",
            "claim_transition",
            "claim_unique_use",
            "idempotency_key",
            "budget_account",
            "outbox_event",
            "audit_pending");

    private PgbenchScenario() {}

    /**
     * pgbench on its own, when the claim scenario does not run ({@code --only pgbench}): one slice
     * per script and concurrency of {@link Profile#pgbenchDuration()}.
     */
    static void run(Bench bench) {
        Baseline baseline = prepare(bench);
        for (int concurrency : bench.profile().concurrencies()) {
            baseline.round(concurrency, bench.profile().pgbenchDuration());
        }
        baseline.report();
    }

    /** Checks for pgbench, creates the bench tables and scripts, and returns the empty tallies. */
    static Baseline prepare(Bench bench) {
        String pgbench = System.getenv().getOrDefault("PGBENCH", "pgbench");
        if (Machine.command(bench.root(), List.of(pgbench, "--version")).equals("unavailable")) {
            throw new IllegalStateException("pgbench is not installed: ./bench/run installs the PostgreSQL client"
                    + " package (apt-get install postgresql-client) when it is missing; or set PGBENCH");
        }
        prepare(bench.suite().postgres().jdbcUrl("subsidy"));
        Map<String, Path> scripts = new LinkedHashMap<>();
        for (String script : SCRIPTS) {
            Path file = bench.workDirectory().resolve("claim-" + script.replace('_', '-') + ".sql");
            copyResource("/pgbench/claim-" + script.replace('_', '-') + ".sql", file);
            scripts.put(script, file);
        }
        return new Baseline(bench, pgbench, scripts);
    }

    /**
     * The pgbench figures of a run, added up over its slices per script and concurrency, so that
     * slices can alternate with the claim rounds and meet the same competing load.
     */
    static final class Baseline {
        private final Bench bench;
        private final String pgbench;
        private final Map<String, Path> scripts;
        private final Map<String, Tally> tallies = new LinkedHashMap<>();
        private int slices;

        private Baseline(Bench bench, String pgbench, Map<String, Path> scripts) {
            this.bench = bench;
            this.pgbench = pgbench;
            this.scripts = scripts;
        }

        /** One slice of each script at {@code concurrency}. */
        void round(int concurrency, Duration duration) {
            for (Map.Entry<String, Path> script : scripts.entrySet()) {
                Run run = pgbench(bench, pgbench, script.getValue(), concurrency, script.getKey(), duration, ++slices);
                tallies.computeIfAbsent(script.getKey() + ".c" + concurrency, key -> new Tally())
                        .add(run);
            }
        }

        /** Writes each script's figures and the service/pgbench ratios (when the claims ran). */
        void report() {
            Report report = bench.report();
            for (int concurrency : bench.profile().concurrencies()) {
                for (String script : SCRIPTS) {
                    Tally tally = tallies.get(script + ".c" + concurrency);
                    if (tally == null) {
                        continue;
                    }
                    String prefix = "pgbench." + script + ".c" + concurrency + ".";
                    report.put(prefix + "tps", tally.tps(), "tx/s", "pgbench transactions per second, " + script);
                    report.put(prefix + "p50_ms", tally.percentile(50), "ms", "pgbench median transaction latency");
                    report.put(
                            prefix + "p99_ms",
                            tally.percentile(99),
                            "ms",
                            "pgbench 99th percentile transaction latency");
                    if (report.value("claims.direct.c" + concurrency + ".throughput_rps")
                            .isPresent()) {
                        report.put(
                                "pgbench.ratio.c" + concurrency + ".service_over_" + script,
                                report.require("claims.direct.c" + concurrency + ".throughput_rps") / tally.tps(),
                                "ratio",
                                "direct claim throughput / pgbench " + script + " tps");
                    }
                }
            }
        }
    }

    /** Transactions, seconds and latencies of the slices of one script at one concurrency. */
    private static final class Tally {
        private long transactions;
        private double seconds;
        private final List<double[]> latencies = new ArrayList<>();

        void add(Run run) {
            transactions += run.transactions();
            seconds += run.transactions() / run.tps();
            latencies.add(run.sortedMillis());
        }

        double tps() {
            return seconds == 0 ? Double.NaN : transactions / seconds;
        }

        double percentile(double p) {
            double[] all =
                    latencies.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
            return new Run(0, 0, all).percentile(p);
        }
    }

    /** Fresh copies of the tables the scripts write, and budget accounts that never run dry. */
    private static void prepare(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists bench cascade");
            s.execute("create schema bench");
            for (String table : TABLES) {
                s.execute("create table bench." + table + " (like public." + table + " including all)");
            }
            s.execute("insert into bench.budget_account (programme_id, county, funding_source, allocated_fen)"
                    + " select 'HOME-APPLIANCE', c, f, 9000000000000000 from unnest(array['"
                    + String.join("','", Bodies.COUNTIES) + "']) with ordinality as cs(c, i)"
                    + " cross join unnest(array['CENTRAL','PROVINCIAL','CITY','COUNTY']) with ordinality as fs(f, j)"
                    + " order by i, j");
            // Start from the rows the service's own table holds by now (the claim scenario ran first),
            // with planner statistics, as the service's table has them.
            s.execute("insert into bench.claim select * from public.claim");
            s.execute("analyze bench.claim, bench.budget_account");
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the pgbench tables", e);
        }
    }

    record Run(double tps, long transactions, double[] sortedMillis) {
        double percentile(double p) {
            if (sortedMillis.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedMillis.length) - 1;
            return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, index))];
        }
    }

    private static Run pgbench(
            Bench bench, String pgbench, Path script, int concurrency, String name, Duration duration, int slice) {
        String label = "pgbench-" + name + "-c" + concurrency + "-s" + slice;
        Path logs = bench.workDirectory().resolve(label);
        Path output = bench.workDirectory().resolve(label + ".out");
        try {
            Files.createDirectories(logs);
            int threads = Math.min(concurrency, Runtime.getRuntime().availableProcessors());
            long seconds = Math.max(1, duration.toSeconds());
            ProcessBuilder builder = new ProcessBuilder(
                            pgbench,
                            "-h",
                            "127.0.0.1",
                            "-p",
                            String.valueOf(bench.suite().postgres().port()),
                            "-U",
                            "postgres",
                            "-n",
                            "-r",
                            "-M",
                            "prepared",
                            "-c",
                            String.valueOf(concurrency),
                            "-j",
                            String.valueOf(threads),
                            "-T",
                            String.valueOf(seconds),
                            "-f",
                            script.toString(),
                            "-l",
                            "--log-prefix=" + logs.resolve("tx"),
                            "subsidy")
                    .directory(logs.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("PGOPTIONS", "-c search_path=bench,public");
            builder.environment().put("PGPASSWORD", "postgres");
            Process process = builder.start();
            if (!process.waitFor(seconds + 120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("pgbench did not finish; see " + output);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Matcher tps = TPS.matcher(text);
            Matcher processed = PROCESSED.matcher(text);
            if (process.exitValue() != 0 || !tps.find() || !processed.find()) {
                throw new IllegalStateException("pgbench failed (exit " + process.exitValue() + "):\n" + text);
            }
            return new Run(Double.parseDouble(tps.group(1)), Long.parseLong(processed.group(1)), latencies(logs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Per-transaction latencies from pgbench's {@code -l} logs (third field, microseconds). */
    private static double[] latencies(Path logs) throws IOException {
        List<Double> values = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.split(" ");
                    if (fields.length >= 3) {
                        values.add(Long.parseLong(fields[2]) / 1000.0);
                    }
                }
            }
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    static void copyResource(String resource, Path target) {
        try (InputStream in = PgbenchScenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Files.write(target, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
