package cn.gov.lvliang.renewal.bench;

import cn.gov.lvliang.renewal.bench.scale.Claims;
import cn.gov.lvliang.renewal.bench.scale.ScaleLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Scale curves ({@code ./bench/run --scale 1e5,1e6}): for each scale, ascending, loads the data up
 * to that many claims ({@link ScaleLoader}, COPY), checks it (row counts, the budget reconciliation,
 * one loaded claim read back masked), records the load time and the size on disk per million rows
 * of every table and its indexes, then measures every operation of the curves: a bounded number of
 * requests each, p50 and p99. Point operations go through the gateway; long ones (exports,
 * rebuilds, runs, verifications) straight to their service, whose figures say so, since the
 * gateway's 10-s request timeout is shorter than they may take.
 */
final class ScaleScenario {

    /** The generator's seed: the same seed gives the same data. */
    static final long SEED = 20_240_424L;

    private static final String DIRECT = " (direct to the service: may outlast the gateway's 10-s timeout)";

    private final Bench bench;
    private final Report report;
    private final ScaleCurves curves = new ScaleCurves();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final ScaleLoader loader;
    private int round;

    private ScaleScenario(Bench bench) {
        this.bench = bench;
        this.report = bench.report();
        var keys = bench.suite().keys();
        this.loader = new ScaleLoader(
                bench.suite().postgres()::jdbcUrl,
                new ScaleLoader.Keys(
                        keys.hashKey(),
                        keys.encryptionKey("tradein-subsidy-service"),
                        keys.encryptionKey("recycling-service")),
                SEED);
    }

    static void run(Bench bench, ScalePlan plan) {
        ScaleScenario scenario = new ScaleScenario(bench);
        bench.report().note("Scale ratios: " + ScaleLoader.RATIOS + ". Generator seed " + SEED + ".");
        if (plan.claimsOnlyAbove() != Long.MAX_VALUE) {
            bench.report()
                    .note("Rounds above " + plan.claimsOnlyAbove() + " claims load the claims only (their checks,"
                            + " transitions and uniqueness keys; no equipment, certificates, statistics events,"
                            + " budget journal, outbox or audit records) and measure only the operations that"
                            + " read claims, plus the two dashboards: the other operations' data did not grow.");
        }
        long loaded = bench.loadedClaims();
        for (long scale : plan.scales()) {
            boolean claimsOnly = plan.claimsOnly(scale);
            scenario.loadAndCheck(
                    loaded, scale, claimsOnly ? ScaleLoader.Extent.CLAIMS_ONLY : ScaleLoader.Extent.EVERYTHING);
            loaded = scale;
            bench.loaded(scale);
            scenario.measure(scale, claimsOnly);
            scenario.round++;
        }
        bench.report()
                .section(
                        "Scale curves (p50 / p99, ms)",
                        scenario.curves.markdown()
                                + "\nChart: `" + "latest-" + bench.profile().name()
                                + "-scale-curves.svg` next to this report (p99"
                                + " against the scale, log–log).\n");
        bench.report().attach("scale-curves.svg", scenario.curves.svg("p99 latency against the number of claims"));
    }

    /** Loads and checks the data from {@code from} up to {@code to} claims, measuring no curve (the dashboard's data). */
    static void load(Bench bench, long from, long to) {
        bench.report().note("Scale ratios: " + ScaleLoader.RATIOS + ". Generator seed " + SEED + ".");
        new ScaleScenario(bench).loadAndCheck(from, to, ScaleLoader.Extent.EVERYTHING);
        bench.loaded(to);
    }

    private String token(String role, String... scope) {
        String key = role + String.join("/", scope);
        return tokens.computeIfAbsent(key, k -> {
            Map<String, String> claims = new LinkedHashMap<>();
            claims.put("role", role);
            if (scope.length == 2) {
                claims.put(scope[0], scope[1]);
            }
            // the load generator's client: the gateway's per-client rate limit (300, then 50/s) would
            // otherwise answer 429 to 200 quick requests in a row (application.properties, local profile)
            claims.put("subject", ClaimScenario.LOAD_CLIENT);
            return bench.http().token(claims);
        });
    }

    // ---------------------------------------------------------------- loading and checks

    private void loadAndCheck(long from, long to, ScaleLoader.Extent extent) {
        String label = "s" + ScaleCurves.label(to);
        bench.out().printf("   loading %,d → %,d claims (%s)%n", from, to, extent);
        awaitAuditChained();
        Map<String, Long> before = counts();
        Instant start = Instant.now();
        List<ScaleLoader.Loaded> tables = loader.load(from, to, extent);
        // a large round's load outlasts a dev token's lifetime (an hour): the checks and the curves
        // after it ask for new ones
        tokens.clear();
        double loadSeconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
        Instant analyse = Instant.now();
        analyse();
        double analyseSeconds = Duration.between(analyse, Instant.now()).toNanos() / 1e9;
        report.put(
                "scale." + label + ".load_s",
                loadSeconds,
                "s",
                "COPY of the round " + from + " → " + to + " claims and "
                        + (extent == ScaleLoader.Extent.CLAIMS_ONLY
                                ? "their checks, transitions and uniqueness keys only"
                                : "everything derived from them (all tables)"));
        report.put(
                "scale." + label + ".analyse_s",
                analyseSeconds,
                "s",
                "VACUUM ANALYZE of the loaded tables after the round, so that the plans see the new sizes");
        Map<String, Long> after = counts();
        // a table may be loaded in several COPYs (claims, a million at a time): per table, their sums
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (ScaleLoader.Loaded t : tables) {
            rows.merge(t.database() + "." + t.table(), t.rows(), Long::sum);
            seconds.merge(t.database() + "." + t.table(), t.seconds(), Double::sum);
        }
        long mismatches = 0;
        for (Map.Entry<String, Long> t : rows.entrySet()) {
            String key = t.getKey();
            report.put("scale." + label + ".load." + key + ".rows", t.getValue(), "rows", "rows this round added");
            report.put("scale." + label + ".load." + key + ".s", seconds.get(key), "s", "time of this table's COPYs");
            if (!key.endsWith(".budget_account")) {
                long added = after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
                if (added != t.getValue()) {
                    mismatches++;
                    report.note("scale " + label + ": " + key + " grew by " + added + " rows, the loader wrote "
                            + t.getValue());
                }
            }
        }
        report.put(
                "scale." + label + ".row_count_mismatches",
                mismatches,
                "tables",
                "tables whose row count grew by other than what the loader wrote (0 when consistent)");
        sizes(label, seconds);
        checkThroughApi(label, to);
    }

    /**
     * Waits (at most a minute) until every service's audit chainer has moved its pending records into
     * {@code audit_record}: records of the scenarios before this one (an upload is audited) would
     * otherwise land in the round's window and count as rows the loader did not write.
     */
    private void awaitAuditChained() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        for (String database : ScaleLoader.TABLES.keySet()) {
            try (Connection c = connect(database);
                    Statement s = c.createStatement()) {
                while (Instant.now().isBefore(deadline)) {
                    try (ResultSet rs = s.executeQuery("select count(*) from audit_pending")) {
                        rs.next();
                        if (rs.getLong(1) == 0) {
                            break;
                        }
                    }
                    Thread.sleep(200);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the audit backlog of " + database, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        ScaleLoader.TABLES.forEach((database, tables) -> {
            try (Connection c = connect(database);
                    Statement s = c.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                        rs.next();
                        counts.put(database + "." + table, rs.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not count the rows of " + database, e);
            }
        });
        return counts;
    }

    private void analyse() {
        ScaleLoader.TABLES.forEach((database, tables) -> {
            try (Connection c = connect(database);
                    Statement s = c.createStatement()) {
                for (String table : tables) {
                    s.execute("vacuum (analyze) " + table);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not analyse " + database, e);
            }
        });
    }

    /** Size on disk of every loaded table: heap, indexes and total, per million of its rows. */
    private void sizes(String label, Map<String, Double> loadSeconds) {
        StringBuilder md = new StringBuilder("| table | rows | this round's load, s | heap MiB per 10⁶ rows |"
                + " indexes MiB per 10⁶ rows | total MiB per 10⁶ rows |\n|---|---|---|---|---|---|\n");
        ScaleLoader.TABLES.forEach((database, tables) -> {
            try (Connection c = connect(database);
                    Statement s = c.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("select pg_total_relation_size('" + table + "'),"
                            + " pg_relation_size('" + table + "'), pg_indexes_size('" + table + "'),"
                            + " (select count(*) from " + table + ")")) {
                        rs.next();
                        long rows = rs.getLong(4);
                        String key = "scale." + label + ".size." + database + "." + table;
                        report.put(key + ".rows", rows, "rows", "rows in the table after the round");
                        String[] what = {"total (heap, TOAST, indexes)", "heap", "indexes"};
                        String[] suffix = {"total", "table", "indexes"};
                        double[] perMillion = new double[3];
                        for (int k = 0; k < 3; k++) {
                            double mib = rs.getLong(k + 1) / 1048576.0;
                            perMillion[k] = rows == 0 ? Double.NaN : mib * 1e6 / rows;
                            report.put(key + "." + suffix[k] + "_mb", mib, "MiB", what[k] + " size on disk");
                            report.put(
                                    key + "." + suffix[k] + "_mb_per_million",
                                    rows == 0 ? Double.NaN : mib * 1e6 / rows,
                                    "MiB",
                                    what[k] + " size per million rows");
                        }
                        md.append("| ")
                                .append(database)
                                .append('.')
                                .append(table)
                                .append(" | ")
                                .append(rows)
                                .append(" | ")
                                .append(Report.format(loadSeconds.getOrDefault(database + "." + table, Double.NaN)))
                                .append(" | ")
                                .append(Report.format(perMillion[1]))
                                .append(" | ")
                                .append(Report.format(perMillion[2]))
                                .append(" | ")
                                .append(Report.format(perMillion[0]))
                                .append(" |\n");
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not measure the sizes in " + database, e);
            }
        });
        report.section(
                "Data at scale " + label.substring(1),
                md + "\nSizes per million rows mean little below about 10⁵ rows: a table's first pages dominate."
                        + " Budget accounts (≤ 208 rows, upserted) are left out.\n");
    }

    /** The budget still balances and a loaded claim reads back through the gateway, masked. */
    private void checkThroughApi(String label, long scale) {
        JsonNode reconciliation = getJson(
                bench.suite().serviceUrl("tradein-subsidy-service") + "/api/subsidies/budget/reconciliation",
                token("auditor"),
                Duration.ofMinutes(30));
        boolean agrees = reconciliation.path("agrees").asBoolean(false);
        report.put(
                "scale." + label + ".reconciliation_agrees",
                agrees ? 1 : 0,
                "bool",
                "the budget reconciliation endpoint says every account agrees with its journal (1) after the load");
        if (!agrees) {
            report.note(
                    "scale " + label + ": the reconciliation found mismatches: " + reconciliation.path("mismatches"));
        }
        Claims.Claim sample = Claims.claim(SEED, scale - 1);
        JsonNode claim = getJson(
                bench.http().gatewayUrl() + "/api/subsidies/claims/" + sample.id(),
                token("auditor"),
                Duration.ofSeconds(30));
        boolean masked = claim.path("applicant").path("idNumber").asText().equals(sample.applicantIdMasked())
                && claim.path("status").asText().equals(sample.status());
        report.put(
                "scale." + label + ".sample_claim_reads_back",
                masked ? 1 : 0,
                "bool",
                "the last loaded claim reads back through the gateway with its status and masked ID number (1)");
        if (!masked) {
            report.note("scale " + label + ": claim " + sample.id() + " read back as " + claim);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(bench.suite().postgres().jdbcUrl(database), "postgres", "postgres");
    }

    // ---------------------------------------------------------------- the curves

    /**
     * Measures every operation at this scale; after a claims-only round only those whose data grew (the
     * claims') and the two dashboards.
     */
    private void measure(long scale, boolean claimsOnly) {
        int point = bench.profile().scalePointRequests();
        int longOnes = bench.profile().scaleLongRequests();
        String gateway = bench.http().gatewayUrl();
        String subsidy = bench.suite().serviceUrl("tradein-subsidy-service");
        String tasks = bench.suite().serviceUrl("tasks-service");
        String equipment = bench.suite().serviceUrl("equipment-inventory-service");
        SplittableRandom random = new SplittableRandom(SEED + scale);
        Bodies bodies = new Bodies(Bodies.creditCode(0));
        long idBase = ClaimScenario.idBlock(60 + round);
        String claims = gateway + "/api/subsidies/claims";
        String filter = "county=141102&status=PENDING_REVIEW&programmeId=HOME-APPLIANCE";

        time(
                scale,
                "file_claim",
                point,
                "POST /api/subsidies/claims, every check, through the gateway",
                n -> {
                    String county = Bodies.COUNTIES.get(n % Bodies.COUNTIES.size());
                    return HttpRequest.newBuilder(URI.create(claims))
                            .header("Authorization", "Bearer " + token("county-officer", "county", county))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", "scale-" + round + "-" + n)
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.claim(idBase + n, county)));
                },
                201,
                false);
        time(
                scale,
                "read_claim",
                point,
                "GET /api/subsidies/claims/{id} of a random loaded claim",
                n -> get(
                        claims + "/"
                                + Claims.claim(SEED, random.nextLong(scale)).id(),
                        token("auditor")),
                200,
                false);
        time(
                scale,
                "list_page_1",
                point,
                "GET /api/subsidies/claims?page=0&size=20",
                n -> get(claims + "?page=0&size=20", token("auditor")),
                200,
                false);
        time(
                scale,
                "list_page_1000",
                point,
                "GET /api/subsidies/claims?page=999&size=20",
                n -> get(claims + "?page=999&size=20", token("auditor")),
                200,
                false);
        time(
                scale,
                "list_page_1_filtered",
                point,
                "claims page 1 of one county's home-appliance claims pending review",
                n -> get(claims + "?" + filter + "&page=0&size=20", token("auditor")),
                200,
                false);
        time(
                scale,
                "list_page_1000_filtered",
                point,
                "the same filter, page 1,000",
                n -> get(claims + "?" + filter + "&page=999&size=20", token("auditor")),
                200,
                false);
        time(
                scale,
                "claims_monthly_totals",
                point,
                "GET /api/subsidies/claims/monthly-totals, the city (the console dashboard's claims chart)",
                n -> get(claims + "/monthly-totals", token("city-admin")),
                200,
                false);
        time(
                scale,
                "dashboard_city",
                point,
                "GET /api/tasks/dashboard/city",
                n -> get(gateway + "/api/tasks/dashboard/city", token("city-admin")),
                200,
                false);
        time(
                scale,
                "dashboard_county",
                point,
                "GET /api/tasks/dashboard/counties/141102",
                n -> get(gateway + "/api/tasks/dashboard/counties/141102", token("city-admin")),
                200,
                false);
        if (claimsOnly) {
            return;
        }
        time(
                scale,
                "equipment_aggregates",
                point,
                "GET /api/equipment/aggregates?by=county",
                n -> get(gateway + "/api/equipment/aggregates?by=county", token("city-admin")),
                200,
                false);
        time(
                scale,
                "sdmx_export",
                longOnes,
                "GET /api/tasks/statistics/sdmx/data, 2024-04 to 2025-12, all areas" + DIRECT,
                n -> get(
                        tasks + "/api/tasks/statistics/sdmx/data?startPeriod=2024-04&endPeriod=2025-12",
                        token("city-admin")),
                200,
                true);
        time(
                scale,
                "supervision_run",
                longOnes,
                "POST /api/tasks/supervision/runs" + DIRECT,
                n -> HttpRequest.newBuilder(URI.create(tasks + "/api/tasks/supervision/runs"))
                        .header("Authorization", "Bearer " + token("city-admin"))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                200,
                true);
        time(
                scale,
                "rebuild_indicators",
                longOnes,
                "POST /api/tasks/statistics/indicators/rebuilds through the gateway (a job), followed until it"
                        + " succeeded: every statistics event replayed",
                (n, timeout) -> rebuildJob(gateway, timeout),
                200,
                true);
        time(
                scale,
                "audit_verification",
                longOnes,
                "GET /api/subsidies/audit-records/verification" + DIRECT,
                n -> get(subsidy + "/api/subsidies/audit-records/verification", token("auditor")),
                200,
                true);
        time(
                scale,
                "budget_reconciliation",
                longOnes,
                "GET /api/subsidies/budget/reconciliation" + DIRECT,
                n -> get(subsidy + "/api/subsidies/budget/reconciliation", token("auditor")),
                200,
                true);
        for (String format : List.of("xlsx", "csv")) {
            ImportScenario.HeapSampler heap = new ImportScenario.HeapSampler(bench.http(), equipment + "/q/metrics");
            heap.start();
            time(
                    scale,
                    "export_" + format,
                    longOnes,
                    "GET /api/equipment/lists/status/export?format=" + format + ", every record in service" + DIRECT,
                    n -> get(equipment + "/api/equipment/lists/status/export?format=" + format, token("city-admin")),
                    200,
                    true);
            report.put(
                    "curve.export_" + format + ".s" + ScaleCurves.label(scale) + ".peak_heap_mb",
                    heap.stop() / 1048576.0,
                    "MiB",
                    "highest heap in use in equipment-inventory-service during the " + format + " exports");
        }
    }

    private static HttpRequest.Builder get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .GET();
    }

    private interface RequestFor {
        HttpRequest.Builder request(int n);
    }

    /** One timed operation: its HTTP status, or 200 for a job that succeeded. */
    private interface Call {
        int status(int n, Duration timeout);
    }

    private void time(
            long scale,
            String operation,
            int requests,
            String what,
            RequestFor request,
            int expected,
            boolean longOne) {
        time(
                scale,
                operation,
                requests,
                what,
                (Call) (n, timeout) -> bench.http()
                        .sendDiscarding(request.request(n).timeout(timeout).build())
                        .statusCode(),
                expected,
                longOne);
    }

    /**
     * Requests an indicator rebuild (a job, 202) and follows it every 100 ms until it ends: 200 when it
     * succeeded, 500 when it failed.
     */
    private int rebuildJob(String gateway, Duration timeout) {
        String url = gateway + "/api/tasks/statistics/indicators/rebuilds";
        HttpResponse<String> accepted = bench.http()
                .send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token("city-admin"))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        JsonNode job;
        try {
            job = Http.expect(accepted, 202, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String state = getJson(url + "/" + job.path("id").asText(), token("city-admin"), Duration.ofSeconds(30))
                    .path("state")
                    .asText();
            if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
                return state.equals("SUCCEEDED") ? 200 : 500;
            }
            ChildJvm.sleep(100);
        }
        throw new IllegalStateException("indicator rebuild " + job.path("id").asText() + " still running");
    }

    /** Runs {@code requests} calls one after another and records p50, p99 and failures. */
    private void time(
            long scale, String operation, int requests, String what, Call call, int expected, boolean longOne) {
        double[] millis = new double[requests];
        int failures = 0;
        String lastFailure = null;
        for (int n = 0; n < requests; n++) {
            long start = System.nanoTime();
            int status;
            try {
                status = call.status(n, longOne ? Duration.ofMinutes(30) : Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                failures++;
                lastFailure = e.getMessage();
                millis[n] = Double.NaN;
                continue;
            }
            millis[n] = (System.nanoTime() - start) / 1e6;
            if (status != expected) {
                // a refusal is quick and says nothing of the operation: counted, not timed
                failures++;
                lastFailure = "HTTP " + status;
                millis[n] = Double.NaN;
            }
        }
        double[] ok = java.util.Arrays.stream(millis).filter(Double::isFinite).toArray();
        double p50 = ScaleCurves.percentile(ok, 0.50);
        double p99 = ScaleCurves.percentile(ok, 0.99);
        String key = "curve." + operation + ".s" + ScaleCurves.label(scale);
        report.put(key + ".p50_ms", p50, "ms", what + ", " + requests + " requests one at a time");
        report.put(
                key + ".p99_ms",
                p99,
                "ms",
                what + " (with " + requests + " requests p99 is the slowest but one or"
                        + " two; with 5 or fewer it is the slowest)");
        report.put(key + ".failures", failures, "requests", "requests that failed or answered other than " + expected);
        if (failures > 0) {
            report.note("scale " + ScaleCurves.label(scale) + ": " + operation + " failed " + failures + " of "
                    + requests + " times, last: " + lastFailure);
        }
        curves.add(operation, new ScaleCurves.Point(scale, requests, p50, p99));
        bench.out()
                .printf(
                        "   %-26s at %-6s p50 %8.1f ms  p99 %8.1f ms%s%n",
                        operation,
                        ScaleCurves.label(scale),
                        p50,
                        p99,
                        failures > 0 ? "  (" + failures + " failed)" : "");
    }

    private JsonNode getJson(String url, String token, Duration timeout) {
        HttpResponse<String> response =
                bench.http().send(get(url, token).timeout(timeout).build());
        try {
            return Http.expect(response, 200, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
