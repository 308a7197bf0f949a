package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.carClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.dealer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.reviewer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.subsidy.MutableClock;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Races that the database, not the service's memory, must decide: one certificate or one new car
 * claimed by many requests at once, one claim approved by many reviewers' requests at once, and a
 * second request under an Idempotency-Key while the first is genuinely still running.
 */
@QuarkusTest
class ConcurrentClaimsTest {

    private static final String COUNTY = "141124";
    private static final int RACERS = 8;

    @Inject
    PiiProtection pii;

    @Inject
    MutableClock clock;

    @BeforeEach
    void in2024() {
        clock.pin(Instant.parse("2024-10-08T02:00:00Z"));
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private void scrapped(String number, String vin, String ownerId) {
        KafkaTestClient.send("recycling.events", number, """
                {"specversion":"1.0","id":"%s","source":"/recycling-service",
                 "type":"cn.gov.lvliang.recycling.vehicle.scrapped.v1","subject":"%s",
                 "time":"2024-10-01T08:00:00Z","datacontenttype":"application/json",
                 "data":{"certificateNumber":"%s","dismantlerCreditCode":"%s","county":"%s","vin":"%s",
                   "firstRegistrationDate":"2017-05-01","handoverDate":"2024-09-20","powerType":"NEV",
                   "owner":{"idNumberHash":"%s","idNumberMasked":"1411**********123X","nameMasked":"张*"}}}
                """.formatted(
                UUID.randomUUID(), number, number, TestIdentifiers.creditCode(), COUNTY, vin, pii.hash(ownerId)));
    }

    private static void awaitCertificates(List<String> numbers) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Fixtures.count(
                                "select count(*) from scrap_certificate where certificate_number = any(?)",
                                (Object) numbers.toArray(String[]::new))
                        == numbers.size());
    }

    private static List<Response> atOnce(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Response> filing(String seller, Map<String, Object> body) {
        return () -> given().auth()
                .oauth2(dealer(seller))
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS);
    }

    @Test
    void oneCertificateClaimedByEightRequestsAtOnceBacksExactlyOneClaim() throws Exception {
        Fixtures.allocate("CAR-SCRAPPAGE", COUNTY, 100_000_000);
        String owner = TestIdentifiers.residentId();
        String oldVin = TestIdentifiers.vin();
        String certificate = Fixtures.unique("LL-RACE-");
        scrapped(certificate, oldVin, owner);
        awaitCertificates(List.of(certificate));

        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String seller = TestIdentifiers.creditCode();
            calls.add(filing(
                    seller,
                    carClaim("CAR-SCRAPPAGE", seller, COUNTY, owner, certificate, oldVin, "NEV", "2024-09-28")));
        }
        List<Response> answers = atOnce(calls);

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(answers.stream().filter(r -> "PENDING_REVIEW".equals(r.path("status"))))
                .hasSize(1);
        assertThat(answers.stream().filter(r -> "REJECTED".equals(r.path("status"))))
                .hasSize(RACERS - 1)
                .allSatisfy(r -> assertThat(r.<String>path("reasonCode")).isEqualTo("CERTIFICATE_ALREADY_USED"));
        assertThat(Fixtures.count(
                        "select count(*) from claim where scrap_certificate_number = ? and status <> 'REJECTED'",
                        certificate))
                .isEqualTo(1);
    }

    @Test
    void oneNewCarClaimedByEightRequestsAtOnceIsSubsidisedOnce() throws Exception {
        Fixtures.allocate("CAR-SCRAPPAGE", COUNTY, 100_000_000);
        String newVin = TestIdentifiers.vin();
        List<String> certificates = new ArrayList<>();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String owner = TestIdentifiers.residentId();
            String oldVin = TestIdentifiers.vin();
            String certificate = Fixtures.unique("LL-VIN-");
            scrapped(certificate, oldVin, owner);
            certificates.add(certificate);
            String seller = TestIdentifiers.creditCode();
            Map<String, Object> body =
                    carClaim("CAR-SCRAPPAGE", seller, COUNTY, owner, certificate, oldVin, "NEV", "2024-09-28");
            @SuppressWarnings("unchecked")
            Map<String, Object> car = (Map<String, Object>) body.get("car");
            car.put("newVin", newVin);
            calls.add(filing(seller, body));
        }
        awaitCertificates(certificates);
        List<Response> answers = atOnce(calls);

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(answers.stream().filter(r -> "PENDING_REVIEW".equals(r.path("status"))))
                .hasSize(1);
        assertThat(answers.stream().filter(r -> "REJECTED".equals(r.path("status"))))
                .hasSize(RACERS - 1)
                .allSatisfy(r -> assertThat(r.<String>path("reasonCode")).isEqualTo("NEW_CAR_ALREADY_SUBSIDISED"));
        assertThat(Fixtures.count("select count(*) from claim where new_vin = ? and status <> 'REJECTED'", newVin))
                .isEqualTo(1);
    }

    @Test
    void eightConcurrentApprovalsOfOneClaimAtTheSameVersionApproveItOnceAndTheOthersGet409() throws Exception {
        Fixtures.allocate("HOME-APPLIANCE", "141102", 10_000_000);
        String seller = TestIdentifiers.creditCode();
        Response filed = Fixtures.fileApplianceClaim(seller, "WASHING_MACHINE", 300_000, "2024-09-01");
        filed.then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
        String id = filed.path("id");
        int version = filed.path("version");
        Fixtures.supplyEvidence(id, Fixtures.retailer(seller));

        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            calls.add(() -> Fixtures.approve(id, version, reviewer("141102")));
        }
        List<Response> answers = atOnce(calls);

        assertThat(answers.stream().filter(r -> r.statusCode() == 200)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.statusCode() == 409))
                .hasSize(RACERS - 1)
                .allSatisfy(r -> assertThat(r.getContentType()).startsWith("application/problem+json"));
        assertThat(Fixtures.count(
                        "select count(*) from budget_journal where claim_id = ?::uuid and entry_type = 'RESERVE'", id))
                .as("reserved once, in every funding source at most once")
                .isBetween(1L, 4L);
        assertThat(Fixtures.count(
                        "select count(*) from outbox_event where aggregate_id = ? and type like '%.claim.approved.v1'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void aSecondRequestUnderAKeyWhoseFirstRequestIsStillRunningGets409AndTheFirstStillSucceeds() throws Exception {
        String seller = TestIdentifiers.creditCode();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = applianceClaim(
                "HOME-APPLIANCE",
                seller,
                "141102",
                TestIdentifiers.residentId(),
                "REFRIGERATOR",
                1,
                400_000,
                "2024-09-01");
        Callable<Response> post = () -> given().auth()
                .oauth2(retailer(seller))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS);

        Response first;
        // Hold the claim table so that the first request, having taken its key, cannot finish.
        try (Connection holder = Fixtures.connect()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("lock table claim in exclusive mode");
            }
            CompletableFuture<Response> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return post.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> Fixtures.count(
                                    "select count(*) from idempotency_key where idempotency_key = ? and state ="
                                            + " 'IN_FLIGHT'",
                                    key)
                            == 1);
            assertThat(running).isNotDone();

            Response second = post.call();
            second.then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.endsWith("idempotency-in-flight"));

            holder.commit(); // let the first one finish
            first = running.get(30, TimeUnit.SECONDS);
        }
        first.then().statusCode(201);
        Response third = post.call();
        third.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(third.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(third.<Integer>path("amountFen")).isEqualTo(first.path("amountFen"));
        assertThat(Fixtures.count("select count(*) from claim where seller_credit_code = ?", seller))
                .isEqualTo(1);
    }
}
