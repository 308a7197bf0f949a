package cn.gov.lvliang.renewal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole harness in smoke mode (every scenario, tiny durations and volumes) against the
 * packaged suite and checks that the report exists in both forms and carries every figure and
 * target. Its figures are not judged: timings belong to the full benchmark ({@code ./bench/run}).
 */
class BenchSmokeIT {

    private static final List<String> APPS = List.of(
            "tasks-service", "equipment-inventory-service", "tradein-subsidy-service", "recycling-service", "gateway");

    static List<String> expectedKeys() {
        List<String> keys = new ArrayList<>();
        for (int c : List.of(8, 32, 128)) {
            for (String target : List.of("direct", "gateway")) {
                for (String figure : List.of("throughput_rps", "p50_ms", "p95_ms", "p99_ms", "errors")) {
                    keys.add("claims." + target + ".c" + c + "." + figure);
                }
            }
            keys.add("claims.ratio.c" + c + ".gateway_over_direct_throughput");
            keys.add("claims.gateway_added.c" + c + ".p50_ms");
            for (String script : List.of("issue_shape", "full_shape")) {
                keys.add("pgbench." + script + ".c" + c + ".tps");
                keys.add("pgbench." + script + ".c" + c + ".p50_ms");
                keys.add("pgbench." + script + ".c" + c + ".p99_ms");
                keys.add("pgbench.ratio.c" + c + ".service_over_" + script);
            }
        }
        for (String target : List.of("direct", "gateway")) {
            for (String figure : List.of("throughput_rps", "p50_ms", "p99_ms")) {
                keys.add("claims." + target + ".paced." + figure);
            }
        }
        keys.add("claims.gateway_added.paced.p50_ms");
        keys.add("claims.gateway_added.paced.p99_ms");
        keys.add("claims.rejected_by_checks");
        for (String figure : List.of("offered_eps", "achieved_eps", "p50_ms", "p99_ms", "arrived_fraction")) {
            keys.add("lag.steady." + figure);
        }
        keys.add("lag.max_steady.eps");
        for (String format : List.of("csv", "xlsx")) {
            keys.add("import." + format + ".wall_s");
            keys.add("import." + format + ".peak_heap_mb");
        }
        keys.add("import.copy.wall_s");
        keys.add("import.ratio.xlsx_over_copy");
        keys.add("import.ratio.csv_over_copy");
        keys.add("startup.suite.ready_s");
        for (String figure :
                List.of("claims_loaded", "first_render.p50_ms", "first_render.p90_ms", "charts_without_data")) {
            keys.add("dashboard." + figure);
        }
        for (String app : APPS) {
            keys.add("startup." + app + ".ready_s");
            keys.add("rss." + app + ".idle_mb");
            keys.add("rss." + app + ".under_claim_load_mb");
        }
        return keys;
    }

    @Test
    void theSmokeRunWritesAMarkdownAndAJsonReportWithEveryFigure() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath();
        Path out = Files.createTempDirectory("bench-smoke-results");

        // two rounds: everything up to SMOKE_SCALE claims, then a claims-only round to twice as many
        Report report = Bench.runAll(
                root,
                Profile.SMOKE,
                Set.copyOf(Bench.SCENARIOS),
                new ScalePlan(List.of(Profile.SMOKE_SCALE, CLAIMS_ONLY_SCALE), Profile.SMOKE_SCALE),
                out,
                System.out);

        Path json = out.resolve("latest-smoke.json");
        Path markdown = out.resolve("latest-smoke.md");
        assertThat(json).exists();
        assertThat(markdown).exists();
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        String md = Files.readString(markdown, StandardCharsets.UTF_8);
        assertThat(tree.path("notes").toString()).as("no scenario failed").doesNotContain("failed:");
        for (String key : expectedKeys()) {
            // Smoke windows are tiny, so a figure may be n/a (null) on a busy machine; it must be there.
            JsonNode figure = tree.path("figures").path(key);
            assertThat(figure.has("value"))
                    .as("figure %s in the JSON report", key)
                    .isTrue();
            assertThat(figure.path("unit").asText()).as("unit of %s", key).isNotBlank();
            assertThat(md).as("figure %s in the Markdown report", key).contains("`" + key + "`");
        }
        for (String fact : List.of("cores (available processors)", "memory", "jdk")) {
            assertThat(tree.path("machine").path(fact).asText()).as(fact).isNotBlank();
            assertThat(md).contains(fact);
        }
        double filed = 0;
        for (String key : expectedKeys()) {
            if (key.startsWith("claims.") && key.endsWith(".throughput_rps")) {
                filed += tree.path("figures").path(key).path("value").asDouble();
            }
        }
        assertThat(filed).as("claims were filed").isPositive();
        assertThat(tree.path("figures")
                        .path("claims.rejected_by_checks")
                        .path("value")
                        .asDouble())
                .as("claims the checks rejected: the load must never repeat an identifier")
                .isZero();
        assertThat(report.targets()).hasSize(8);
        assertThat(tree.path("targets")).hasSize(8);
        assertThat(tree.path("figures")
                        .path("dashboard.charts_without_data")
                        .path("value")
                        .asDouble())
                .as("every chart of every measured dashboard render held data")
                .isZero();
        assertThat(tree.path("figures")
                        .path("dashboard.first_render.p50_ms")
                        .path("value")
                        .asDouble())
                .as("the dashboard rendered")
                .isPositive();
        assertThat(tree.path("figures")
                        .path("lag.steady.arrived_fraction")
                        .path("value")
                        .asDouble())
                .as("every certificate reached the read model")
                .isEqualTo(1.0);
        assertThat(tree.path("figures").path("import.xlsx.wall_s").path("value").asDouble())
                .isPositive();
        theScaleLoaderLoadedConsistentDataAndTheCurvesWereWritten(tree, md, out);
        theClaimsOnlyRoundLoadedTheClaimsAndMeasuredTheirOperations(tree.path("figures"));
    }

    private static final long CLAIMS_ONLY_SCALE = 2 * Profile.SMOKE_SCALE;

    /** The round above {@code --claims-only-above}: claims and their own rows, nothing derived, consistent. */
    private static void theClaimsOnlyRoundLoadedTheClaimsAndMeasuredTheirOperations(JsonNode figures) {
        String s = "scale.s" + ScaleCurves.label(CLAIMS_ONLY_SCALE) + ".";
        assertThat(figures.path(s + "load.subsidy.claim.rows").path("value").asLong())
                .as("claims loaded in the claims-only round")
                .isEqualTo(CLAIMS_ONLY_SCALE - Profile.SMOKE_SCALE);
        assertThat(figures.path(s + "load.subsidy.claim_unique_use.rows")
                        .path("value")
                        .asLong())
                .isPositive();
        for (String derived : List.of(
                "subsidy.budget_journal",
                "subsidy.outbox_event",
                "subsidy.audit_record",
                "equipment.equipment",
                "tasks.statistics_event")) {
            assertThat(figures.has(s + "load." + derived + ".rows"))
                    .as("the claims-only round loads no %s", derived)
                    .isFalse();
        }
        assertThat(figures.path(s + "row_count_mismatches").path("value").asDouble())
                .isZero();
        assertThat(figures.path(s + "reconciliation_agrees").path("value").asDouble())
                .isEqualTo(1.0);
        assertThat(figures.path(s + "sample_claim_reads_back").path("value").asDouble())
                .isEqualTo(1.0);
        for (String operation : List.of("file_claim", "read_claim", "list_page_1", "claims_monthly_totals")) {
            String key = "curve." + operation + ".s" + ScaleCurves.label(CLAIMS_ONLY_SCALE);
            assertThat(figures.path(key + ".p99_ms").path("value").asDouble())
                    .as("p99 of %s after the claims-only round", operation)
                    .isPositive();
            assertThat(figures.path(key + ".failures").path("value").asDouble()).isZero();
        }
        assertThat(figures.has("curve.export_csv.s" + ScaleCurves.label(CLAIMS_ONLY_SCALE) + ".p99_ms"))
                .as("operations whose data did not grow are not measured again")
                .isFalse();
    }

    /** The scale scenario at {@link Profile#SMOKE_SCALE} claims: loaded, consistent, measured, charted. */
    private static void theScaleLoaderLoadedConsistentDataAndTheCurvesWereWritten(JsonNode tree, String md, Path out)
            throws Exception {
        JsonNode figures = tree.path("figures");
        String s = "scale.s" + ScaleCurves.label(Profile.SMOKE_SCALE) + ".";
        assertThat(figures.path(s + "load.subsidy.claim.rows").path("value").asLong())
                .as("claims loaded")
                .isEqualTo(Profile.SMOKE_SCALE);
        assertThat(figures.path(s + "load.subsidy.scrap_certificate.rows")
                        .path("value")
                        .asLong())
                .isEqualTo(Profile.SMOKE_SCALE / 10);
        assertThat(figures.path(s + "load.equipment.equipment.rows")
                        .path("value")
                        .asLong())
                .isEqualTo(Profile.SMOKE_SCALE);
        assertThat(figures.path(s + "load.tasks.statistics_event.rows")
                        .path("value")
                        .asLong())
                .isEqualTo(2 * Profile.SMOKE_SCALE);
        assertThat(figures.path(s + "load.subsidy.claim_check.rows")
                        .path("value")
                        .asLong())
                .as("every claim has its checks")
                .isGreaterThanOrEqualTo(6 * Profile.SMOKE_SCALE);
        assertThat(figures.path(s + "row_count_mismatches").path("value").asDouble())
                .as("each table grew by exactly the rows the loader wrote")
                .isZero();
        assertThat(figures.path(s + "reconciliation_agrees").path("value").asDouble())
                .as("the budget reconciliation endpoint says the books balance")
                .isEqualTo(1.0);
        assertThat(figures.path(s + "sample_claim_reads_back").path("value").asDouble())
                .as("a loaded claim reads back through the API with its masked ID number")
                .isEqualTo(1.0);
        assertThat(figures.path(s + "size.subsidy.claim.total_mb_per_million")
                        .path("value")
                        .asDouble())
                .isPositive();
        for (String operation : List.of(
                "file_claim",
                "read_claim",
                "list_page_1",
                "list_page_1000",
                "list_page_1_filtered",
                "list_page_1000_filtered",
                "claims_monthly_totals",
                "dashboard_city",
                "dashboard_county",
                "equipment_aggregates",
                "sdmx_export",
                "supervision_run",
                "rebuild_indicators",
                "audit_verification",
                "budget_reconciliation",
                "export_xlsx",
                "export_csv")) {
            String key = "curve." + operation + ".s" + ScaleCurves.label(Profile.SMOKE_SCALE);
            assertThat(figures.path(key + ".p99_ms").path("value").asDouble())
                    .as("p99 of %s", operation)
                    .isPositive();
            assertThat(figures.path(key + ".failures").path("value").asDouble())
                    .as("failures of %s", operation)
                    .isZero();
        }
        assertThat(md).contains("## Scale curves");
        assertThat(out.resolve("latest-smoke-scale-curves.svg")).content().startsWith("<svg");
    }
}
