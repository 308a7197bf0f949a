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

/**
 * Scenario 2: claim submission ({@code POST /api/subsidies/claims}, a home-appliance claim filed
 * by a county clerk, automatic checks included) at each concurrency, directly against
 * tradein-subsidy-service and through the gateway, closed loop, from the load generator's JVM.
 */
final class ClaimScenario {

    static final String PATH = "/api/subsidies/claims";

    private ClaimScenario() {}

    static void run(Bench bench) {
        DevStack suite = bench.suite();
        Profile profile = bench.profile();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String county : Bodies.COUNTIES) {
            tokens.put(county, bench.http().token(Map.of("role", "county-officer", "county", county)));
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(
                "warmup",
                "claims",
                suite.gatewayUrl() + PATH,
                32,
                0,
                profile.claimWarmupRun().toMillis(),
                0,
                "BW"));
        for (int concurrency : profile.concurrencies()) {
            for (String target : List.of("direct", "gateway")) {
                String base =
                        target.equals("direct") ? suite.serviceUrl("tradein-subsidy-service") : suite.gatewayUrl();
                steps.add(new Step(
                        target + "-c" + concurrency,
                        "claims",
                        base + PATH,
                        concurrency,
                        profile.claimWarmup().toMillis(),
                        profile.claimDuration().toMillis(),
                        0,
                        "B" + target.charAt(0) + concurrency));
            }
        }
        Duration budget = profile.claimWarmup()
                .plus(profile.claimDuration())
                .multipliedBy(steps.size())
                .plus(profile.claimWarmupRun())
                .plusMinutes(2);
        bench.footprint().startSampling();
        List<Result> results;
        try {
            results = generate(bench, new Spec(steps, tokens, null, 1_000_000), "claims", budget);
        } finally {
            Map<String, Long> peak = bench.footprint().stopSampling();
            peak.forEach((name, kib) -> bench.report()
                    .put(
                            "rss." + name + ".under_claim_load_mb",
                            kib / 1024.0,
                            "MiB",
                            "highest RSS of " + name + " sampled every 250 ms during the claim scenario"));
        }
        Map<String, Result> byLabel = new LinkedHashMap<>();
        results.forEach(r -> byLabel.put(r.label(), r));
        Report report = bench.report();
        for (int c : profile.concurrencies()) {
            for (String target : List.of("direct", "gateway")) {
                Result r = byLabel.get(target + "-c" + c);
                String prefix = "claims." + target + ".c" + c + ".";
                String who =
                        target.equals("direct") ? "directly against tradein-subsidy-service" : "through the gateway";
                report.put(prefix + "throughput_rps", r.throughput(), "req/s", "claims filed (201) per second " + who);
                report.put(prefix + "p50_ms", r.p50Millis(), "ms", "median latency " + who);
                report.put(prefix + "p95_ms", r.p95Millis(), "ms", "95th percentile latency " + who);
                report.put(prefix + "p99_ms", r.p99Millis(), "ms", "99th percentile latency " + who);
                report.put(prefix + "errors", r.errors(), "requests", "answers other than 201 " + who);
                if (r.errors() > 0) {
                    report.note("claims " + target + " at concurrency " + c + ": statuses " + r.statuses());
                }
            }
            Result direct = byLabel.get("direct-c" + c);
            Result gateway = byLabel.get("gateway-c" + c);
            report.put(
                    "claims.ratio.c" + c + ".gateway_over_direct_throughput",
                    gateway.throughput() / direct.throughput(),
                    "ratio",
                    "gateway throughput / direct throughput");
            report.put(
                    "claims.gateway_added.c" + c + ".p50_ms",
                    gateway.p50Millis() - direct.p50Millis(),
                    "ms",
                    "gateway p50 − direct p50");
            report.put(
                    "claims.gateway_added.c" + c + ".p99_ms",
                    gateway.p99Millis() - direct.p99Millis(),
                    "ms",
                    "gateway p99 − direct p99");
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
