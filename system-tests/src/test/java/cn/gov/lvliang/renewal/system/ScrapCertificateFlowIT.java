package cn.gov.lvliang.renewal.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.lvliang.renewal.devstack.DevStack;
import cn.gov.lvliang.renewal.devstack.Options;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The first cross-service flow, end to end through the gateway: a scrap certificate recorded in
 * recycling-service reaches tradein-subsidy-service's read model over the real broker, also
 * across a broker outage, exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScrapCertificateFlowIT {

    private static DevStack suite;
    private static String dismantler;
    private static String dismantlerToken;
    private static String adminToken;
    /** The owners' ID numbers this class sent: none may reach a log line. */
    private static final Set<String> OWNER_IDS = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startTheSuite() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath();
        Path state = Files.createTempDirectory("system-test-suite");
        System.out.println("System test suite state (logs, data): " + state);
        // JSON logs, as in production: the trace and personal-data checks read them (AppLogs)
        suite = DevStack.start(
                Options.defaults(root).withFreePorts().withStateDirectory(state).withJsonLogs(true));
        dismantler = TestIdentifiers.creditCode();
        dismantlerToken = devToken(Map.of("role", "dismantler", "enterprise", dismantler));
        adminToken = devToken(Map.of("role", "city-admin"));
        registerTheDismantler();
    }

    /** Only an enterprise with a valid dismantler qualification may issue certificates. */
    private static void registerTheDismantler() {
        SuiteRequests.registerQualifiedDismantler(suite.gatewayUrl(), adminToken, dismantler, "141124");
    }

    @AfterAll
    static void stopTheSuite() {
        SuiteState.stop(suite);
    }

    private static RequestSpecification gateway() {
        return given().baseUri(suite.gatewayUrl());
    }

    private static String devToken(Map<String, String> body) {
        return SuiteRequests.devToken(suite.gatewayUrl(), body);
    }

    private static Map<String, Object> certificate(String number, String ownerId) {
        return SuiteRequests.certificate(
                number, dismantler, "141124", TestIdentifiers.vin(), ownerId, LocalDate.of(2024, 9, 1));
    }

    private static String newNumber() {
        return "LL-SYS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static void post(String number, String ownerId) {
        post(number, ownerId, UUID.randomUUID().toString());
    }

    private static void post(String number, String ownerId, String requestId) {
        OWNER_IDS.add(ownerId);
        gateway()
                .header("X-Request-Id", requestId)
                .auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body(certificate(number, ownerId))
                .post("/api/recycling/scrap-certificates")
                .then()
                .statusCode(201);
    }

    private static void awaitOnSubsidySide(String number, Duration within) {
        await().atMost(within)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> gateway()
                        .auth()
                        .oauth2(adminToken)
                        .get("/api/subsidies/scrap-certificates/" + number)
                        .then()
                        .statusCode(200));
    }

    @Test
    @Order(1)
    void theExplorerAndEveryServicesOpenApiDocumentAreServedByTheGateway() {
        gateway().get("/q/swagger-ui/").then().statusCode(200);
        for (String module : List.of(
                "tasks-service", "equipment-inventory-service", "tradein-subsidy-service", "recycling-service")) {
            gateway().get("/openapi/" + module).then().statusCode(200).body("openapi", startsWith("3."));
        }
        gateway().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    @Order(2)
    void withoutATokenTheApiAnswers401ProblemJson() {
        gateway()
                .get("/api/subsidies/scrap-certificates/anything")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    @Order(2)
    void thePublishedQualificationsAndSitesNeedNoToken() {
        gateway()
                .get("/api/recycling/public/enterprises?county=141124")
                .then()
                .statusCode(200)
                .body(containsString(dismantler));
        gateway().get("/api/recycling/public/sites").then().statusCode(200);
    }

    @Test
    @Order(3)
    void aCertificatePostedToRecyclingReachesTheSubsidySideMaskedAndIsStoredWithoutPlaintextId() throws Exception {
        String number = newNumber();
        String ownerId = TestIdentifiers.residentId();
        post(number, ownerId);

        awaitOnSubsidySide(number, Duration.ofSeconds(10));
        gateway()
                .auth()
                .oauth2(adminToken)
                .get("/api/subsidies/scrap-certificates/" + number)
                .then()
                .body("owner.idNumber", equalTo(ownerId.substring(0, 4) + "**********" + ownerId.substring(14)))
                .body("owner.name", equalTo("李*"));

        for (String database : List.of("recycling", "subsidy")) {
            for (String row : rows(database, "select * from scrap_certificate where certificate_number = ?", number)) {
                assertThat(row).as(database).doesNotContain(ownerId).doesNotContain("李四");
            }
        }
    }

    @Test
    @Order(4)
    void withTheBrokerStoppedPostsSucceedAndEveryCertificateArrivesExactlyOnceAfterTheRestart() throws Exception {
        List<String> numbers = new ArrayList<>();
        suite.kafka().stop();
        try {
            for (int i = 0; i < 5; i++) {
                String number = newNumber();
                post(number, TestIdentifiers.residentId());
                numbers.add(number);
            }
        } finally {
            suite.kafka().restart();
        }
        for (String number : numbers) {
            awaitOnSubsidySide(number, Duration.ofSeconds(90));
        }
        for (String number : numbers) {
            assertThat(rows("subsidy", "select * from scrap_certificate where certificate_number = ?", number))
                    .hasSize(1);
            assertThat(rows(
                            "subsidy",
                            "select i.* from inbox_event i join scrap_certificate c on c.source_event_id = i.event_id"
                                    + " where c.certificate_number = ?",
                            number))
                    .as("one inbox entry: applied once")
                    .hasSize(1);
            assertThat(rows(
                            "recycling",
                            "select * from outbox_event where aggregate_id = ? and sent_at is not null",
                            number))
                    .as("its outbox row was published and marked sent")
                    .hasSize(1);
        }
    }

    private static List<String> rows(String database, String sql, String parameter) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(suite.postgres().jdbcUrl(database), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.append(rs.getMetaData().getColumnName(i))
                                .append('=')
                                .append(rs.getObject(i))
                                .append(';');
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    @Test
    @Order(5)
    void aCertificateIssuedThroughTheGatewayIsOneTraceInTheGatewayRecyclingAndSubsidyLogs() {
        String number = newNumber();
        String requestId = "trace-check-" + UUID.randomUUID();
        post(number, TestIdentifiers.residentId(), requestId);
        awaitOnSubsidySide(number, Duration.ofSeconds(10));
        Path logs = suite.logsDirectory();

        // the gateway's line of the request names the trace the gateway started for it
        AppLogs.Line proxied = await().atMost(Duration.ofSeconds(10))
                .until(() -> line(logs, "gateway", l -> requestId.equals(l.field("requestId"))), l -> l != null);
        String traceId = proxied.field("traceId");
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(proxied.message()).contains("POST /api/recycling/scrap-certificates -> 201");

        // recycling-service recorded the event in that trace, under the same request
        AppLogs.Line recorded = line(
                logs,
                "recycling-service",
                l -> traceId.equals(l.field("traceId")) && l.message().contains("vehicle.scrapped"));
        assertThat(recorded).as("recycling-service's line in trace %s", traceId).isNotNull();
        assertThat(recorded.field("requestId")).isEqualTo(requestId);
        // and says whose request it was: the token's subject and roles, no name
        assertThat(recorded.field("user")).isNotBlank();
        assertThat(recorded.field("roles")).contains("dismantler");
        assertThat(recorded.message()).contains("for " + number);

        // tradein-subsidy-service applied it in the same trace
        AppLogs.Line applied = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> line(
                                logs,
                                "tradein-subsidy-service",
                                l -> traceId.equals(l.field("traceId"))
                                        && l.message().startsWith("Applied ")),
                        l -> l != null);
        assertThat(applied.message()).contains("vehicle.scrapped");
    }

    private static AppLogs.Line line(Path logs, String module, java.util.function.Predicate<AppLogs.Line> wanted) {
        return AppLogs.of(logs, module).stream().filter(wanted).findFirst().orElse(null);
    }

    /** After the flows above: production logs are JSON, and hold none of the owners' personal data. */
    @Test
    @Order(98)
    void everyLogLineIsJsonAndNoneHoldsPersonalData() {
        Path logs = suite.logsDirectory();
        AppLogs.assertEveryLineIsJson(logs);
        Set<String> personal = new HashSet<>(OWNER_IDS);
        // the name, phone, address and plate every certificate of this class carries
        personal.addAll(List.of("李四", "13912345678", "城庄镇某村", "晋J2B345"));
        assertThat(OWNER_IDS).isNotEmpty();
        AppLogs.assertNoneContains(logs, personal);
    }

    /** Last: it dead-letters a record on purpose (deploy/observability, ObservabilityMetrics). */
    @Test
    @Order(99)
    void everyMetricThatAnAlertOrADashboardQueriesIsExposedBySomeApplication() throws Exception {
        ObservabilityMetrics.assertEveryQueriedMetricIsExposed(
                suite, Path.of(System.getProperty("suite.root", "..")).toAbsolutePath());
    }
}
