package cn.gov.lvliang.renewal.bench;

import cn.gov.lvliang.renewal.bench.LoadGenerator.Result;
import cn.gov.lvliang.renewal.bench.LoadGenerator.Spec;
import cn.gov.lvliang.renewal.bench.LoadGenerator.Step;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scenario 4: event lag, from a scrap certificate's commit in recycling-service to its row in
 * tradein-subsidy-service's read model. Certificates are posted to recycling-service (directly)
 * open loop at a stated rate; the lag of each is the commit time of its {@code scrap_certificate}
 * row in the subsidy database minus the commit time of its {@code scrap_certificate} row in the
 * recycling database ({@code pg_xact_commit_timestamp(xmin)}; the launcher's PostgreSQL runs with
 * {@code track_commit_timestamp=on}). Both databases live in the same PostgreSQL server, so there is
 * one clock, and neither the writing request's own time nor the consumer's time before its commit
 * is left out or counted twice.
 */
final class EventLagScenario {

    private static final int SENDERS = 64;

    /**
     * A median lag above this is a queue, not a lag: the consumer started the step behind (a backlog
     * from the step before) or fell behind within it, so the step's rate is not one it holds.
     */
    static final double BACKLOG_MILLIS = 1000;

    private EventLagScenario() {}

    /** The lags of one rate step. */
    record Lag(
            int offered,
            double achieved,
            int sent,
            int arrived,
            double[] sortedMillis,
            double[] sortedRelayMillis,
            boolean growing) {
        double percentile(double p) {
            if (sortedMillis.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedMillis.length) - 1;
            return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, index))];
        }

        boolean producerLimited() {
            return achieved < offered * 0.9;
        }
    }

    static void run(Bench bench) {
        String dismantler = Bodies.creditCode(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000L);
        String admin = bench.http().token(Map.of("role", "city-admin"));
        registerDismantler(bench, admin, dismantler);
        String token = bench.http().token(Map.of("role", "dismantler", "enterprise", dismantler));
        Profile profile = bench.profile();
        Report report = bench.report();
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000L, 36).toUpperCase();

        // Warm up the write path, the relay and the consumer; not measured.
        measure(bench, token, dismantler, "LAGW" + tag, Math.max(20, profile.lagRate() / 2), profile.lagWarmup());

        Lag steady = measure(bench, token, dismantler, "LAG" + tag + "-S", profile.lagRate(), profile.lagDuration());
        put(report, "lag.steady", steady, "at the stated steady rate");
        Lag best = steady.growing() ? null : steady;
        if (steady.producerLimited()) {
            report.note("event lag: recycling-service accepted " + Math.round(steady.achieved())
                    + " certificates/s of the " + steady.offered() + "/s offered; the write path, not the event path,"
                    + " set the rate");
        }
        if (!steady.growing() && !steady.producerLimited()) {
            for (int rate : profile.lagSearchRates()) {
                Lag lag = measure(bench, token, dismantler, "LAG" + tag + "-R" + rate, rate, profile.lagDuration());
                put(report, "lag.r" + rate, lag, "at " + rate + " offered per second (search)");
                if (lag.growing()) {
                    break;
                }
                if (best == null || lag.achieved() > best.achieved()) {
                    best = lag;
                }
                if (lag.producerLimited()) {
                    report.note("event lag search stopped at " + rate + "/s offered: recycling-service accepted only "
                            + Math.round(lag.achieved())
                            + "/s, so the highest steady rate is bounded by the write path");
                    break;
                }
            }
        }
        if (steady.growing() && profile == Profile.FULL) {
            // The stated rate is too high: step down until the lag holds (not in smoke mode, for time).
            for (int divisor : List.of(2, 5, 10, 25)) {
                int rate = Math.max(1, profile.lagRate() / divisor);
                Lag lag = measure(bench, token, dismantler, "LAG" + tag + "-D" + rate, rate, profile.lagDuration());
                put(report, "lag.r" + rate, lag, "at " + rate + " offered per second (search down)");
                if (!lag.growing()) {
                    best = lag;
                    break;
                }
            }
        }
        if (best == null) {
            report.put("lag.max_steady.eps", 0, "events/s", "highest achieved rate whose lag did not grow (none)");
            report.put("lag.max_steady.p99_ms", Double.NaN, "ms", "p99 lag at that rate");
        } else {
            report.put(
                    "lag.max_steady.eps",
                    best.achieved(),
                    "events/s",
                    "highest achieved rate whose lag did not grow (offered " + best.offered() + "/s)");
            report.put("lag.max_steady.p99_ms", best.percentile(99), "ms", "p99 lag at that rate");
        }
    }

    private static void put(Report report, String prefix, Lag lag, String what) {
        report.put(prefix + ".offered_eps", lag.offered(), "events/s", "certificates offered per second " + what);
        report.put(prefix + ".achieved_eps", lag.achieved(), "events/s", "certificates committed per second " + what);
        report.put(prefix + ".p50_ms", lag.percentile(50), "ms", "median commit → read-model lag " + what);
        report.put(prefix + ".p99_ms", lag.percentile(99), "ms", "99th percentile lag " + what);
        report.put(prefix + ".max_ms", lag.percentile(100), "ms", "highest lag " + what);
        report.put(
                prefix + ".relay_p50_ms",
                percentile(lag.sortedRelayMillis(), 50),
                "ms",
                "median of the part spent waiting for the outbox relay (outbox sent_at, the relay transaction's"
                        + " start, − the certificate's commit; a row committed while the relay pass began can"
                        + " come out slightly negative) "
                        + what);
        report.put(
                prefix + ".relay_p99_ms",
                percentile(lag.sortedRelayMillis(), 99),
                "ms",
                "99th percentile of the part spent waiting for the outbox relay " + what);
        report.put(
                prefix + ".arrived_fraction",
                lag.sent() == 0 ? 0 : (double) lag.arrived() / lag.sent(),
                "ratio",
                "certificates in the read model / certificates committed " + what);
        report.put(prefix + ".growing", lag.growing() ? 1 : 0, "0/1", "1 if the lag grew during the step " + what);
    }

    private static void registerDismantler(Bench bench, String admin, String dismantler) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        bench.http()
                .post(
                        bench.suite().gatewayUrl() + "/api/recycling/enterprises",
                        admin,
                        Map.of(
                                "creditCode", dismantler,
                                "name", "吕梁压测拆解有限公司",
                                "type", "DISMANTLER",
                                "county", "141124",
                                "address", "吕梁市临县压测路 8 号",
                                "contactName", "王五",
                                "contactPhone", "13812345678",
                                "qualification",
                                        Map.of(
                                                "licenceNumber",
                                                "LIC-" + UUID.randomUUID(),
                                                "scope",
                                                "报废机动车回收拆解",
                                                "validFrom",
                                                today.minusYears(1).toString(),
                                                "validTo",
                                                today.plusYears(1).toString(),
                                                "status",
                                                "VALID")),
                        201);
    }

    private static Lag measure(
            Bench bench, String token, String dismantler, String prefix, int rate, Duration duration) {
        Step step = new Step(
                prefix,
                "certificates",
                bench.suite().serviceUrl("recycling-service") + "/api/recycling/scrap-certificates",
                SENDERS,
                0,
                duration.toMillis(),
                rate,
                prefix + "-");
        List<Result> results = ClaimScenario.generate(
                bench,
                new Spec(List.of(step), Map.of("dismantler", token), dismantler, 0),
                "lag-" + prefix.toLowerCase(),
                duration.plusMinutes(2));
        Result result = results.get(0);
        Map<String, Instant> committed = timestamps(
                bench,
                "recycling",
                "select certificate_number, pg_xact_commit_timestamp(xmin) from scrap_certificate"
                        + " where certificate_number like ?",
                prefix);
        Instant deadline =
                Instant.now().plus(bench.profile() == Profile.SMOKE ? Duration.ofSeconds(20) : Duration.ofSeconds(60));
        Map<String, Instant> arrived;
        while (true) {
            arrived = timestamps(
                    bench,
                    "subsidy",
                    "select certificate_number, pg_xact_commit_timestamp(xmin) from scrap_certificate"
                            + " where certificate_number like ?",
                    prefix);
            if (arrived.size() >= committed.size() || Instant.now().isAfter(deadline)) {
                break;
            }
            ChildJvm.sleep(200);
        }
        Map<String, Instant> relayed = timestamps(
                bench,
                "recycling",
                "select aggregate_id, sent_at from outbox_event where aggregate_id like ? and sent_at is not null"
                        + " and type like '%vehicle.scrapped%'",
                prefix);
        double[] relay = relayed.entrySet().stream()
                .filter(e -> committed.containsKey(e.getKey()))
                .mapToDouble(e -> Duration.between(committed.get(e.getKey()), e.getValue())
                                .toNanos()
                        / 1e6)
                .sorted()
                .toArray();
        List<Instant> commitTimes = new ArrayList<>();
        List<double[]> pairs = new ArrayList<>();
        for (Map.Entry<String, Instant> entry : committed.entrySet()) {
            Instant end = arrived.get(entry.getKey());
            if (end != null) {
                pairs.add(new double[] {
                    entry.getValue().toEpochMilli(),
                    Duration.between(entry.getValue(), end).toNanos() / 1e6
                });
            }
            commitTimes.add(entry.getValue());
        }
        pairs.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] lags = pairs.stream().mapToDouble(p -> p[1]).toArray();
        double[] sorted = lags.clone();
        Arrays.sort(sorted);
        double achieved = result.throughput();
        if (commitTimes.size() > 1) {
            Instant first = commitTimes.stream().min(Instant::compareTo).orElseThrow();
            Instant last = commitTimes.stream().max(Instant::compareTo).orElseThrow();
            double seconds = Math.max(1e-3, Duration.between(first, last).toNanos() / 1e9);
            achieved = (commitTimes.size() - 1) / seconds;
        }
        boolean incomplete = arrived.size() < committed.size();
        boolean growing = incomplete || grows(lags) || percentile(sorted, 50) > BACKLOG_MILLIS;
        bench.out()
                .printf(
                        "  event lag %s: offered %d/s, achieved %.0f/s, %d committed, %d arrived, p50 %.1f ms, p99 %.1f ms%s%n",
                        prefix,
                        rate,
                        achieved,
                        committed.size(),
                        arrived.size(),
                        percentile(sorted, 50),
                        percentile(sorted, 99),
                        growing ? " (growing)" : "");
        return new Lag(rate, achieved, committed.size(), arrived.size(), sorted, relay, growing);
    }

    /**
     * The lag grows if the median of the last third of the step (by commit time) exceeds the median of
     * the first third by more than 50 ms and by more than a quarter: the read model fell further behind.
     */
    static boolean grows(double[] lagsInCommitOrder) {
        int third = lagsInCommitOrder.length / 3;
        if (third < 3) {
            return false;
        }
        double first = median(Arrays.copyOfRange(lagsInCommitOrder, 0, third));
        double last = median(
                Arrays.copyOfRange(lagsInCommitOrder, lagsInCommitOrder.length - third, lagsInCommitOrder.length));
        return last - first > Math.max(50, first / 4);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static Map<String, Instant> timestamps(Bench bench, String database, String sql, String prefix) {
        Map<String, Instant> times = new HashMap<>();
        try (Connection c = DriverManager.getConnection(
                        bench.suite().postgres().jdbcUrl(database), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, prefix + "-%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the " + database + " database", e);
        }
        return times;
    }
}
