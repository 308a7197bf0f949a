package cn.gov.lvliang.renewal.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.renewal.devstack.App;
import cn.gov.lvliang.renewal.devstack.DevStack;
import cn.gov.lvliang.renewal.devstack.Options;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of every service behind the gateway ({@code ./suite --replicas 2}), one of each
 * killed with SIGKILL halfway through a stream of scrap certificates: the gateway stops sending to
 * the dead instances, the survivors' outbox relay and consumers take over, and every certificate
 * that was accepted reaches tradein-subsidy-service exactly once.
 */
class ReplicasIT {

    private static final int CERTIFICATES = 60;
    private static final int CLIENTS = 4;

    private static DevStack suite;
    private static String dismantler;
    private static String dismantlerToken;

    @BeforeAll
    static void startTwoReplicasOfEachService() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath();
        Path state = Files.createTempDirectory("system-test-replicas");
        System.out.println("Replicas suite state (logs, data): " + state);
        suite = DevStack.start(
                Options.defaults(root).withFreePorts().withStateDirectory(state).withReplicas(2));
        String adminToken = SuiteRequests.devToken(suite.gatewayUrl(), Map.of("role", "city-admin"));
        dismantler = TestIdentifiers.creditCode();
        dismantlerToken =
                SuiteRequests.devToken(suite.gatewayUrl(), Map.of("role", "dismantler", "enterprise", dismantler));
        SuiteRequests.registerQualifiedDismantler(suite.gatewayUrl(), adminToken, dismantler, "141124");
    }

    @AfterAll
    static void stop() {
        SuiteState.stop(suite);
    }

    @Test
    void killingOneInstanceOfEachServiceMidStreamLosesAndDuplicatesNothing() throws Exception {
        for (App service : App.SERVICES) {
            assertThat(suite.instanceUrls(service.module())).hasSize(2);
        }
        // every instance has served a few requests before the stream: a cold JVM's first requests
        // are slow, and the test is about the kill, not the warm-up
        for (int i = 0; i < 8; i++) {
            assertThat(post("LL-WARM-"
                            + UUID.randomUUID().toString().substring(0, 8).toUpperCase()))
                    .isEqualTo(201);
        }
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    while (sent.incrementAndGet() <= CERTIFICATES) {
                        String number = "LL-REP-"
                                + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
                        answers.put(number, post(number));
                    }
                }));
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> answers.size() >= CERTIFICATES / 2);
            for (App service : App.SERVICES) {
                suite.kill(service.module()); // the first instance of each; its replica stays
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }

        List<String> accepted = answers.entrySet().stream()
                .filter(e -> e.getValue() == 201)
                .map(Map.Entry::getKey)
                .toList();
        List<Integer> failed = answers.values().stream().filter(s -> s >= 500).toList();
        // at most the requests in flight on the killed recycling instance when it died
        assertThat(failed).as("5xx answers").hasSizeLessThanOrEqualTo(CLIENTS);
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(CERTIFICATES - CLIENTS);

        // every certificate recycling-service committed (the accepted ones, and any whose answer was
        // lost with the killed instance) reaches the subsidy side, applied once
        SuiteDatabase recycling = new SuiteDatabase(suite, "recycling");
        List<String> issued = recycling.column(
                "select certificate_number from scrap_certificate where certificate_number like 'LL-REP-%'");
        assertThat(issued).containsAll(accepted);
        SuiteDatabase subsidy = new SuiteDatabase(suite, "subsidy");
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() ->
                        subsidy.count("select count(*) from scrap_certificate where certificate_number like 'LL-REP-%'")
                                == issued.size());
        assertThat(subsidy.column(
                        "select certificate_number from scrap_certificate where certificate_number like 'LL-REP-%'"))
                .containsExactlyInAnyOrderElementsOf(issued);
        assertThat(recycling.count("select count(*) from outbox_event where sent_at is null"))
                .as("outbox rows left unsent")
                .isZero();
    }

    private static int post(String number) {
        return given().baseUri(suite.gatewayUrl())
                .auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body(SuiteRequests.certificate(
                        number,
                        dismantler,
                        "141124",
                        TestIdentifiers.vin(),
                        TestIdentifiers.residentId(),
                        LocalDate.of(2024, 9, 1)))
                .post("/api/recycling/scrap-certificates")
                .statusCode();
    }
}
