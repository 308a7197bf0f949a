package cn.gov.lvliang.renewal.subsidy.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.audit.AuditChain;
import cn.gov.lvliang.renewal.platform.audit.AuditChainer;
import cn.gov.lvliang.renewal.platform.audit.AuditVerifications;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit chain's verification at scale (decision 0051): the incremental verification re-hashes
 * only the records after its checkpoint and still finds a record altered after it or the
 * checkpoint's own record altered; a record altered before the checkpoint is found by the full
 * verification, a job with progress, one at a time. Real PostgreSQL; rows are altered as a
 * database superuser would, bypassing the append-only triggers, and put back afterwards.
 */
@QuarkusTest
class AuditVerificationTest {

    private static final String TRAIL = "/api/subsidies/audit-records";
    private static final String VERIFICATIONS = TRAIL + "/verifications";

    @Inject
    AuditChainer chainer;

    @Inject
    AuditVerifications verifications;

    @Test
    void anIncrementalVerificationRehashesOnlyTheRecordsAfterItsCheckpoint() {
        long checkpoint = settle();
        createProgramme();
        createProgramme();
        chainer.chainAll();
        long head = head();
        assertThat(head).isGreaterThan(checkpoint);

        JsonPath verification = verification();
        assertThat(verification.getBoolean("intact")).isTrue();
        assertThat(verification.getLong("fromSeq")).isEqualTo(checkpoint + 1);
        assertThat(verification.getLong("checked")).isEqualTo(head - checkpoint);
        assertThat(verification.getLong("remaining")).isZero();
        assertThat(verification.getLong("checkpoint.seq")).isEqualTo(head);
        assertThat(verification.getString("checkpoint.hash")).isEqualTo(hashOf(head));
        assertThat(verification.getString("checkpoint.verifiedBy"))
                .startsWith("request ")
                .endsWith(" by test-auditor");

        JsonPath again = verification();
        assertThat(again.getBoolean("intact")).isTrue();
        assertThat(again.getLong("fromSeq")).isEqualTo(head + 1);
        assertThat(again.getLong("checked"))
                .as("nothing new since the checkpoint")
                .isZero();
    }

    @Test
    void aRecordAlteredAfterTheCheckpointIsFound() throws Exception {
        long checkpoint = settle();
        createProgramme();
        chainer.chainAll();
        long altered = head();
        assertThat(altered).isGreaterThan(checkpoint);

        String actor = actorOf(altered);
        setActor(altered, "mallory");
        try {
            JsonPath verification = verification();
            assertThat(verification.getBoolean("intact")).isFalse();
            assertThat(verification.getLong("firstBrokenSeq")).isEqualTo(altered);
            assertThat(verification.getString("reason")).contains("altered");
            assertThat(verification.getLong("checkpoint.seq"))
                    .as("the checkpoint stays before the break")
                    .isEqualTo(checkpoint);
        } finally {
            setActor(altered, actor);
        }
        assertThat(verification().getBoolean("intact")).isTrue();
    }

    @Test
    void theCheckpointsOwnRecordAlteredOrRehashedIsFound() throws Exception {
        createProgramme();
        long checkpoint = settle();
        String actor = actorOf(checkpoint);
        String hash = hashOf(checkpoint);

        setActor(checkpoint, "mallory");
        try {
            JsonPath altered = verification();
            assertThat(altered.getBoolean("intact")).isFalse();
            assertThat(altered.getLong("firstBrokenSeq")).isEqualTo(checkpoint);
            assertThat(altered.getString("reason")).contains("altered");

            // rewritten with a consistent hash of its own: it no longer has the checkpoint's hash
            setHash(checkpoint, rehashed(checkpoint));
            JsonPath rehashed = verification();
            assertThat(rehashed.getBoolean("intact")).isFalse();
            assertThat(rehashed.getLong("firstBrokenSeq")).isEqualTo(checkpoint);
            assertThat(rehashed.getString("reason")).contains("checkpoint");
        } finally {
            setHash(checkpoint, hash);
            setActor(checkpoint, actor);
        }
        assertThat(verification().getBoolean("intact")).isTrue();
    }

    @Test
    void aRecordAlteredBeforeTheCheckpointIsFoundByTheFullVerificationOnly() throws Exception {
        createProgramme();
        createProgramme();
        long checkpoint = settle();
        long altered = checkpoint - 1;
        String actor = actorOf(altered);
        runLeftOverJobs();

        setActor(altered, "mallory");
        try {
            assertThat(verification().getBoolean("intact"))
                    .as("the incremental verification does not re-hash the verified prefix")
                    .isTrue();

            String id = requestFullVerification().path("id");
            assertThat(verifications.runQueued()).isTrue();
            JsonPath job = job(id);
            assertThat(job.getString("state")).isEqualTo("FINISHED");
            assertThat(job.getBoolean("intact")).isFalse();
            assertThat(job.getLong("firstBrokenSeq")).isEqualTo(altered);
            assertThat(job.getString("reason")).contains("altered");
            assertThat(job.getLong("checked")).isEqualTo(altered - 1);
            assertThat(job.getInt("percent")).isEqualTo(100);

            // the full run removed the checkpoint: the incremental one walks from the first record again
            JsonPath verification = verification();
            assertThat(verification.getBoolean("intact")).isFalse();
            assertThat(verification.getLong("fromSeq")).isEqualTo(1);
            assertThat(verification.getLong("firstBrokenSeq")).isEqualTo(altered);
        } finally {
            setActor(altered, actor);
        }
        JsonPath repaired = verification();
        assertThat(repaired.getBoolean("intact")).isTrue();
        assertThat(repaired.getLong("fromSeq")).isEqualTo(1);
    }

    @Test
    void aFullVerificationIsAJobWithProgressOneAtATime() {
        runLeftOverJobs();
        createProgramme();
        chainer.chainAll();

        Response accepted = requestFullVerification();
        String id = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith(VERIFICATIONS + "/" + id);
        assertThat(accepted.<String>path("state")).isEqualTo("QUEUED");
        assertThat(accepted.<Object>path("percent")).isNull();
        assertThat(requestFullVerification().<String>path("id"))
                .as("a second request while one is queued")
                .isEqualTo(id);

        assertThat(verifications.runQueued()).isTrue();
        JsonPath job = job(id);
        assertThat(job.getString("state")).isEqualTo("FINISHED");
        assertThat(job.getBoolean("intact")).isTrue();
        assertThat(job.getObject("firstBrokenSeq", Long.class)).isNull();
        assertThat(job.getLong("total")).isPositive();
        assertThat(job.getLong("checked")).isGreaterThanOrEqualTo(job.getLong("total"));
        assertThat(job.getInt("percent")).isEqualTo(100);
        assertThat(job.getString("requestedBy")).isEqualTo("test-city-admin");
        assertThat(job.getString("finishedAt")).isNotNull();
        assertThat(checkpointVerifiedBy())
                .as("a successful full run sets the checkpoint")
                .isEqualTo("full verification " + id);
        assertThat(verifications.runQueued()).as("nothing left to run").isFalse();
    }

    @Test
    void aRunningJobShowsItsProgressAndOneSilentTooLongIsFailed() {
        runLeftOverJobs();
        UUID running = UUID.randomUUID();
        Fixtures.execute(
                "insert into platform_job (id, kind, state, requested_by, requested_at, started_at, heartbeat_at,"
                        + " total, done) values (?, 'audit-verification', 'RUNNING', 'test-city-admin', now(), now(),"
                        + " now(), 200, 50)",
                running);
        try {
            JsonPath job = job(running.toString());
            assertThat(job.getString("state")).isEqualTo("RUNNING");
            assertThat(job.getInt("percent")).isEqualTo(25);
            assertThat(requestFullVerification().<String>path("id"))
                    .as("a request while one is running")
                    .isEqualTo(running.toString());

            // its instance stopped: no heartbeat for longer than the limit
            Fixtures.execute(
                    "update platform_job set heartbeat_at = ? where id = ?",
                    OffsetDateTime.now().minusMinutes(10),
                    running);
            String next = requestFullVerification().path("id");
            assertThat(next).isNotEqualTo(running.toString());
            JsonPath stale = job(running.toString());
            assertThat(stale.getString("state")).isEqualTo("FAILED");
            assertThat(stale.getString("error")).contains("interrupted");
        } finally {
            Fixtures.execute(
                    "update platform_job set state = 'FAILED', finished_at = now(), error = 'test'"
                            + " where id = ? and state = 'RUNNING'",
                    running);
        }
        assertThat(verifications.runQueued()).isTrue();
    }

    @Test
    void onlyTheCityAdministratorRequestsAFullVerificationAndAnUnknownOneIs404() {
        given().auth().oauth2(TestTokens.auditor()).post(VERIFICATIONS).then().statusCode(403);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .post(VERIFICATIONS)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get(VERIFICATIONS + "/" + UUID.randomUUID())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get(TRAIL + "/verification")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(VERIFICATIONS + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    /** Runs jobs other tests queued (the security suite calls every operation; the runner is off here). */
    private void runLeftOverJobs() {
        while (verifications.runQueued()) {
            // a job queued before this test
        }
    }

    /** Chains everything and verifies until the checkpoint is the last record; returns its seq. */
    private long settle() {
        chainer.chainAll();
        JsonPath verification = verification();
        assertThat(verification.getBoolean("intact")).isTrue();
        assertThat(verification.getLong("remaining")).isZero();
        long checkpoint = verification.getLong("checkpoint.seq");
        assertThat(checkpoint).isEqualTo(head());
        return checkpoint;
    }

    private static JsonPath verification() {
        return given().auth()
                .oauth2(TestTokens.auditor())
                .get(TRAIL + "/verification")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Response requestFullVerification() {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .post(VERIFICATIONS)
                .then()
                .statusCode(202)
                .contentType(ContentType.JSON)
                .extract()
                .response();
    }

    private static JsonPath job(String id) {
        return given().auth()
                .oauth2(TestTokens.auditor())
                .get(VERIFICATIONS + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A write of the city administrator: one more audit record. */
    private static void createProgramme() {
        assertThat(AuditTrailTest.createProgramme(Fixtures.unique("AVT-"), "avt-" + UUID.randomUUID()))
                .isEqualTo(201);
    }

    private static long head() {
        return Fixtures.count("select coalesce(max(seq), 0) from audit_record");
    }

    private static String checkpointVerifiedBy() {
        return text("select verified_by from audit_checkpoint", null);
    }

    private static String actorOf(long seq) {
        return text("select actor from audit_record where seq = ?", seq);
    }

    private static String hashOf(long seq) {
        return text("select hash from audit_record where seq = ?", seq);
    }

    private static String text(String sql, Long seq) {
        try (Connection c = Fixtures.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            if (seq != null) {
                s.setLong(1, seq);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getString(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash the row's current content has after its previous hash: a consistent rewrite. */
    private static String rehashed(long seq) {
        Map<String, Object> row = given()
                .auth()
                .oauth2(TestTokens.auditor())
                .queryParam("actor", actorOf(seq))
                .queryParam("size", 500)
                .get(TRAIL)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("items")
                .stream()
                .filter(item -> ((Number) item.get("seq")).longValue() == seq)
                .findFirst()
                .orElseThrow();
        return AuditChain.hash(
                (String) row.get("previousHash"),
                seq,
                Instant.parse((String) row.get("recordedAt")),
                (String) row.get("actor"),
                (String) row.get("roles"),
                (String) row.get("client"),
                (String) row.get("operation"),
                (String) row.get("resource"),
                (Integer) row.get("status"),
                (String) row.get("requestId"));
    }

    private static void setActor(long seq, String actor) throws Exception {
        asSuperuser("update audit_record set actor = ? where seq = ?", actor, seq);
    }

    private static void setHash(long seq, String hash) throws Exception {
        asSuperuser("update audit_record set hash = ? where seq = ?", hash, seq);
    }

    /** An update that bypasses the append-only triggers, as a database superuser can. */
    private static void asSuperuser(String sql, String value, long seq) throws Exception {
        try (Connection c = Fixtures.connect();
                Statement replica = c.createStatement();
                PreparedStatement update = c.prepareStatement(sql)) {
            replica.execute("set session_replication_role = replica");
            update.setString(1, value);
            update.setLong(2, seq);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
