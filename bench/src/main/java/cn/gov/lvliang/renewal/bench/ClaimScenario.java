package cn.gov.lvliang.renewal.bench;

import cn.gov.lvliang.renewal.bench.LoadGenerator.Result;
import cn.gov.lvliang.renewal.bench.LoadGenerator.Spec;
import cn.gov.lvliang.renewal.bench.LoadGenerator.Step;
import cn.gov.lvliang.renewal.devstack.DevStack;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
            generate(bench, new Spec(List.of(warmup), tokens, null, 1_000_000), "claims-warmup", slice.plusMinutes(2));
            if (withBaseline) {
                baseline = PgbenchScenario.prepare(bench);
            }
            for (int concurrency : profile.concurrencies()) {
                for (int round = 1; round <= profile.claimRounds(); round++) {
                    List<String> order = round % 2 == 1 ? TARGETS : List.of(TARGETS.get(1), TARGETS.get(0));
                    List<Step> steps = new ArrayList<>();
                    for (String target : order) {
                        String base = target.equals("direct")
                                ? suite.serviceUrl("tradein-subsidy-service")
                                : suite.gatewayUrl();
                        steps.add(new Step(
                                target + "-c" + concurrency + "-r" + round,
                                "claims",
                                base + PATH,
                                concurrency,
                                profile.claimWarmup().toMillis(),
                                profile.claimDuration().toMillis(),
                                0,
                                "B" + target.charAt(0) + concurrency + "R" + round));
                    }
                    results.addAll(generate(
                            bench,
                            new Spec(steps, tokens, null, 1_000_000),
                            "claims-c" + concurrency + "-r" + round,
                            slice.multipliedBy(steps.size()).plusMinutes(2)));
                    if (baseline != null) {
                        baseline.round(concurrency, profile.pgbenchDuration().dividedBy(profile.claimRounds()));
                    }
                }
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
        if (baseline != null) {
            baseline.report();
        }
    }

    private static void claimFigures(Bench bench, List<Result> results) {
        Profile profile = bench.profile();
        Report report = bench.report();
        for (int c : profile.concurrencies()) {
            Map<String, Merged> merged = new LinkedHashMap<>();
            for (String target : TARGETS) {
                Merged m = new Merged();
                for (Result r : results) {
                    if (r.label().startsWith(target + "-c" + c + "-r")) {
                        m.add(r);
                    }
                }
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
