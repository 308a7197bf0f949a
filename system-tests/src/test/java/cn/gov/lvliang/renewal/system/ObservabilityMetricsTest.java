package cn.gov.lvliang.renewal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The metric names ObservabilityMetrics looks for: what a PromQL expression queries, nothing else. */
class ObservabilityMetricsTest {

    @Test
    void findsTheMetricsOfAnExpressionButNotItsFunctionsLabelsKeywordsOrVariables() {
        assertThat(ObservabilityMetrics.metricNames(
                        "sum by (application, consumer) (increase(events_dead_lettered_total{application=~\"$application\","
                                + " outcome=\"SERVER_ERROR\"}[$__rate_interval])) / clamp_min(max(outbox_backlog), 0.001)"
                                + " > 0 and on (application) audit_pending unless ignoring(pod) jvm_info"))
                .containsExactlyInAnyOrder("events_dead_lettered_total", "outbox_backlog", "audit_pending", "jvm_info");
    }

    @Test
    void readsEveryRuleAndPanelOfTheRepository() throws Exception {
        Path observability =
                Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().resolve("deploy/observability");
        assertThat(ObservabilityMetrics.queriedMetrics(observability))
                .containsEntry("outbox_publish_failures_total", "renewal-alerts.yml OutboxRelayFailing")
                .containsKeys(
                        "cnpg_budget_reconciliation_mismatched_accounts",
                        "http_server_requests_seconds_count",
                        "kafka_consumer_fetch_manager_records_lag",
                        "process_uptime_seconds")
                .doesNotContainKeys("application", "uri", "rate", "sum", "by");
    }
}
