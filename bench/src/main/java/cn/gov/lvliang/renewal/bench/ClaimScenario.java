package cn.gov.lvliang.renewal.bench;

import cn.gov.lvliang.renewal.bench.LoadGenerator.Result;
import cn.gov.lvliang.renewal.bench.LoadGenerator.Spec;
import cn.gov.lvliang.renewal.bench.LoadGenerator.Step;
import cn.gov.lvliang.renewal.devstack.DevStack;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Scenario 2 (and the rounds of scenario 3): claim submission ({@code POST /api/subsidies/claims}, a home-appliance claim filed
 * by a county clerk, automatic checks included) at each concurrency, directly against
 * tradein-subsidy-service and through the gateway, closed loop, from the load generator's JVM. Each
 * concurrency runs in rounds that measure both targets back to back, alternating which goes first;
 * the rounds of a target are added up (counts, seconds and latency histograms). When the pgbench
 * baseline runs too, each round ends with one pgbench slice per script at the same concurrency.
 */
final class ClaimScenario {

    static final String PATH = "/api/subsidies/claims";
    static final List<String> TARGETS = List.of("direct", "gateway");

    /** The load generator's client id at the gateway (see the gateway's local-profile rate limits). */
    static final String LOAD_CLIENT = "bench-load";

    /** Identifiers per load-generator run (see {@link #idBlock}). */
    static final long ID_BLOCK = 200_000;

    /** Senders of the paced steps: enough that a slow answer never holds back the next request. */
    static final int PACED_SENDERS = 8;

    private ClaimScenario() {}

    /**
     * @param withBaseline run the pgbench baseline in the same rounds: after each round's claim
     *     slices, one pgbench slice per script at the same concurrency, so that the service and its
     *     baseline meet the same competing load
     */
    static void run(Bench bench, boolean withBaseline) {
        DevStack suite = bench.suite();
        Profile profile = bench.profile();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String county : Bodies.COUNTIES) {
            // One client, "bench-load", whose gateway rate limit (local profile) is far above the load.
            tokens.put(
                    county,
                    bench.http().token(Map.of("role", "county-officer", "county", county, "subject", LOAD_CLIENT)));
        }
        Duration slice = profile.claimWarmup().plus(profile.claimDuration());
        bench.footprint().startSampling();
        List<Result> results = new ArrayList<>();
        int run = 0;
        PgbenchScenario.Baseline baseline = null;
        try {
            Step warmup = new Step(
                    "warmup",
                    "claims",
                    suite.gatewayUrl() + PATH,
                    32,
                    0,
                    profile.claimWarmupRun().toMillis(),
                    0,
                    "BW");
            generate(
                    bench,
                    new Spec(List.of(warmup), tokens, null, idBlock(run++)),
                    "claims-warmup",
                    slice.plusMinutes(2));
            if (withBaseline) {
                baseline = PgbenchScenario.prepare(bench);
            }
            for (int concurrency : profile.concurrencies()) {
                for (int round = 1; round <= profile.claimRounds(); round++) {
                    List<Step> steps = roundSteps(bench, "-c" + concurrency + "-r" + round, concurrency, 0, round);
                    results.addAll(generate(
                            bench,
                            new Spec(steps, tokens, null, idBlock(run++)),
                            "claims-c" + concurrency + "-r" + round,
                            slice.multipliedBy(steps.size()).plusMinutes(2)));
                    if (baseline != null) {
                        baseline.round(concurrency, profile.pgbenchDuration().dividedBy(profile.claimRounds()));
                    }
                }
            }
            // Paced: a fixed rate far below what either target sustains, so that the latency the
            // gateway adds is its own work rather than queueing for the two shared cores.
            for (int round = 1; round <= profile.claimRounds(); round++) {
                List<Step> steps = roundSteps(bench, "-paced-r" + round, PACED_SENDERS, profile.pacedRate(), round);
                results.addAll(generate(
                        bench,
                        new Spec(steps, tokens, null, idBlock(run++)),
                        "claims-paced-r" + round,
                        slice.multipliedBy(steps.size()).plusMinutes(2)));
            }
        } finally {
            Map<String, Long> peak = bench.footprint().stopSampling();
            peak.forEach((name, kib) -> bench.report()
                    .put(
                            "rss." + name + ".under_claim_load_mb",
                            kib / 1024.0,
                            "MiB",
                            "highest RSS of " + name + " sampled every 250 ms during the claim scenario"));
        }
        claimFigures(bench, results);
        outcomes(bench);
        if (baseline != null) {
            baseline.report();
        }
    }

    /**
     * The first number of a load-generator run's identifiers. Each run is its own JVM that counts
     * from its offset, so every run gets its own block: a run that started where the last one had
     * started filed the same applicants, invoices and serials again, and the checks rejected every
     * one of them as a duplicate (up to the 18:30 run of 2026-11-29). {@link Bodies#residentId} stays
     * unique for 16.8 million numbers, far above the blocks a full run uses.
     */
    static long idBlock(int run) {
        return 1_000_000L + run * ID_BLOCK;
    }

    /**
     * How the checks decided the claims the scenario filed: every identifier is new, so a claim the
     * checks rejected means the load repeated itself, and the figures would describe the rejection
     * path instead of a claim that goes to review.
     */
    private static void outcomes(Bench bench) {
        Map<String, Long> byStatus = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(
                        bench.suite().postgres().jdbcUrl("subsidy"), "postgres", "postgres");
                Statement s = c.createStatement();
                // Only the load files claims in a benchmark run.
                ResultSet rs = s.executeQuery("select status, count(*) from claim group by status")) {
            while (rs.next()) {
                byStatus.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the claims filed", e);
        }
        long rejected = byStatus.getOrDefault("REJECTED", 0L);
        bench.report()
                .put(
                        "claims.rejected_by_checks",
                        rejected,
                        "claims",
                        "claims the load filed that the automatic checks rejected (every identifier is new: should be 0)");
        bench.report().note("claims filed by the load, by status: " + byStatus);
    }

    /**
     * One round: the same load directly against tradein-subsidy-service and through the gateway,
     * back to back, in alternating order from round to round (rate 0: closed loop).
     */
    private static List<Step> roundSteps(Bench bench, String suffix, int concurrency, int rate, int round) {
        DevStack suite = bench.suite();
        Profile profile = bench.profile();
        List<String> order = round % 2 == 1 ? TARGETS : List.of(TARGETS.get(1), TARGETS.get(0));
        List<Step> steps = new ArrayList<>();
        for (String target : order) {
            String base = target.equals("direct") ? suite.serviceUrl("tradein-subsidy-service") : suite.gatewayUrl();
            steps.add(new Step(
                    target + suffix,
                    "claims",
                    base + PATH,
                    concurrency,
                    rate > 0 ? 0 : profile.claimWarmup().toMillis(),
                    profile.claimDuration().toMillis(),
                    rate,
                    "B" + target.charAt(0) + suffix.replace("-", "").toUpperCase(Locale.ROOT)));
        }
        return steps;
    }

    private static void claimFigures(Bench bench, List<Result> results) {
        Profile profile = bench.profile();
        Report report = bench.report();
        for (int c : profile.concurrencies()) {
            Map<String, Merged> merged = new LinkedHashMap<>();
            for (String target : TARGETS) {
                Merged m = merged(results, target + "-c" + c + "-r");
                merged.put(target, m);
                String prefix = "claims." + target + ".c" + c + ".";
                String who =
                        target.equals("direct") ? "directly against tradein-subsidy-service" : "through the gateway";
                report.put(prefix + "throughput_rps", m.throughput(), "req/s", "claims filed (201) per second " + who);
                report.put(prefix + "p50_ms", m.percentile(50), "ms", "median latency " + who);
                report.put(prefix + "p95_ms", m.percentile(95), "ms", "95th percentile latency " + who);
                report.put(prefix + "p99_ms", m.percentile(99), "ms", "99th percentile latency " + who);
                report.put(prefix + "errors", m.errors, "requests", "answers other than 201 " + who);
                if (m.errors > 0) {
                    report.note("claims " + target + " at concurrency " + c + ": statuses " + m.statuses);
                }
            }
            Merged direct = merged.get("direct");
            Merged gateway = merged.get("gateway");
            report.put(
                    "claims.ratio.c" + c + ".gateway_over_direct_throughput",
                    gateway.throughput() / direct.throughput(),
                    "ratio",
                    "gateway throughput / direct throughput");
            report.put(
                    "claims.gateway_added.c" + c + ".p50_ms",
                    gateway.percentile(50) - direct.percentile(50),
                    "ms",
                    "gateway p50 − direct p50");
            report.put(
                    "claims.gateway_added.c" + c + ".p99_ms",
                    gateway.percentile(99) - direct.percentile(99),
                    "ms",
                    "gateway p99 − direct p99");
        }
        Map<String, Merged> paced = new LinkedHashMap<>();
        for (String target : TARGETS) {
            Merged m = merged(results, target + "-paced-r");
            paced.put(target, m);
            String prefix = "claims." + target + ".paced.";
            String who = target.equals("direct") ? "directly" : "through the gateway";
            report.put(
                    prefix + "throughput_rps",
                    m.throughput(),
                    "req/s",
                    "claims filed per second " + who + " at the paced rate of " + profile.pacedRate() + "/s");
            report.put(prefix + "p50_ms", m.percentile(50), "ms", "median latency " + who + ", paced");
            report.put(prefix + "p99_ms", m.percentile(99), "ms", "99th percentile latency " + who + ", paced");
        }
        report.put(
                "claims.gateway_added.paced.p50_ms",
                paced.get("gateway").percentile(50) - paced.get("direct").percentile(50),
                "ms",
                "gateway p50 − direct p50 at the paced rate (" + profile.pacedRate()
                        + "/s, far below either's capacity): the gateway's own work, without queueing");
        report.put(
                "claims.gateway_added.paced.p99_ms",
                paced.get("gateway").percentile(99) - paced.get("direct").percentile(99),
                "ms",
                "gateway p99 − direct p99 at the paced rate: the gateway's own tail, without queueing");
    }

    /** The results whose label starts with {@code label}, added up. */
    private static Merged merged(List<Result> results, String label) {
        Merged m = new Merged();
        results.stream().filter(r -> r.label().startsWith(label)).forEach(m::add);
        return m;
    }

    /** The rounds of one target at one concurrency, added up. */
    private static final class Merged {
        private final Histogram latencies = new Histogram(60_000_000L, 3);
        private final Map<String, Long> statuses = new TreeMap<>();
        private long completed;
        private long errors;
        private double seconds;

        void add(Result r) {
            latencies.add(r.latencies());
            r.statuses().forEach((status, count) -> statuses.merge(status, count, Long::sum));
            completed += r.completed();
            errors += r.errors();
            seconds += r.seconds();
        }

        double throughput() {
            return seconds == 0 ? Double.NaN : completed / seconds;
        }

        double percentile(double p) {
            return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(p) / 1000.0;
        }
    }

    /** Runs the load generator in its own JVM and reads its results. */
    static List<Result> generate(Bench bench, Spec spec, String name, Duration budget) {
        Path work = bench.workDirectory();
        Path specFile = work.resolve(name + "-spec.json");
        Path resultFile = work.resolve(name + "-result.json");
        try {
            Http.JSON.writeValue(specFile.toFile(), spec);
            ChildJvm.run(
                    bench.root(),
                    LoadGenerator.class,
                    List.of(specFile.toString(), resultFile.toString()),
                    work.resolve(name + "-load.log"),
                    budget);
            return Http.JSON.readValue(resultFile.toFile(), new TypeReference<List<Result>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
