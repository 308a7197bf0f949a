package cn.gov.lvliang.renewal.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.renewal.devstack.App;
import cn.gov.lvliang.renewal.devstack.DevStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Every metric that an alert rule ({@code deploy/observability/prometheus/*.yml}) or a dashboard
 * panel ({@code deploy/observability/grafana/dashboards/*.json}) queries exists in some running
 * application's {@code /q/metrics}; metrics of CloudNativePG's exporter ({@code cnpg_*}) exist in
 * its custom queries, and those queries run against the real database. A rule that names a metric
 * nobody exposes never fires, so this is what keeps the alerts honest.
 */
final class ObservabilityMetrics {

    /** PromQL words that look like metric names but are not. */
    private static final Set<String> KEYWORDS =
            Set.of("and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final String CNPG_PREFIX = "cnpg_";

    private ObservabilityMetrics() {}

    static void assertEveryQueriedMetricIsExposed(DevStack suite, Path root) throws Exception {
        Path observability = root.resolve("deploy/observability");
        Map<String, String> queried = queriedMetrics(observability); // metric -> where it is used
        assertThat(queried)
                .as("the rules and dashboards were read and parsed")
                .containsKeys("outbox_backlog", "events_dead_lettered_total", "audit_pending", "agroal_active_count")
                .hasSizeGreaterThan(20);

        produceARecordThatCannotBeConsumed(suite);
        Map<String, String> cnpg = cnpgMetricsRunAgainstTheirDatabases(suite, root);
        // Some series exist only while something happens: the dead-letter counter after the record
        // above is consumed, a consumer's per-partition lag while it holds and fetches partitions
        // (not during a rebalance). So the scrape is repeated until nothing is missing, for a minute.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Set<String> exposed = exposedMetrics(suite);
                    List<String> missing = new ArrayList<>();
                    queried.forEach((metric, usedIn) -> {
                        boolean known =
                                metric.startsWith(CNPG_PREFIX) ? cnpg.containsKey(metric) : exposed.contains(metric);
                        if (!known) {
                            missing.add(metric + " (used in " + usedIn + ")");
                        }
                    });
                    assertThat(missing)
                            .as("metrics queried by alerts or dashboards that no application exposes")
                            .isEmpty();
                });
    }

    /**
     * {@code events_dead_lettered_total} exists only after a dead letter: one record that is not a
     * CloudEvent, on a topic that recycling-service and tasks-service consume.
     */
    private static void produceARecordThatCannotBeConsumed(DevStack suite) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>("equipment.events", "observability-check", "not a CloudEvent"));
            producer.flush();
        }
    }

    /** The sample names of every application's {@code /q/metrics}. */
    private static Set<String> exposedMetrics(DevStack suite) {
        Set<String> names = new TreeSet<>();
        for (App app : App.ALL) {
            String text = given().baseUri(suite.serviceUrl(app.module()))
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            text.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(names::add);
        }
        return names;
    }

    /** Every metric name in the rules' {@code expr} and the dashboards' targets and variables. */
    static Map<String, String> queriedMetrics(Path observability) throws IOException {
        Map<String, String> metrics = new TreeMap<>();
        YAMLMapper yaml = new YAMLMapper();
        try (Stream<Path> files = Files.list(observability.resolve("prometheus"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                JsonNode groups = yaml.readTree(file.toFile()).path("groups");
                for (JsonNode group : groups) {
                    for (JsonNode rule : group.path("rules")) {
                        String where = file.getFileName() + " "
                                + rule.path("alert").asText(rule.path("record").asText());
                        metricNames(rule.path("expr").asText()).forEach(m -> metrics.putIfAbsent(m, where));
                    }
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(observability.resolve("grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode dashboard = json.readTree(file.toFile());
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        String where =
                                file.getFileName() + " \"" + panel.path("title").asText() + "\"";
                        metricNames(target.path("expr").asText()).forEach(m -> metrics.putIfAbsent(m, where));
                    }
                }
                for (JsonNode variable : dashboard.path("templating").path("list")) {
                    Matcher m = LABEL_VALUES.matcher(variable.path("definition").asText());
                    if (m.find()) {
                        metrics.putIfAbsent(
                                m.group(1),
                                file.getFileName() + " variable "
                                        + variable.path("name").asText());
                    }
                }
            }
        }
        return metrics;
    }

    /**
     * The metric names of a PromQL expression: identifiers that are not functions (followed by a
     * parenthesis), keywords, label names (inside braces or a grouping), strings or durations.
     */
    static Set<String> metricNames(String promql) {
        String bare = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String rest = bare.substring(m.end()).stripLeading();
            if (!rest.startsWith("(") && !KEYWORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /**
     * The metrics CloudNativePG's exporter computes from the custom queries ({@code
     * cnpg_<query>_<column>}), each query run against its target database of the suite: it must
     * answer 0 there, and count an account whose balance its journal does not explain (inserted in
     * a transaction that is rolled back).
     */
    private static Map<String, String> cnpgMetricsRunAgainstTheirDatabases(DevStack suite, Path root)
            throws IOException, SQLException {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode configMap =
                yaml.readTree(root.resolve("deploy/kubernetes/infrastructure/postgres/monitoring-queries.yaml")
                        .toFile());
        JsonNode queries = yaml.readTree(configMap.path("data").path("queries").asText());
        Map<String, String> metrics = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : queries.properties()) {
            JsonNode query = entry.getValue();
            String database = query.path("target_databases").path(0).asText();
            for (JsonNode metric : query.path("metrics")) {
                String column = metric.properties().iterator().next().getKey();
                metrics.put(CNPG_PREFIX + entry.getKey() + "_" + column, database);
                assertThat(runQuery(suite, database, query.path("query").asText(), column, false))
                        .as(entry.getKey() + " on the suite's " + database + " database")
                        .isZero();
                assertThat(runQuery(suite, database, query.path("query").asText(), column, true))
                        .as(entry.getKey() + " with an account that has no journal")
                        .isEqualTo(1);
            }
        }
        assertThat(metrics).containsKey("cnpg_budget_reconciliation_mismatched_accounts");
        return metrics;
    }

    private static long runQuery(DevStack suite, String database, String sql, String column, boolean tamper)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(suite.postgres().jdbcUrl(database), "postgres", "postgres")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (tamper) {
                    // as if someone had written a balance by SQL, bypassing the ledger
                    s.executeUpdate("insert into budget_account (programme_id, county, funding_source, allocated_fen)"
                            + " select id, '141199', 'COUNTY', 500 from programme limit 1");
                }
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    return rs.getLong(column);
                }
            } finally {
                c.rollback();
            }
        }
    }
}
