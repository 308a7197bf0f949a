package cn.gov.lvliang.renewal.bench;

import cn.gov.lvliang.renewal.devstack.Chromium;
import cn.gov.lvliang.renewal.infra.Directories;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The leadership dashboard's first render in a real browser ({@code ./bench/run --only dashboard};
 * issue 19: at most 1 s, as a median of 10, with 100,000 claims and 100,000 equipment records).
 * Loads the data with the scale loader (unless the scale scenario already has), enters the
 * measured indicator's value in each county, imports the city's plan and runs the supervision job
 * (so that overdue work exists), then signs in to the console as the city administrator in
 * Debian's headless Chromium ({@link Chromium}) and opens the dashboard {@link Profile#dashboardRenders}
 * times with the browser cache disabled (each open a first visit: page, scripts, every chart's data).
 * A render's time runs from navigation start until the page says every chart is drawn ({@code
 * data-charts-done} on {@code body}) and the frame after it has been painted; it counts only when
 * every chart's ECharts instance holds data. The Performance API's entries say where the time went.
 */
final class DashboardScenario {

    /** The document the plan comes from: the same text tasks-service's tests import. */
    static final String PLAN = "tasks-service/src/test/resources/policy/lvzhengfa-2024-4.txt";

    static final double TARGET_MS = 1000;

    /** The indicator the dashboard is opened with: a manual one, whose values the scenario enters. */
    static final String INDICATOR = "OLD_COMPOUNDS_RENOVATED";

    static final String PERIOD = "2026-10";

    /**
     * Injected before the page's own scripts: notes {@code performance.now()} (ms since navigation
     * start) in the first animation frame after {@code body} gets {@code data-charts-done}, that is
     * once the charts drawn just before have been painted.
     */
    private static final String OBSERVER = "new MutationObserver(function (changes, observer) {"
            + "  if (document.body && document.body.dataset.chartsDone) {"
            + "    observer.disconnect();"
            + "    requestAnimationFrame(function () { window.__chartsPainted = performance.now(); });"
            + "  }"
            + "}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-charts-done']});";

    /** Per chart: [id, number of series, data points that are neither null nor zero]. */
    private static final String CHART_DATA = "return Array.from(document.querySelectorAll('.chart[data-src]'))"
            + ".map(function (el) {"
            + "  var chart = window.echarts && echarts.getInstanceByDom(el);"
            + "  var series = chart ? (chart.getOption().series || []) : [];"
            + "  var points = series.reduce(function (n, s) { return n + (s.data || []).filter(function (v) {"
            + "    return v !== null && v !== undefined && Number(v) !== 0; }).length; }, 0);"
            + "  return [el.id, series.length, points];"
            + "});";

    /** Where the time went: the HTML, DOMContentLoaded, and each chart's JSON (start → end, ms). */
    private static final String TIMINGS = "var nav = performance.getEntriesByType('navigation')[0];"
            + "var out = {html: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd};"
            + "performance.getEntriesByType('resource').forEach(function (r) {"
            + "  var m = r.name.match(/\\/dashboard\\/charts\\/([a-z]+)/);"
            + "  if (m) { out['chart_' + m[1] + '_start'] = r.startTime; out['chart_' + m[1] + '_end'] = r.responseEnd; }"
            + "  if (r.name.indexOf('echarts.min.js') >= 0) { out.echarts_script_end = r.responseEnd; }"
            + "});"
            + "return out;";

    private final Bench bench;
    private final Report report;

    private DashboardScenario(Bench bench) {
        this.bench = bench;
        this.report = bench.report();
    }

    static void run(Bench bench) {
        new DashboardScenario(bench).measure();
    }

    private void measure() {
        long scale = Math.max(bench.profile().dashboardScale(), bench.loadedClaims());
        if (bench.loadedClaims() < scale) {
            ScaleScenario.load(bench, bench.loadedClaims(), scale);
        }
        prepareData();
        Path userData;
        try {
            userData = Files.createTempDirectory(bench.workDirectory(), "chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriver browser = Chromium.start(userData);
        try {
            signIn(browser);
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVER));
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            String url = bench.suite().gatewayUrl() + "/console/dashboard?indicator=" + INDICATOR;
            List<Double> renders = new ArrayList<>();
            Map<String, List<Double>> parts = new LinkedHashMap<>();
            List<String> empty = new ArrayList<>();
            for (int i = 0; i < bench.profile().dashboardRenders(); i++) {
                browser.get(url);
                double painted = awaitPainted(browser);
                empty.addAll(chartsWithoutData(browser, i + 1));
                renders.add(painted);
                @SuppressWarnings("unchecked")
                Map<String, Object> timings = (Map<String, Object>) browser.executeScript(TIMINGS);
                timings.forEach((key, value) ->
                        parts.computeIfAbsent(key, k -> new ArrayList<>()).add(((Number) value).doubleValue()));
                bench.out().printf("   render %d: %.0f ms%n", i + 1, painted);
            }
            record(scale, renders, parts, empty);
        } finally {
            browser.quit();
            Directories.deleteRecursively(userData);
        }
    }

    /**
     * Values of the measured indicator in every county (entered as the statistics bureau enters a
     * manual indicator; the loader derives no indicator value, and the rebuild from the 2 × 10⁵
     * loaded statistics events outlasts tasks-service's transaction timeout on this machine), and
     * overdue work for the overdue chart (the city's plan, then a supervision run).
     */
    private void prepareData() {
        String tasks = bench.suite().serviceUrl("tasks-service");
        String admin = bench.http().token(Map.of("role", "city-admin", "subject", ClaimScenario.LOAD_CLIENT));
        HttpResponse<String> counties = bench.http()
                .send(HttpRequest.newBuilder(URI.create(tasks + "/api/tasks/counties"))
                        .header("Authorization", "Bearer " + admin)
                        .build());
        try {
            int n = 0;
            for (JsonNode county : Http.expect(counties, 200, "/api/tasks/counties")) {
                n++;
                send(
                        "PUT",
                        tasks + "/api/tasks/indicators/" + INDICATOR + "/values/"
                                + county.path("code").asText() + "/" + PERIOD,
                        admin,
                        HttpRequest.BodyPublishers.ofString("{\"value\":" + (10 * n) + "}"),
                        "application/json");
            }
            byte[] plan = Files.readAllBytes(bench.root().resolve(PLAN));
            send(
                    "POST",
                    tasks + "/api/tasks/plans/import",
                    admin,
                    HttpRequest.BodyPublishers.ofByteArray(plan),
                    "text/plain; charset=UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        send("POST", tasks + "/api/tasks/supervision/runs", admin, HttpRequest.BodyPublishers.noBody(), null);
    }

    private void send(String method, String url, String token, HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                // a body on an h2c upgrade: the services refuse it ("Request has already been read")
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = bench.http().send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The console's dev sign-in as the city administrator, with the bench's client id at the gateway. */
    private void signIn(ChromeDriver browser) {
        browser.get(bench.suite().gatewayUrl() + "/console/sign-in");
        browser.executeScript("document.getElementById('role').value = 'city-admin'");
        // the load client: ten dashboards in a row would otherwise meet the per-client rate limit
        browser.findElement(By.id("subject")).sendKeys(ClaimScenario.LOAD_CLIENT);
        WebElement submit = browser.findElement(By.cssSelector("form.form button[type=submit]"));
        submit.click();
        awaitTheNextPage(submit);
        String who = browser.findElement(By.id("who")).getText();
        if (!who.contains(ClaimScenario.LOAD_CLIENT)) {
            throw new IllegalStateException("the console's sign-in did not take: " + who);
        }
    }

    /** A click returns before the navigation it starts: waits until the clicked page is gone. */
    private static void awaitTheNextPage(WebElement clicked) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            try {
                clicked.isEnabled();
            } catch (StaleElementReferenceException gone) {
                return;
            }
            ChildJvm.sleep(20);
        }
        throw new IllegalStateException("the console's sign-in page did not leave within a minute");
    }

    private static double awaitPainted(ChromeDriver browser) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            Object painted = browser.executeScript(
                    "return window.__chartsPainted === undefined ? null" + " : window.__chartsPainted");
            if (painted != null) {
                return ((Number) painted).doubleValue();
            }
            ChildJvm.sleep(20);
        }
        throw new IllegalStateException("the dashboard's charts were not drawn within 2 minutes");
    }

    /** The charts of this render whose ECharts instance is missing or holds no data point. */
    private static List<String> chartsWithoutData(ChromeDriver browser, int render) {
        List<String> empty = new ArrayList<>();
        for (Object chart : (List<?>) browser.executeScript(CHART_DATA)) {
            List<?> c = (List<?>) chart;
            if (((Number) c.get(2)).longValue() == 0) {
                empty.add("render " + render + ": " + c.get(0) + " (" + c.get(1) + " series)");
            }
        }
        return empty;
    }

    private void record(long scale, List<Double> renders, Map<String, List<Double>> parts, List<String> empty) {
        double median = percentile(renders, 50);
        double p90 = percentile(renders, 90);
        report.put("dashboard.claims_loaded", scale, "claims", "claims (and equipment records) loaded when measured");
        report.put("dashboard.renders", renders.size(), "renders", "first renders measured (browser cache disabled)");
        report.put(
                "dashboard.first_render.p50_ms",
                median,
                "ms",
                "navigation start → every chart drawn and painted, median of the renders (city-admin, cache disabled)");
        report.put("dashboard.first_render.p90_ms", p90, "ms", "the same, 90th percentile (nearest rank)");
        report.put("dashboard.first_render.max_ms", percentile(renders, 100), "ms", "the same, slowest render");
        report.put(
                "dashboard.first_render.first_ms",
                renders.get(0),
                "ms",
                "the first render after the console started (its JIT cold)");
        report.put(
                "dashboard.charts_without_data",
                empty.size(),
                "charts",
                "charts, over all renders, whose ECharts instance was missing or held no non-zero data point");
        if (!empty.isEmpty()) {
            report.note("dashboard charts without data: " + String.join("; ", empty));
        }
        StringBuilder table = new StringBuilder(
                "Medians over the renders, ms since navigation start (Performance API)\n\n| mark | p50 | p90 |\n|---|---|---|\n");
        parts.forEach((key, values) -> {
            table.append("| ").append(key).append(" | ").append(Report.format(percentile(values, 50)));
            table.append(" | ").append(Report.format(percentile(values, 90))).append(" |\n");
            report.put("dashboard.part." + key + ".p50_ms", percentile(values, 50), "ms", "median of " + key);
        });
        table.append("| charts drawn and painted | ")
                .append(Report.format(median))
                .append(" | ")
                .append(Report.format(p90))
                .append(" |\n");
        report.section("Dashboard first render (" + scale + " claims)", table.toString());
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
