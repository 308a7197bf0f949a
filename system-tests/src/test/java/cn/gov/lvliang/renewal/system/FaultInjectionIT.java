package cn.gov.lvliang.renewal.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.devstack.DevStack;
import cn.gov.lvliang.renewal.devstack.Options;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The suite's promises under faults injected on purpose, one running suite for all scenarios:
 * a second replica of the subsidy service racing the first for one budget, a broker outage while
 * claims and certificates are written, the certificate consumer killed with SIGKILL mid-stream,
 * PostgreSQL restarted under load, and the subsidy service killed with SIGKILL while it sends the
 * applicants' notifications. Each scenario checks the databases, not only the answers: outbox rows
 * sent, inbox rows once, read-model rows once, indicator sums exact, ledger balanced, one SMS and
 * one email per event.
 *
 * <p>Load goes straight to the services (the gateway is not under test here); every wait is
 * bounded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final String SUBSIDY = "tradein-subsidy-service";
    private static final String RECYCLING = "recycling-service";
    private static final String COUNTY = "141124";
    private static final long CLAIM_FEN = SubsidyRequests.CLAIM_FEN;

    private static final String INDICATORS = AppliedOnce.INDICATORS;

    private static DevStack suite;
    private static SuiteDatabase subsidyDb;
    private static SuiteDatabase recyclingDb;
    private static SuiteDatabase tasksDb;
    private static String dismantler;
    private static String retailer;
    private static String dismantlerToken;
    private static String retailerToken;
    private static String reviewerToken;
    private static String adminToken;

    @BeforeAll
    static void startTheSuite() throws Exception {
        // a request that hangs (database gone) must not hang the test
        RestAssured.config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 5_000)
                        .setParam("http.socket.timeout", 30_000));
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath();
        Path state = Files.createTempDirectory("fault-injection-suite");
        System.out.println("Fault-injection suite state (logs, data): " + state);
        suite = DevStack.start(Options.defaults(root).withFreePorts().withStateDirectory(state));
        subsidyDb = new SuiteDatabase(suite, "subsidy");
        recyclingDb = new SuiteDatabase(suite, "recycling");
        tasksDb = new SuiteDatabase(suite, "tasks");
        dismantler = TestIdentifiers.creditCode();
        retailer = TestIdentifiers.creditCode();
        dismantlerToken = devToken(Map.of("role", "dismantler", "enterprise", dismantler));
        retailerToken = devToken(Map.of("role", "retailer", "enterprise", retailer));
        reviewerToken = devToken(Map.of("role", "reviewer", "county", COUNTY));
        adminToken = devToken(Map.of("role", "city-admin"));
        registerTheDismantler();
    }

    @AfterAll
    static void stopTheSuite() {
        RestAssured.reset();
        SuiteState.stop(suite);
    }

    // ---- 1. two replicas, one budget ------------------------------------------------------------

    @Test
    @Order(1)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void twoReplicasApprovingTwoHundredClaimsAtOnceAgainstFundsForFiftyApproveExactlyFifty() throws Exception {
        String first = suite.serviceUrl(SUBSIDY);
        String second = suite.startAnotherInstance(SUBSIDY);
        String programme = programme("QUEUE");
        allocate(programme, 50 * CLAIM_FEN);

        List<String> instances = List.of(first, second);
        List<String[]> claims = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Response>> filing = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String url = instances.get(i % 2);
            filing.add(() -> {
                Response r = fileClaim(url, programme, LocalDate.of(2025, 4, 1));
                if (r.statusCode() == 201) {
                    claims.add(new String[] {r.path("id"), String.valueOf(r.<Integer>path("version"))});
                }
                return r;
            });
        }
        assertThat(runAll(filing, 8)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));

        List<Callable<Response>> approvals = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            String url = instances.get(i % 2);
            String[] claim = claims.get(i);
            approvals.add(() -> approve(url, claim[0], Long.parseLong(claim[1])));
        }
        List<Response> answers = runAll(approvals, 40);

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(answers.stream().filter(r -> "APPROVED".equals(r.path("status"))))
                .hasSize(50);
        assertThat(answers.stream().filter(r -> "QUEUED".equals(r.path("status"))))
                .hasSize(150);
        assertThat(subsidyDb.count(
                        "select count(*) from claim where programme_id = ? and status = 'APPROVED'", programme))
                .isEqualTo(50);
        assertThat(subsidyDb.count(
                        "select coalesce(sum(j.amount_fen), 0) from budget_journal j join budget_account a"
                                + " on a.id = j.account_id where a.programme_id = ? and j.entry_type = 'RESERVE'",
                        programme))
                .as("reserved in the journal, to the fen")
                .isEqualTo(50 * CLAIM_FEN);
        theLedgerAgreesWithItsJournalAndNothingIsOverspent(programme);
        suite.stopAnotherInstance(second); // the next scenarios kill "the" consumer: keep it alone
    }

    // ---- 2. broker outage -----------------------------------------------------------------------

    @Test
    @Order(2)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void withTheBrokerDownForFifteenSecondsEveryWriteSucceedsAndEveryEventIsAppliedOnceAfterTheRestart()
            throws Exception {
        String programme = programme("QUEUE");
        allocate(programme, 1_000 * CLAIM_FEN);
        LocalDate handover = LocalDate.of(2024, 5, 20); // a month no other scenario uses
        List<String> certificates = new ArrayList<>();
        List<String> claimIds = new ArrayList<>();

        suite.kafka().stop();
        try {
            Instant until = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(until)) {
                String number = newNumber();
                postCertificate(suite.serviceUrl(RECYCLING), number, handover)
                        .then()
                        .statusCode(201);
                certificates.add(number);
                Response claim = fileClaim(suite.serviceUrl(SUBSIDY), programme, LocalDate.of(2025, 5, 1));
                claim.then().statusCode(201);
                claimIds.add(claim.path("id"));
                approve(suite.serviceUrl(SUBSIDY), claim.path("id"), claim.<Integer>path("version"))
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("APPROVED"));
                Thread.sleep(200);
            }
            assertThat(recyclingDb.count(
                            "select count(*) from outbox_event where sent_at is null and aggregate_id = any(?)",
                            (Object) certificates.toArray(String[]::new)))
                    .as("while the broker is down the certificates' events wait in the outbox")
                    .isEqualTo(certificates.size());
            // decision 0060: the broker's outage does not take a service out of its load balancer
            for (String service : List.of(SUBSIDY, RECYCLING)) {
                assertThat(readiness(suite.serviceUrl(service)))
                        .as("readiness of %s with the broker down", service)
                        .isEqualTo(200);
                assertThat(brokerWellness(suite.serviceUrl(service)))
                        .as("the broker as %s reports it at /q/health/well", service)
                        .isEqualTo("DOWN");
            }
        } finally {
            suite.kafka().restart();
        }
        System.out.printf(
                "broker outage: %d certificates and %d claims (filed and approved) written%n",
                certificates.size(), claimIds.size());
        assertThat(certificates).hasSizeGreaterThanOrEqualTo(5);

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(subsidyDb.count(
                                    "select count(*) from scrap_certificate where certificate_number = any(?)",
                                    (Object) certificates.toArray(String[]::new)))
                            .isEqualTo(certificates.size());
                    assertThat(unsent(subsidyDb, claimIds)).isZero();
                    assertThat(unsent(recyclingDb, certificates)).isZero();
                    assertThat(AppliedOnce.notYetIn(tasksDb, INDICATORS, AppliedOnce.eventIds(subsidyDb, claimIds)))
                            .isZero();
                    assertThat(AppliedOnce.notYetIn(
                                    tasksDb, INDICATORS, AppliedOnce.eventIds(recyclingDb, certificates)))
                            .isZero();
                    assertThat(brokerWellness(suite.serviceUrl(RECYCLING))).isEqualTo("UP");
                });
        everyCertificateAppliedExactlyOnce(certificates, handover);
        assertThat(AppliedOnce.eventIds(subsidyDb, claimIds))
                .as("submitted + verified-or-not + approved: at least two events per claim")
                .hasSizeGreaterThanOrEqualTo(2 * claimIds.size());
        theLedgerAgreesWithItsJournalAndNothingIsOverspent(programme);
    }

    // ---- 3. consumer killed mid-stream ----------------------------------------------------------

    @Test
    @Order(3)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theCertificateConsumerKilledWithSigkillMidStreamLosesNothingAndAppliesNothingTwice() throws Exception {
        LocalDate handover = LocalDate.of(2024, 6, 20);
        int total = 40;
        List<String> certificates = Collections.synchronizedList(new ArrayList<>());
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> stream = writer.submit(() -> {
            for (int i = 0; i < total; i++) {
                String number = newNumber();
                postCertificate(suite.serviceUrl(RECYCLING), number, handover)
                        .then()
                        .statusCode(201);
                certificates.add(number);
                sleepQuietly(150);
            }
            return null;
        });
        int postedAtTheKill;
        try {
            // Kill once the consumer has applied some, or once half the stream is posted: after the
            // broker outage of scenario 2 the consumer may still be rejoining its group and apply
            // nothing for seconds, and the kill must fall into the stream all the same.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> applied(List.copyOf(certificates)) >= 8 || certificates.size() >= total / 2);
            suite.kill(SUBSIDY);
            postedAtTheKill = certificates.size();
            long appliedBeforeTheKill = applied(List.copyOf(certificates));
            System.out.printf(
                    "consumer crash: killed after %d applied and %d posted of %d certificates%n",
                    appliedBeforeTheKill, postedAtTheKill, total);
            Thread.sleep(2_000); // certificates keep coming while it is dead
            suite.restart(SUBSIDY);
            stream.get(120, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }
        assertThat(postedAtTheKill).as("killed mid-stream").isLessThan(total);
        assertThat(certificates).hasSize(total);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(applied(certificates)).isEqualTo(total);
                    assertThat(AppliedOnce.notYetIn(
                                    tasksDb, INDICATORS, AppliedOnce.eventIds(recyclingDb, certificates)))
                            .isZero();
                });
        everyCertificateAppliedExactlyOnce(certificates, handover);
    }

    // ---- 4. PostgreSQL restarted under load -----------------------------------------------------

    @Test
    @Order(4)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void postgresRestartedUnderLoadReadinessReportsItTheServicesRecoverAndNoWriteIsPartial() throws Exception {
        String programme = programme("QUEUE");
        allocate(programme, 1_000 * CLAIM_FEN);
        String subsidy = suite.serviceUrl(SUBSIDY);
        Load load = new Load(programme);
        Thread loader = new Thread(load, "load");
        loader.start();
        try {
            Thread.sleep(3_000);
            assertThat(load.acknowledged()).as("load is running").isPositive();

            suite.postgres().stop();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> readiness(subsidy) == 503);
            given().baseUri(subsidy)
                    .get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("status", equalTo("DOWN"));
            Thread.sleep(3_000);
            suite.postgres().restart();

            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> readiness(subsidy) == 200 && readiness(suite.serviceUrl(RECYCLING)) == 200);
            int before = load.acknowledged();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged() >= before + 3);
        } finally {
            load.stop();
            loader.join(60_000);
        }
        assertThat(suite.exitedApps()).as("no service was restarted").isEmpty();
        System.out.printf(
                "postgres restart: %d writes acknowledged, %d refused during the outage (statuses %s)%n",
                load.acknowledged(), load.failed.size(), load.failed);
        assertThat(load.failed).as("the outage was felt").isNotEmpty();
        assertThat(load.failed)
                .as("a database outage answers 503 with Retry-After (retry later), never 500")
                .noneMatch(status -> status.endsWith(" 500"));

        // every acknowledged write is there, with its events and its ledger entries
        for (String claim : load.claims) {
            assertThat(subsidyDb.count("select count(*) from claim where id = ?::uuid", claim))
                    .as("acknowledged claim " + claim)
                    .isEqualTo(1);
        }
        for (String claim : load.approved) {
            assertThat(subsidyDb.column("select status from claim where id = ?::uuid", claim))
                    .containsExactly("APPROVED");
        }
        for (String number : load.certificates) {
            assertThat(recyclingDb.count("select count(*) from scrap_certificate where certificate_number = ?", number))
                    .isEqualTo(1);
        }
        // no partial write anywhere, acknowledged or not
        assertThat(subsidyDb.count(
                        "select count(*) from claim c where c.programme_id = ? and not exists (select 1 from"
                                + " outbox_event o where o.aggregate_id = c.id::text and o.type like '%.claim.submitted.v1')",
                        programme))
                .as("claims without their submitted event")
                .isZero();
        assertThat(subsidyDb.count(
                        "select count(*) from claim c where c.programme_id = ? and c.status = 'APPROVED' and ("
                                + " not exists (select 1 from budget_journal j where j.claim_id = c.id and j.entry_type ="
                                + " 'RESERVE') or not exists (select 1 from outbox_event o where o.aggregate_id ="
                                + " c.id::text and o.type like '%.claim.approved.v1'))",
                        programme))
                .as("approved claims without their reservation or their approved event")
                .isZero();
        assertThat(subsidyDb.count(
                        "select count(*) from budget_journal j join budget_account a on a.id = j.account_id"
                                + " where a.programme_id = ? and j.entry_type = 'RESERVE' and not exists (select 1"
                                + " from claim c where c.id = j.claim_id and c.status = 'APPROVED')",
                        programme))
                .as("reservations without an approved claim")
                .isZero();
        assertThat(subsidyDb.count(
                        "select count(*) from claim_transition t join claim c on c.id = t.claim_id"
                                + " where c.programme_id = ? and t.to_status = c.status",
                        programme))
                .as("every claim's current state has its transition record")
                .isGreaterThanOrEqualTo(load.claims.size());
        assertThat(recyclingDb.count(
                        "select count(*) from scrap_certificate c where c.certificate_number = any(?) and not exists"
                                + " (select 1 from outbox_event o where o.aggregate_id = c.certificate_number)",
                        (Object) load.allCertificates.toArray(String[]::new)))
                .as("certificates without their event")
                .isZero();
        theLedgerAgreesWithItsJournalAndNothingIsOverspent(programme);
    }

    /** Files and approves claims and posts certificates until stopped, noting what was acknowledged. */
    private static final class Load implements Runnable {
        private final String programme;
        private final AtomicBoolean running = new AtomicBoolean(true);
        final List<String> claims = Collections.synchronizedList(new ArrayList<>());
        final List<String> approved = Collections.synchronizedList(new ArrayList<>());
        final List<String> certificates = Collections.synchronizedList(new ArrayList<>());
        final List<String> allCertificates = Collections.synchronizedList(new ArrayList<>());
        final List<String> failed = Collections.synchronizedList(new ArrayList<>());

        Load(String programme) {
            this.programme = programme;
        }

        int acknowledged() {
            return claims.size() + certificates.size();
        }

        void stop() {
            running.set(false);
        }

        @Override
        public void run() {
            while (running.get()) {
                try {
                    Response claim = fileClaim(suite.serviceUrl(SUBSIDY), programme, LocalDate.of(2025, 7, 1));
                    if (claim.statusCode() == 201) {
                        claims.add(claim.path("id"));
                        Response approval =
                                approve(suite.serviceUrl(SUBSIDY), claim.path("id"), claim.<Integer>path("version"));
                        if (approval.statusCode() == 200) {
                            approved.add(claim.path("id"));
                        } else {
                            failed.add("approve " + approval.statusCode());
                        }
                    } else {
                        failed.add("claim " + claim.statusCode());
                    }
                    String number = newNumber();
                    allCertificates.add(number);
                    Response certificate =
                            postCertificate(suite.serviceUrl(RECYCLING), number, LocalDate.of(2024, 7, 20));
                    if (certificate.statusCode() == 201) {
                        certificates.add(number);
                    } else {
                        failed.add("certificate " + certificate.statusCode());
                    }
                } catch (RuntimeException e) {
                    failed.add(e.getClass().getSimpleName());
                    sleepQuietly(200);
                }
            }
        }
    }

    // ---- checks ---------------------------------------------------------------------------------

    private static long applied(List<String> certificates) {
        return subsidyDb.count("select count(*) from scrap_certificate where certificate_number = any(?)", (Object)
                certificates.toArray(String[]::new));
    }

    // ---- 5. notifier killed mid-round ------------------------------------------------------------

    @Test
    @Order(5)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void approvingClaimsWhileTheNotifierIsKilledSendsExactlyOneSmsAndOneEmailPerEvent() throws Exception {
        String email = "notices-" + retailer.toLowerCase() + "@retailer.example.cn";
        gateway()
                .auth()
                .oauth2(retailerToken)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .put("/api/subsidies/enterprise-contact")
                .then()
                .statusCode(200);
        int total = 40;
        String programme = programme("REFUSE");
        allocate(programme, total * CLAIM_FEN);
        String url = suite.serviceUrl(SUBSIDY);
        List<Callable<Response>> approvals = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            approvals.add(() -> {
                Response filed = fileClaim(url, programme, LocalDate.of(2025, 4, 1));
                return approve(url, filed.path("id"), filed.<Integer>path("version"));
            });
        }
        assertThat(runAll(approvals, 8))
                .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        String ofTheProgramme = " from notification n join claim c on c.id = n.claim_id where c.programme_id = ?";
        long expected = 4L * total; // submitted and approved, by SMS and by email

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() ->
                        subsidyDb.count("select count(*)" + ofTheProgramme + " and n.state = 'SENT'", programme) >= 1);
        suite.kill(SUBSIDY);
        long sentBeforeTheKill =
                subsidyDb.count("select count(*)" + ofTheProgramme + " and n.state = 'SENT'", programme);
        // an email handed to SMTP whose SENT the kill cut off is sent again after its lease: SMTP has no
        // idempotency, so that one may arrive twice (decision 0027's window); every other exactly once
        Set<String> inFlight = Set.copyOf(subsidyDb.column(
                "select n.id" + ofTheProgramme + " and n.channel = 'EMAIL' and n.state = 'SENDING'", programme));
        System.out.printf("notifier crash: killed after %d of %d notifications%n", sentBeforeTheKill, expected);
        assertThat(sentBeforeTheKill).as("killed mid-way").isLessThan(expected);
        suite.restart(SUBSIDY);

        // an attempt the kill interrupted is taken over when its lease (60 s) runs out
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> subsidyDb.count("select count(*)" + ofTheProgramme + " and n.state = 'SENT'", programme)
                        == expected);
        String sms = Files.readString(suite.logsDirectory().resolve("sms.log"), StandardCharsets.UTF_8);
        String mailbox = given().baseUri("http://127.0.0.1:" + suite.options().port("mail-api"))
                .get("/api/user/" + email + "/messages/INBOX")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String id : subsidyDb.column("select n.id" + ofTheProgramme + " and n.channel = 'SMS'", programme)) {
            assertThat(occurrences(sms, id)).as("SMS " + id + " in sms.log").isEqualTo(1);
        }
        for (String id : subsidyDb.column("select n.id" + ofTheProgramme + " and n.channel = 'EMAIL'", programme)) {
            assertThat(occurrences(mailbox, "X-Notification-Id: " + id))
                    .as("email " + id + " held by the SMTP server"
                            + (inFlight.contains(id) ? " (in flight at the kill)" : ""))
                    .isBetween(1, inFlight.contains(id) ? 2 : 1);
        }
        assertThat(sms + mailbox)
                .as("no bank account, full name or ID number in any message")
                .doesNotContain("6222020200112233445")
                .doesNotContain("张三丰")
                .doesNotContainPattern("\\d{17}[\\dX]");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** One read-model row, one inbox row per consumer, and an indicator that counted each once. */
    private static void everyCertificateAppliedExactlyOnce(List<String> certificates, LocalDate handover) {
        AppliedOnce.certificates(recyclingDb, subsidyDb, tasksDb, certificates, COUNTY, handover);
    }

    private static long unsent(SuiteDatabase db, List<String> aggregates) {
        return db.count("select count(*) from outbox_event where sent_at is null and aggregate_id = any(?)", (Object)
                aggregates.toArray(String[]::new));
    }

    private static void theLedgerAgreesWithItsJournalAndNothingIsOverspent(String programme) {
        given().baseUri(suite.serviceUrl(SUBSIDY))
                .auth()
                .oauth2(adminToken)
                .get("/api/subsidies/budget/reconciliation?programmeId=" + programme)
                .then()
                .statusCode(200)
                .body("agrees", equalTo(true));
        assertThat(subsidyDb.count(
                        "select count(*) from budget_account where programme_id = ?"
                                + " and reserved_fen + posted_fen > allocated_fen",
                        programme))
                .isZero();
    }

    // ---- requests -------------------------------------------------------------------------------

    private static int readiness(String url) {
        try {
            return given().baseUri(url).get("/q/health/ready").statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The status of the "Kafka broker" check at {@code /q/health/well} (decision 0060). */
    private static String brokerWellness(String url) {
        return given().baseUri(url)
                .get("/q/health/well")
                .then()
                .extract()
                .path("checks.find { it.name == 'Kafka broker' }.status");
    }

    private static RequestSpecification gateway() {
        return given().baseUri(suite.gatewayUrl());
    }

    private static String devToken(Map<String, String> body) {
        return SuiteRequests.devToken(suite.gatewayUrl(), body);
    }

    private static void registerTheDismantler() {
        SuiteRequests.registerQualifiedDismantler(suite.gatewayUrl(), adminToken, dismantler, COUNTY);
    }

    /** An appliance programme (20% of price for grade 1, capped) open from 2025. */
    private static String programme(String whenExhausted) {
        return SubsidyRequests.applianceProgramme(
                suite.gatewayUrl(), adminToken, "FAULT-", "fault injection", whenExhausted);
    }

    private static void allocate(String programme, long amountFen) {
        gateway()
                .auth()
                .oauth2(adminToken)
                .contentType(ContentType.JSON)
                .body(Map.of("programmeId", programme, "county", COUNTY, "amountFen", amountFen))
                .post("/api/subsidies/budget/allocations")
                .then()
                .statusCode(201);
    }

    private static Response fileClaim(String url, String programme, LocalDate purchase) {
        return SubsidyRequests.fileApplianceClaim(url, retailerToken, programme, COUNTY, retailer, purchase);
    }

    /**
     * Approves the claim after its filer uploaded the one kind of evidence its rule version asks for
     * (INVOICE); a refused upload is answered as the approval's failure.
     */
    private static Response approve(String url, String claim, long version) {
        Response evidence = SubsidyRequests.uploadInvoice(url, retailerToken, claim);
        if (evidence.statusCode() / 100 != 2) {
            return evidence;
        }
        return given().baseUri(url)
                .auth()
                .oauth2(reviewerToken)
                .contentType(ContentType.JSON)
                .body(Map.of("version", version))
                .post("/api/subsidies/claims/" + claim + "/approve");
    }

    private static Response postCertificate(String url, String number, LocalDate handover) {
        return given().baseUri(url)
                .auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body(SuiteRequests.certificate(
                        number, dismantler, COUNTY, TestIdentifiers.vin(), TestIdentifiers.residentId(), handover))
                .post("/api/recycling/scrap-certificates");
    }

    private static String newNumber() {
        return "LL-FI-" + UUID.randomUUID().toString().substring(0, 10).toUpperCase();
    }

    private static <T> List<T> runAll(List<Callable<T>> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls, 3, TimeUnit.MINUTES)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
