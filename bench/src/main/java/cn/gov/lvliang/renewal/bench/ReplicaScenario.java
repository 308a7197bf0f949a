package cn.gov.lvliang.renewal.bench;

import cn.gov.lvliang.renewal.bench.LoadGenerator.Result;
import cn.gov.lvliang.renewal.bench.LoadGenerator.Spec;
import cn.gov.lvliang.renewal.bench.LoadGenerator.Step;
import cn.gov.lvliang.renewal.devstack.DevStack;
import cn.gov.lvliang.renewal.devstack.Options;
import cn.gov.lvliang.renewal.infra.Directories;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario "replicas" (issue 22, section 6): claims filed per second through the gateway with one
 * instance of each service and with two ({@code ./suite --replicas 2}), in the same run, and their
 * ratio. Each count gets a suite of its own, started fresh from the same jars, given the same
 * warm-up and measured at the same concurrency with the claim scenario's load (closed loop, a county
 * clerk's home-appliance claim, every check); only one of them runs at a time (the benchmark's main
 * suite stays up, idle). On 2 cores the ratio says what a second instance costs or gains on one
 * machine, not what it gains on a second machine.
 */
final class ReplicaScenario {

    static final List<Integer> REPLICAS = List.of(1, 2);
    private static final int CONCURRENCY = 32;

    private ReplicaScenario() {}

    static void run(Bench bench) {
        boolean smoke = bench.profile().equals(Profile.SMOKE);
        Duration warmup = smoke ? Duration.ofSeconds(2) : Duration.ofSeconds(60);
        Duration measured = smoke ? Duration.ofSeconds(2) : Duration.ofSeconds(60);
        Map<Integer, Double> throughput = new LinkedHashMap<>();
        for (int replicas : REPLICAS) {
            Result result = measure(bench, replicas, warmup, measured);
            throughput.put(replicas, result.throughput());
            String prefix = "replicas.r" + replicas + ".";
            String who =
                    "through the gateway with " + replicas + " instance(s) of each service, concurrency " + CONCURRENCY;
            bench.report()
                    .put(
                            prefix + "throughput_rps",
                            result.throughput(),
                            "req/s",
                            "claims filed (201) per second " + who);
            bench.report().put(prefix + "p50_ms", result.p50Millis(), "ms", "median latency " + who);
            bench.report().put(prefix + "p99_ms", result.p99Millis(), "ms", "99th percentile latency " + who);
            bench.report().put(prefix + "errors", result.errors(), "requests", "answers other than 201 " + who);
            bench.out()
                    .printf(
                            "   %d replica(s): %.1f claims/s, p50 %.0f ms, p99 %.0f ms, %d errors%n",
                            replicas, result.throughput(), result.p50Millis(), result.p99Millis(), result.errors());
        }
        bench.report()
                .put(
                        "replicas.ratio.two_over_one_throughput",
                        throughput.get(2) / throughput.get(1),
                        "ratio",
                        "claims/s with 2 instances of each service / claims/s with 1, same run, same load (2 cores:"
                                + " the instances share them)");
    }

    /** Starts a fresh suite with {@code replicas} instances of each service, warms it up, measures, stops it. */
    private static Result measure(Bench bench, int replicas, Duration warmup, Duration measured) {
        Path state = bench.workDirectory().resolve("suite-replicas-" + replicas);
        Options options = Options.defaults(bench.root())
                .withFreePorts()
                .withStateDirectory(state)
                .withReplicas(replicas);
        bench.out().printf("   starting a suite with %d instance(s) of each service%n", replicas);
        PrintStream launcher = launcherLog(state);
        DevStack suite = DevStack.start(options, launcher);
        try {
            Http http = new Http(suite.gatewayUrl());
            Map<String, String> tokens = new LinkedHashMap<>();
            for (String county : Bodies.COUNTIES) {
                tokens.put(
                        county,
                        http.token(Map.of(
                                "role", "county-officer", "county", county, "subject", ClaimScenario.LOAD_CLIENT)));
            }
            Step step = new Step(
                    "replicas-" + replicas,
                    "claims",
                    suite.gatewayUrl() + ClaimScenario.PATH,
                    CONCURRENCY,
                    warmup.toMillis(),
                    measured.toMillis(),
                    0,
                    "BR" + replicas);
            // id blocks far above the claim scenario's: each suite is fresh, but the report's
            // identifiers stay distinct across the run
            List<Result> results = ClaimScenario.generate(
                    bench,
                    new Spec(List.of(step), tokens, null, ClaimScenario.idBlock(900 + replicas)),
                    "replicas-" + replicas,
                    warmup.plus(measured).plusMinutes(3));
            return results.get(0);
        } finally {
            suite.close();
            Directories.deleteRecursively(suite.options().dataDirectory());
            launcher.close();
        }
    }

    /** The launcher's progress lines go to a file in the state directory, not the console. */
    private static PrintStream launcherLog(Path state) {
        try {
            Files.createDirectories(state);
            OutputStream file = Files.newOutputStream(state.resolve("launcher.log"));
            return new PrintStream(file, true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
