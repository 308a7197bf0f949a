package cn.gov.lvliang.renewal.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.renewal.devstack.App;
import cn.gov.lvliang.renewal.devstack.DevStack;
import cn.gov.lvliang.renewal.devstack.Options;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances of every service behind the gateway ({@code ./suite --replicas 2}) running three
 * workloads at once through the gateway: the claim flow (file → evidence → approve → payment batch
 * → paid), a 200-approval budget race against an account that pays 50, and a stream of scrap
 * certificates. Halfway through the race, one instance of each service is killed with SIGKILL.
 *
 * <p>Every response is recorded with its start and end: a 5xx or a broken connection is allowed only
 * for a request in flight during the kills. Then the databases and the topics show: no overspend
 * and a balanced journal; every certificate the recycling side committed applied once (read model,
 * inbox, the scrapped-cars indicator); every event of the run on its topic, published again only
 * for the one relay batch a killed relay may have left unmarked; the audit chains without gaps or
 * forks; and the supervision run and the nightly flag re-evaluation, fired every 3 s by both
 * instances, run once for the day (decision 0033).
 */
class ReplicasIT {

    private static final String COUNTY = "141124";
    private static final long CLAIM_FEN = SubsidyRequests.CLAIM_FEN;

    private static final int RACE_CLAIMS = 200;
    private static final int RACE_FUNDED = 50;
    private static final int RACE_CLIENTS = 6;
    private static final int CERTIFICATE_CLIENTS = 2;
    private static final int FLOW_CLIENTS = 2;
    private static final int MAX_CERTIFICATES = 150;
    private static final int MAX_FLOWS_PER_CLIENT = 20;
    /** Both instances fire them this often; the period they claim is the day. */
    private static final String EVERY_THREE_SECONDS = "0/3 * * * * ?";
    /** After the last kill returns, the gateway's 1-s probe has certainly seen the dead instances. */
    private static final long KILL_GRACE_NANOS = Duration.ofSeconds(3).toNanos();

    private static final LocalDate HANDOVER = LocalDate.of(2024, 8, 20);
    private static final String INDICATORS = AppliedOnce.INDICATORS;

    private static DevStack suite;
    private static SuiteDatabase recyclingDb;
    private static SuiteDatabase subsidyDb;
    private static SuiteDatabase tasksDb;
    private static SuiteDatabase equipmentDb;
    private static String dismantler;
    private static String retailer;
    private static final Map<String, String> tokens = new HashMap<>();

    /** Every request of the concurrent phase: what, when it started and ended, its status (-1: no answer). */
    private record Call(String what, long started, long ended, int status) {
        boolean failed() {
            return status < 0 || status >= 500;
        }
    }

    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startTwoReplicasOfEachService() throws Exception {
        // a request to an instance that dies must not hang the test
        RestAssured.config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 5_000)
                        .setParam("http.socket.timeout", 60_000));
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath();
        Path state = Files.createTempDirectory("system-test-replicas");
        System.out.println("Replicas suite state (logs, data): " + state);
        suite = DevStack.start(Options.defaults(root)
                .withFreePorts()
                .withStateDirectory(state)
                .withReplicas(2)
                .withServiceSetting("TASKS_SUPERVISION_CRON", EVERY_THREE_SECONDS)
                .withServiceSetting("EQUIPMENT_FLAGS_REEVALUATION_CRON", EVERY_THREE_SECONDS));
        recyclingDb = new SuiteDatabase(suite, "recycling");
        subsidyDb = new SuiteDatabase(suite, "subsidy");
        tasksDb = new SuiteDatabase(suite, "tasks");
        equipmentDb = new SuiteDatabase(suite, "equipment");
        dismantler = TestIdentifiers.creditCode();
        retailer = TestIdentifiers.creditCode();
        tokens.put("admin", SuiteRequests.devToken(suite.gatewayUrl(), Map.of("role", "city-admin")));
        tokens.put(
                "dismantler",
                SuiteRequests.devToken(suite.gatewayUrl(), Map.of("role", "dismantler", "enterprise", dismantler)));
        tokens.put(
                "retailer",
                SuiteRequests.devToken(suite.gatewayUrl(), Map.of("role", "retailer", "enterprise", retailer)));
        tokens.put(
                "reviewer", SuiteRequests.devToken(suite.gatewayUrl(), Map.of("role", "reviewer", "county", COUNTY)));
        tokens.put(
                "county",
                SuiteRequests.devToken(suite.gatewayUrl(), Map.of("role", "county-officer", "county", COUNTY)));
        tokens.put("system", SuiteRequests.devToken(suite.gatewayUrl(), Map.of("role", "system-client")));
        SuiteRequests.registerQualifiedDismantler(suite.gatewayUrl(), tokens.get("admin"), dismantler, COUNTY);
    }

    @AfterAll
    static void stop() {
        RestAssured.reset();
        SuiteState.stop(suite);
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void killingOneInstanceOfEachServiceHalfwayLosesDuplicatesAndOverspendsNothing() throws Exception {
        for (App service : App.SERVICES) {
            assertThat(suite.instanceUrls(service.module())).hasSize(2);
        }
        // the race's 200 claims are filed, with their invoice, before the clock starts
        String race = programme();
        allocate(race, RACE_FUNDED * CLAIM_FEN);
        List<String[]> raceClaims = Collections.synchronizedList(new ArrayList<>());
        // (straight to one instance: the setup is not under test, and the gateway's rate limit is)
        String subsidy = suite.serviceUrl(App.SUBSIDY.module());
        runAll(8, RACE_CLAIMS, i -> {
            Response filed = fileClaim(subsidy, race);
            assertThat(filed.statusCode()).isEqualTo(201);
            assertThat(uploadInvoice(subsidy, filed.path("id")).statusCode()).isEqualTo(201);
            raceClaims.add(new String[] {filed.path("id"), String.valueOf(filed.<Integer>path("version"))});
        });
        List<String> flowProgrammes = new ArrayList<>();
        for (int c = 0; c < FLOW_CLIENTS; c++) {
            String programme = programme();
            allocate(programme, 1_000 * CLAIM_FEN);
            flowProgrammes.add(programme);
        }
        // every instance has served each kind of request before the clock starts: a cold JVM's
        // first requests are slow, and the test is about the kill, not the warm-up
        List<String> warmUp = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            // (handed over in another month than the stream's, which the indicator check counts)
            String number = "LL-WARM-" + i
                    + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            assertThat(postCertificate(number, HANDOVER.minusMonths(1)).statusCode())
                    .isEqualTo(201);
            assertThat(fileApproveAndPay(flowProgrammes.get(i % FLOW_CLIENTS), warmUp))
                    .isNotNull();
        }
        calls.clear();

        AtomicBoolean streaming = new AtomicBoolean(true);
        AtomicInteger certificatesSent = new AtomicInteger();
        AtomicInteger raceAnswered = new AtomicInteger();
        AtomicInteger flowsAfterTheKill = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        List<String> certificateNumbers = Collections.synchronizedList(new ArrayList<>());
        List<String> certificatesAccepted = Collections.synchronizedList(new ArrayList<>());
        List<String> raceApproved = Collections.synchronizedList(new ArrayList<>());
        List<String> paid = Collections.synchronizedList(new ArrayList<>());
        List<String> flowClaims = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger raceNext = new AtomicInteger();

        ExecutorService clients = Executors.newFixedThreadPool(CERTIFICATE_CLIENTS + FLOW_CLIENTS + RACE_CLIENTS);
        long killStarted;
        long killEnded;
        Instant killStartedAt;
        Instant killEndedAt;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CERTIFICATE_CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    while (streaming.get() && certificatesSent.incrementAndGet() <= MAX_CERTIFICATES) {
                        String number = "LL-REP-"
                                + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
                        certificateNumbers.add(number);
                        Response r = call("certificate", () -> postCertificate(number, HANDOVER));
                        if (r != null && r.statusCode() == 201) {
                            certificatesAccepted.add(number);
                        }
                        sleepQuietly(100);
                    }
                }));
            }
            for (String programme : flowProgrammes) {
                running.add(clients.submit(() -> {
                    for (int i = 0; streaming.get() && i < MAX_FLOWS_PER_CLIENT; i++) {
                        String claim = fileApproveAndPay(programme, flowClaims);
                        if (claim != null) {
                            paid.add(claim);
                        }
                        if (killed.get()) {
                            flowsAfterTheKill.incrementAndGet();
                        }
                    }
                }));
            }
            for (int c = 0; c < RACE_CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = raceNext.getAndIncrement(); i < raceClaims.size(); i = raceNext.getAndIncrement()) {
                        String[] claim = raceClaims.get(i);
                        Response r = call(
                                "race approve",
                                () -> as("reviewer")
                                        .body(Map.of("version", Long.parseLong(claim[1])))
                                        .post("/api/subsidies/claims/" + claim[0] + "/approve"));
                        if (r != null && r.statusCode() == 200 && "APPROVED".equals(r.path("status"))) {
                            raceApproved.add(claim[0]);
                        }
                        raceAnswered.incrementAndGet();
                    }
                }));
            }

            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> raceAnswered.get() >= RACE_CLAIMS / 2);
            killStarted = System.nanoTime();
            killStartedAt = Instant.now();
            for (App service : App.SERVICES) {
                suite.kill(service.module()); // the first instance of each; its replica stays
            }
            killEnded = System.nanoTime();
            killEndedAt = Instant.now();
            killed.set(true);
            System.out.printf(
                    "replicas: killed one instance of each service after %d race approvals, %d certificates%n",
                    raceAnswered.get(), certificatesSent.get());
            // the streams go on through the survivors for a while: the race ends, two more claims
            // of each flow are paid, and 20 more certificates are sent
            int certificatesAtTheKill = certificatesSent.get();
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> raceAnswered.get() >= RACE_CLAIMS
                            && flowsAfterTheKill.get() >= 2 * FLOW_CLIENTS
                            && certificatesSent.get() >= certificatesAtTheKill + 20);
            streaming.set(false);
            for (Future<?> client : running) {
                client.get(2, TimeUnit.MINUTES);
            }
        } finally {
            streaming.set(false);
            clients.shutdownNow();
        }

        theRaceOverspendsNothing(race, raceApproved);
        theClaimFlowPaidWhatItWasAnswered(flowProgrammes, paid, flowClaims);
        everyCertificateCommittedIsAppliedOnce(certificatesAccepted, certificateNumbers);
        everyEventIsOnItsTopicAndOnlyTheKilledRelaysBatchTwice(killStartedAt, killEndedAt);
        theAuditChainsHaveNoGapOrFork();
        theScheduledJobsRanOncePerPeriodNotOncePerReplica();
        noFailureOutsideTheKillWindow(killStarted, killEnded);
    }

    // ---- checks ---------------------------------------------------------------------------------

    private void noFailureOutsideTheKillWindow(long killStarted, long killEnded) {
        List<Call> all = List.copyOf(calls);
        List<Call> failed = all.stream().filter(Call::failed).toList();
        List<Call> inFlightAtTheKill = all.stream()
                .filter(c -> c.started() < killEnded + KILL_GRACE_NANOS && c.ended() > killStarted)
                .toList();
        System.out.printf(
                "replicas: %d requests, %d in flight during the kills (%d to %d ns, + %d ns), %d failed: %s%n",
                all.size(), inFlightAtTheKill.size(), killStarted, killEnded, KILL_GRACE_NANOS, failed.size(), failed);
        assertThat(all.stream().filter(c -> c.status() >= 400 && c.status() < 500))
                .as("no request is refused")
                .isEmpty();
        assertThat(failed)
                .as("5xx or no answer only for requests in flight while the instances were killed")
                .allSatisfy(c -> assertThat(inFlightAtTheKill).contains(c));
        assertThat(failed)
                .as("at most one request per client")
                .hasSizeLessThanOrEqualTo(CERTIFICATE_CLIENTS + FLOW_CLIENTS + RACE_CLIENTS);
    }

    private static void theRaceOverspendsNothing(String race, List<String> answeredApproved) {
        assertThat(subsidyDb.count("select count(*) from claim where programme_id = ? and status = 'APPROVED'", race))
                .as("approved claims of the race: exactly what the account pays")
                .isEqualTo(RACE_FUNDED);
        assertThat(answeredApproved).hasSizeLessThanOrEqualTo(RACE_FUNDED);
        assertThat(subsidyDb.count(
                        "select coalesce(sum(j.amount_fen), 0) from budget_journal j join budget_account a"
                                + " on a.id = j.account_id where a.programme_id = ? and j.entry_type = 'RESERVE'",
                        race))
                .as("reserved in the journal, to the fen")
                .isEqualTo(RACE_FUNDED * CLAIM_FEN);
    }

    private static void theClaimFlowPaidWhatItWasAnswered(
            List<String> programmes, List<String> paid, List<String> flowClaims) {
        assertThat(paid).as("claims paid through the kill").hasSizeGreaterThanOrEqualTo(2 * FLOW_CLIENTS);
        for (String claim : paid) {
            assertThat(subsidyDb.column("select status from claim where id = ?::uuid", claim))
                    .containsExactly("PAID");
        }
        for (String programme : programmes) {
            assertThat(subsidyDb.count(
                            "select coalesce(sum(j.amount_fen), 0) from budget_journal j join budget_account a"
                                    + " on a.id = j.account_id join claim c on c.id = j.claim_id"
                                    + " where a.programme_id = ? and j.entry_type = 'POST' and c.status = 'PAID'",
                            programme))
                    .as("posted in the journal for the paid claims of " + programme)
                    .isEqualTo(CLAIM_FEN
                            * subsidyDb.count(
                                    "select count(*) from claim where programme_id = ? and status = 'PAID'",
                                    programme));
        }
        // every programme of the run: balances equal the journal, nothing committed beyond the total
        given().baseUri(suite.gatewayUrl())
                .auth()
                .oauth2(tokens.get("admin"))
                .get("/api/subsidies/budget/reconciliation")
                .then()
                .statusCode(200)
                .body("agrees", org.hamcrest.Matchers.equalTo(true));
        assertThat(subsidyDb.count(
                        "select count(*) from budget_account where reserved_fen + posted_fen > allocated_fen"))
                .as("accounts committed or paid beyond their total")
                .isZero();
        // the claims' events reached tasks-service, once each
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(
                                AppliedOnce.notYetIn(tasksDb, INDICATORS, AppliedOnce.eventIds(subsidyDb, flowClaims)))
                        .isZero());
    }

    private static void everyCertificateCommittedIsAppliedOnce(List<String> accepted, List<String> sent) {
        // the accepted ones, and any whose answer was lost with the killed instance
        List<String> issued = recyclingDb.column(
                "select certificate_number from scrap_certificate where certificate_number = any(?)",
                (Object) sent.toArray(String[]::new));
        assertThat(issued).containsAll(accepted);
        String[] numbers = issued.toArray(String[]::new);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(subsidyDb.count(
                                    "select count(*) from scrap_certificate where certificate_number = any(?)",
                                    (Object) numbers))
                            .isEqualTo(issued.size());
                    assertThat(AppliedOnce.notYetIn(tasksDb, INDICATORS, AppliedOnce.eventIds(recyclingDb, issued)))
                            .isZero();
                });
        assertThat(subsidyDb.column(
                        "select certificate_number from scrap_certificate where certificate_number = any(?)",
                        (Object) numbers))
                .containsExactlyInAnyOrderElementsOf(issued);
        AppliedOnce.certificates(recyclingDb, subsidyDb, tasksDb, issued, COUNTY, HANDOVER);
    }

    /**
     * Reads the recycling and subsidy topics from the start: every outbox row of the run is there,
     * and an event is on its topic twice only if its row was still unsent when the relays were
     * killed (a killed relay may have published a batch it could not mark sent). Two relays
     * publishing side by side would publish rows twice at any time.
     */
    private static void everyEventIsOnItsTopicAndOnlyTheKilledRelaysBatchTwice(Instant killStarted, Instant killEnded) {
        for (SuiteDatabase db : List.of(recyclingDb, subsidyDb)) {
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> db.count("select count(*) from outbox_event where sent_at is null") == 0);
        }
        Map<String, Integer> published = new HashMap<>();
        for (SuiteDatabase db : List.of(recyclingDb, subsidyDb)) {
            for (String topic : db.column("select distinct topic from outbox_event")) {
                readTopic(topic).forEach(id -> published.merge(id, 1, Integer::sum));
            }
        }
        List<String> outbox = Stream.concat(
                        recyclingDb.column("select event_id::text from outbox_event").stream(),
                        subsidyDb.column("select event_id::text from outbox_event").stream())
                .toList();
        assertThat(published.keySet()).as("every outbox row on its topic").containsAll(outbox);
        long twice = published.values().stream().filter(n -> n > 1).count();
        System.out.printf("replicas: %d events published, %d of them twice%n", published.size(), twice);
        assertThat(published.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        List<String> unsentAtTheKill = new ArrayList<>();
        for (SuiteDatabase db : List.of(recyclingDb, subsidyDb)) {
            unsentAtTheKill.addAll(db.column(
                    "select event_id::text from outbox_event where created_at <= ? and sent_at >= ?",
                    Timestamp.from(killEnded.plusSeconds(1)),
                    Timestamp.from(killStarted.minusSeconds(1))));
        }
        assertThat(published.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                .as("events published twice: only rows still unsent when the relays were killed")
                .allSatisfy(id -> assertThat(unsentAtTheKill).contains(id));
    }

    private static List<String> readTopic(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime())
                        .as("read " + topic + " to its end")
                        .isLessThan(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null) {
                        ids.add(new String(id.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return ids;
    }

    /** Each service's audit trail: every record links to the one before it, nothing left pending. */
    private static void theAuditChainsHaveNoGapOrFork() {
        assertThat(recyclingDb.count("select count(*) from audit_record")).isPositive();
        assertThat(subsidyDb.count("select count(*) from audit_record")).isPositive();
        for (SuiteDatabase db : List.of(recyclingDb, subsidyDb, tasksDb, equipmentDb)) {
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> db.count("select count(*) from audit_pending") == 0);
            assertThat(db.count("select count(*) - coalesce(max(seq) - min(seq) + 1, 0) from audit_record"))
                    .as("gaps in the audit chain")
                    .isZero();
            assertThat(db.count("select count(*) from audit_record r where r.seq > (select min(seq) from audit_record)"
                            + " and not exists (select 1 from audit_record p where p.seq = r.seq - 1"
                            + " and p.hash = r.previous_hash)"))
                    .as("records not linked to the one before them (a fork)")
                    .isZero();
        }
    }

    /**
     * Both instances of tasks-service and equipment-inventory-service fire the jobs every 3 s; the
     * day is claimed once in {@code scheduled_run}, the job's own log line appears once across the
     * instances' logs, and each instance logged that it skipped a period another had run.
     */
    private static void theScheduledJobsRanOncePerPeriodNotOncePerReplica() {
        scheduledJobRanOnce(tasksDb, App.TASKS, "supervision", "supervision run of ");
        scheduledJobRanOnce(equipmentDb, App.EQUIPMENT, "flag-reevaluation", " new flags");
    }

    private static void scheduledJobRanOnce(SuiteDatabase db, App app, String job, String runLine) {
        long periods = db.count("select count(*) from scheduled_run where job = ?", job);
        assertThat(periods).as(job + " periods claimed").isBetween(1L, 2L); // 2 only across midnight
        Map<Path, String> logs = logsOf(app);
        assertThat(logs).hasSize(2);
        long runs = logs.values().stream()
                .mapToLong(text -> occurrences(text, runLine))
                .sum();
        assertThat(runs).as(job + " runs in the logs of both instances").isEqualTo(periods);
        assertThat(logs.values())
                .as(job + " fired on each instance, which skipped the claimed day")
                .allSatisfy(text -> assertThat(text).contains(job + " for ").contains("another instance has run it"));
    }

    private static Map<Path, String> logsOf(App app) {
        Map<Path, String> logs = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(suite.logsDirectory())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(app.module()))
                    .toList()) {
                logs.put(file, Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logs;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    // ---- requests -------------------------------------------------------------------------------

    /** Sends a request and records its answer; null when no answer came. */
    private Response call(String what, Supplier<Response> request) {
        long started = System.nanoTime();
        try {
            Response r = request.get();
            calls.add(new Call(what, started, System.nanoTime(), r.statusCode()));
            return r;
        } catch (RuntimeException e) {
            calls.add(new Call(what + " " + e.getClass().getSimpleName(), started, System.nanoTime(), -1));
            return null;
        }
    }

    /**
     * One claim through its life: filed by the retailer, its invoice uploaded, approved by the
     * county's reviewer, batched by the county officer and paid by the bank's system. A step that
     * fails ends it.
     *
     * @return the claim's id when the bank's result was accepted, else null
     */
    private String fileApproveAndPay(String programme, List<String> filed) {
        Response claim = call("file", () -> fileClaim(suite.gatewayUrl(), programme));
        if (claim == null || claim.statusCode() != 201) {
            return null;
        }
        String id = claim.path("id");
        filed.add(id);
        Response evidence = call("evidence", () -> uploadInvoice(suite.gatewayUrl(), id));
        if (evidence == null || evidence.statusCode() != 201) {
            return null;
        }
        Response approved = call(
                "approve",
                () -> as("reviewer")
                        .body(Map.of("version", claim.<Integer>path("version")))
                        .post("/api/subsidies/claims/" + id + "/approve"));
        if (approved == null || approved.statusCode() != 200) {
            return null;
        }
        Response batch = call(
                "batch",
                () -> as("county")
                        .body(Map.of("programmeId", programme, "county", COUNTY))
                        .post("/api/subsidies/payment-batches"));
        if (batch == null || batch.statusCode() != 201) {
            return null;
        }
        List<Map<String, Object>> results = new ArrayList<>();
        List<Integer> items = batch.jsonPath().getList("items.itemNo", Integer.class);
        for (Integer item : items) {
            results.add(Map.of("itemNo", item, "outcome", "PAID", "bankReference", "REP-" + item));
        }
        String batchId = batch.path("id");
        Response result = call(
                "paid",
                () -> as("system")
                        .body(Map.of("results", results))
                        .post("/api/subsidies/payment-batches/" + batchId + "/results"));
        return result != null && result.statusCode() == 200 ? id : null;
    }

    private static RequestSpecification as(String who) {
        return given().baseUri(suite.gatewayUrl())
                .auth()
                .oauth2(tokens.get(who))
                .contentType(ContentType.JSON);
    }

    private static Response postCertificate(String number, LocalDate handover) {
        return as("dismantler")
                .body(SuiteRequests.certificate(
                        number, dismantler, COUNTY, TestIdentifiers.vin(), TestIdentifiers.residentId(), handover))
                .post("/api/recycling/scrap-certificates");
    }

    /** An appliance programme of this test's, queueing claims when its money runs out. */
    private static String programme() {
        return SubsidyRequests.applianceProgramme(
                suite.gatewayUrl(), tokens.get("admin"), "REPLICAS-", "replicas", "QUEUE");
    }

    private static void allocate(String programme, long amountFen) {
        as("admin")
                .body(Map.of("programmeId", programme, "county", COUNTY, "amountFen", amountFen))
                .post("/api/subsidies/budget/allocations")
                .then()
                .statusCode(201);
    }

    private static Response fileClaim(String url, String programme) {
        return SubsidyRequests.fileApplianceClaim(
                url, tokens.get("retailer"), programme, COUNTY, retailer, LocalDate.of(2025, 4, 1));
    }

    private static Response uploadInvoice(String url, String claim) {
        return SubsidyRequests.uploadInvoice(url, tokens.get("retailer"), claim);
    }

    private interface Task {
        void run(int index) throws Exception;
    }

    private static void runAll(int threads, int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    task.run(index);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(3, TimeUnit.MINUTES);
            }
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
