package cn.gov.lvliang.renewal.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how much each scenario runs. {@link #FULL} is the benchmark; {@link #SMOKE} runs
 * every scenario with tiny durations and volumes so that the harness itself stays checked (its
 * figures mean nothing).
 *
 * @param restartEachApp time each application's start alone (restarting it) rather than only as
 *     the launcher starts them, together
 * @param settle idle time after start before the idle RSS is read
 * @param concurrencies the claim-submission concurrency levels
 * @param claimWarmupRun one unmeasured run through the gateway before any claim measurement (JIT)
 * @param claimRounds rounds per concurrency; each round measures direct and gateway back to back (in
 *     alternating order), so that a change in the machine's other load hits both alike
 * @param claimWarmup unmeasured load before each measured slice
 * @param claimDuration measured load per slice (one target, one round)
 * @param pacedRate claims/s of the paced rounds (open loop, far below capacity), which measure the
 *     latency the gateway adds by its own work
 * @param pgbenchDuration per level and script, split over the claim rounds when both scenarios run
 * @param lagWarmup unmeasured certificate load before the lag steps
 * @param lagRate the stated steady rate of the event-lag scenario (events/s)
 * @param lagDuration per rate step
 * @param lagSearchRates the rates tried, in order, to find the highest one that keeps lag from growing
 * @param importRows rows of the bulk-import files
 * @param scalePointRequests requests per point operation and scale of the scale curves
 * @param scaleLongRequests requests per long operation (exports, rebuilds, runs) and scale
 * @param dashboardScale claims (and equipment records) loaded before the dashboard's renders, unless
 *     the scale scenario loaded more
 * @param dashboardRenders first renders of the dashboard measured in the browser
 */
public record Profile(
        String name,
        boolean restartEachApp,
        Duration settle,
        List<Integer> concurrencies,
        Duration claimWarmupRun,
        int claimRounds,
        Duration claimWarmup,
        Duration claimDuration,
        int pacedRate,
        Duration pgbenchDuration,
        Duration lagWarmup,
        int lagRate,
        Duration lagDuration,
        List<Integer> lagSearchRates,
        int importRows,
        int scalePointRequests,
        int scaleLongRequests,
        long dashboardScale,
        int dashboardRenders) {

    /** The scale the smoke run loads: a few hundred claims, enough to run every path of the loader. */
    public static final long SMOKE_SCALE = 200;

    public static final Profile FULL = new Profile(
            "full",
            true,
            Duration.ofSeconds(10),
            List.of(8, 32, 128),
            // C2 takes a method at three times the default thresholds (decision 0012): after 20 s the
            // JIT still used a tenth of the machine and concurrency 8 measured 90 claims/s, against
            // 230/s once it settled
            Duration.ofSeconds(90),
            3,
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            40,
            Duration.ofSeconds(30),
            // recycling-service gets no other load before the lag steps (the claim scenario warms up
            // the subsidy service only): 5 s left its first measured step to the JIT compiler
            Duration.ofSeconds(60),
            500,
            Duration.ofSeconds(30),
            List.of(750, 1000, 1500, 2000),
            100_000,
            200,
            3,
            100_000,
            10);

    public static final Profile SMOKE = new Profile(
            "smoke",
            false,
            Duration.ZERO,
            List.of(8, 32, 128),
            Duration.ofSeconds(2),
            1,
            Duration.ofMillis(500),
            Duration.ofMillis(1500),
            10,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            50,
            Duration.ofSeconds(2),
            List.of(100),
            1_000,
            10,
            1,
            SMOKE_SCALE,
            2);
}
