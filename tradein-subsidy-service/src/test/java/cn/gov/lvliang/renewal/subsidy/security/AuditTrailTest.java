package cn.gov.lvliang.renewal.subsidy.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.platform.audit.AuditChainer;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Writes leave a chained audit record, written in the write's own transaction; reads of masked
 * data do not; tampering is found (docs/decisions/0011-audit-in-business-transaction.md).
 */
@QuarkusTest
class AuditTrailTest {

    private static final String TRAIL = "/api/subsidies/audit-records";
    private static final String PROGRAMMES = "/api/subsidies/programmes";

    @Inject
    AuditChainer chainer;

    private Map<String, Object> recordOf(String requestId) {
        chainer.chainAll();
        List<Map<String, Object>> items = given().auth()
                .oauth2(TestTokens.auditor())
                .queryParam("size", 500)
                .get(TRAIL)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(item -> requestId.equals(item.get("requestId")))
                .findFirst()
                .orElse(null);
    }

    private String fileClaim(String requestId) {
        String seller = TestIdentifiers.creditCode();
        return given().auth()
                .oauth2(TestTokens.token(
                        Roles.RETAILER, Map.of(Caller.ENTERPRISE_CLAIM, seller, "azp", "renewal-portal")))
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body(Fixtures.applianceClaim(
                        "HOME-APPLIANCE",
                        seller,
                        "141102",
                        TestIdentifiers.residentId(),
                        "AIR_CONDITIONER",
                        1,
                        400_000,
                        "2025-03-01"))
                .post(Fixtures.CLAIMS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aWriteIsRecordedWithWhoWhatWhichClientAndTheRequestIdButAMaskedReadIsNot() {
        String requestId = "audit-" + UUID.randomUUID();
        String claimId = fileClaim(requestId);

        Map<String, Object> record = recordOf(requestId);
        assertThat(record).isNotNull();
        assertThat(record)
                .containsEntry("actor", "test-retailer")
                .containsEntry("roles", "retailer")
                .containsEntry("client", "renewal-portal")
                .containsEntry("operation", "POST /api/subsidies/claims")
                .containsEntry("resource", "/api/subsidies/claims")
                .containsEntry("status", 201);
        assertThat((String) record.get("hash")).matches("[0-9a-f]{64}");
        assertThat(record.get("recordedAt")).isNotNull();

        String readId = "read-" + UUID.randomUUID();
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .header("X-Request-Id", readId)
                .get(Fixtures.CLAIMS + "/" + claimId)
                .then()
                .statusCode(200);
        assertThat(recordOf(readId)).as("a read of masked data").isNull();

        given().auth()
                .oauth2(TestTokens.auditor())
                .get(TRAIL + "/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("firstBrokenSeq", nullValue());
    }

    @Test
    void theTrailRefusesUpdatesAndAnAlteredRowIsReportedByTheVerification() throws Exception {
        String requestId = "tamper-" + UUID.randomUUID();
        fileClaim(requestId);
        fileClaim("after-" + UUID.randomUUID());
        long seq = ((Number) recordOf(requestId).get("seq")).longValue();

        assertThatThrownBy(() -> Fixtures.execute("update audit_record set actor = 'mallory' where seq = ?", seq))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Fixtures.execute("delete from audit_record where seq = ?", seq))
                .hasStackTraceContaining("append-only");

        // A database superuser bypasses the triggers and rewrites who did it.
        alterActor(seq, "mallory");
        try {
            JsonPath verification = given().auth()
                    .oauth2(TestTokens.auditor())
                    .get(TRAIL + "/verification")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(verification.getBoolean("intact")).isFalse();
            assertThat(verification.getLong("firstBrokenSeq")).isEqualTo(seq);
            assertThat(verification.getString("reason")).contains("altered");
        } finally {
            alterActor(seq, "test-retailer");
        }
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(TRAIL + "/verification")
                .then()
                .body("intact", equalTo(true));
    }

    @Test
    void onlyAuditorsAndTheCityAdministratorReadTheTrail() {
        given().auth().oauth2(TestTokens.cityAdmin()).get(TRAIL).then().statusCode(200);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get(TRAIL)
                .then()
                .statusCode(403);
    }

    /** Creates a programme (city administrator) under this request id; returns the response status. */
    static int createProgramme(String id, String requestId) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id", id,
                        "name", "audit",
                        "category", "HOME_APPLIANCE",
                        "jurisdiction", "141100",
                        "periodStart", "2025-01-01",
                        "whenExhausted", "QUEUE",
                        "fundingShares",
                                Map.of("centralBp", 9000, "provincialBp", 500, "cityBp", 250, "countyBp", 250)))
                .post(PROGRAMMES)
                .then()
                .extract()
                .statusCode();
    }

    /** Audit rows of this request: pending (not yet chained) and chained. */
    private static long auditRows(String requestId) {
        return Fixtures.count("select count(*) from audit_pending where request_id = ?", requestId)
                + Fixtures.count("select count(*) from audit_record where request_id = ?", requestId);
    }

    private static long programmes(String id) {
        return Fixtures.count("select count(*) from programme where id = ?", id);
    }

    @Test
    void aWriteWhoseTransactionRollsBackAtCommitLeavesNoAuditRecord() {
        // A deferred constraint fails the programme's transaction at commit, after the audit record
        // was inserted in it: the record must go with the write.
        Fixtures.execute("create function refuse_rbk_programme() returns trigger language plpgsql as $$"
                + " begin raise exception 'refused at commit'; end $$");
        Fixtures.execute("create constraint trigger refuse_rbk_programme after insert on programme"
                + " deferrable initially deferred for each row when (new.id like 'RBK-%')"
                + " execute function refuse_rbk_programme()");
        try {
            String id = Fixtures.unique("RBK-");
            String requestId = "rollback-" + UUID.randomUUID();
            assertThat(createProgramme(id, requestId)).isGreaterThanOrEqualTo(400);

            chainer.chainAll();
            assertThat(programmes(id)).isZero();
            assertThat(auditRows(requestId))
                    .as("audit rows of a rolled-back write")
                    .isZero();
        } finally {
            Fixtures.execute("drop trigger refuse_rbk_programme on programme");
            Fixtures.execute("drop function refuse_rbk_programme()");
        }
    }

    @Test
    void theAuditRecordIsWrittenInTheWritesOwnTransaction() throws Exception {
        // When the audit insert fails, the programme written before it in the same transaction is
        // rolled back too: there is never a write without its record.
        Fixtures.execute("create function refuse_audit_row() returns trigger language plpgsql as $$"
                + " begin raise exception 'audit store refuses'; end $$");
        Fixtures.execute("create trigger refuse_audit_row before insert on audit_pending for each row"
                + " when (new.request_id like 'audit-refused-%') execute function refuse_audit_row()");
        try {
            String refusedId = Fixtures.unique("AUD-");
            String refusedRequest = "audit-refused-" + UUID.randomUUID();
            assertThat(createProgramme(refusedId, refusedRequest)).isGreaterThanOrEqualTo(500);
            assertThat(programmes(refusedId))
                    .as("the write whose record failed")
                    .isZero();
            assertThat(auditRows(refusedRequest)).isZero();
        } finally {
            Fixtures.execute("drop trigger refuse_audit_row on audit_pending");
            Fixtures.execute("drop function refuse_audit_row()");
        }

        // and a write that commits has its record, committed with it, before anything chained it
        String id = Fixtures.unique("AUD-");
        String requestId = "audit-ok-" + UUID.randomUUID();
        Connection lock = holdChainLock();
        try {
            assertThat(createProgramme(id, requestId)).isEqualTo(201);
            assertThat(programmes(id)).isEqualTo(1);
            assertThat(Fixtures.count("select count(*) from audit_pending where request_id = ?", requestId))
                    .isEqualTo(1);
        } finally {
            lock.close();
        }
        assertThat(recordOf(requestId))
                .containsEntry("operation", "POST /api/subsidies/programmes")
                .containsEntry("status", 201);
    }

    @Test
    void writesDoNotWaitForTheChainerAndVerificationCountsWhatIsStillPending() throws Exception {
        String requestId = "pending-" + UUID.randomUUID();
        Connection lock = holdChainLock();
        try {
            // another instance is chaining (it holds the lock): writes still commit at once
            fileClaim(requestId);
            assertThat(chainer.chainPending())
                    .as("a chainer that cannot take the lock")
                    .isZero();
            given().auth()
                    .oauth2(TestTokens.auditor())
                    .get(TRAIL + "/verification")
                    .then()
                    .statusCode(200)
                    .body("intact", equalTo(true))
                    .body("pending", greaterThanOrEqualTo(1));
            assertThat(Fixtures.count("select count(*) from audit_record where request_id = ?", requestId))
                    .isZero();
        } finally {
            lock.close();
        }
        assertThat(recordOf(requestId)).isNotNull();
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(TRAIL + "/verification")
                .then()
                .body("intact", equalTo(true))
                .body("pending", equalTo(0));
    }

    @Test
    void concurrentWritesAreAllChainedGapFree() throws Exception {
        String batch = "concurrent-" + UUID.randomUUID() + "-";
        int writes = 40;
        ExecutorService pool = Executors.newFixedThreadPool(10);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            // two chainers run while the writes go on, besides the scheduled one
            List<Future<?>> chainers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                chainers.add(pool.submit(() -> {
                    while (writing.get()) {
                        chainer.chainAll();
                        Thread.sleep(5);
                    }
                    return null;
                }));
            }
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                String requestId = batch + i;
                statuses.add(pool.submit(() -> createProgramme(Fixtures.unique("CON-"), requestId)));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(201);
            }
            writing.set(false);
            for (Future<?> running : chainers) {
                running.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        chainer.chainAll();

        List<Long> seqs = new ArrayList<>();
        try (Connection c = Fixtures.connect();
                PreparedStatement s =
                        c.prepareStatement("select seq from audit_record where request_id like ? order by seq")) {
            s.setString(1, batch + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
        }
        assertThat(seqs).hasSize(writes).doesNotHaveDuplicates();
        assertThat(Fixtures.count("select count(*) from audit_pending where request_id like ?", batch + "%"))
                .isZero();
        long rows = Fixtures.count("select count(*) from audit_record");
        assertThat(Fixtures.count("select max(seq) from audit_record"))
                .as("gap-free")
                .isEqualTo(rows);
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(TRAIL + "/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("checkpoint.seq", equalTo((int) rows))
                .body("remaining", equalTo(0))
                .body("pending", equalTo(0));
    }

    /** Takes the chainer's advisory lock as another instance would; closing releases it. */
    private static Connection holdChainLock() throws Exception {
        Connection c = Fixtures.connect();
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_lock(?)")) {
            s.setLong(1, AuditChainer.CHAIN_LOCK);
            s.execute();
        }
        return c;
    }

    private static void alterActor(long seq, String actor) throws Exception {
        try (Connection c = Fixtures.connect();
                Statement replica = c.createStatement();
                PreparedStatement update = c.prepareStatement("update audit_record set actor = ? where seq = ?")) {
            replica.execute("set session_replication_role = replica");
            update.setString(1, actor);
            update.setLong(2, seq);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
