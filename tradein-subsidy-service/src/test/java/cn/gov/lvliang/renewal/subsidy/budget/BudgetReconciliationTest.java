package cn.gov.lvliang.renewal.subsidy.budget;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.reviewer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The budget's reconciliation from its checkpoint and in full (decision 0050), on the real
 * database: it agrees after claims are filed, approved, paid, released and rejected, before and after
 * a fold; it names an account changed behind the ledger's back; the journal refuses to be edited;
 * and what a superuser edits anyway is found by the full recomputation, or by the reconciliation
 * when the entry is after the checkpoint.
 */
@QuarkusTest
class BudgetReconciliationTest {

    private static final String COUNTY = "141127";
    private static final String BUDGET = "/api/subsidies/budget";

    @Inject
    BudgetReconciliation reconciliation;

    @Test
    void theLedgerAgreesWithItsJournalFromTheCheckpointAndInFullAfterClaimsAreFiledApprovedPaidAndRejected() {
        String programme = programmeWithClaims();
        assertAgrees(programme);
        assertThat(reconciliation.fold()).as("entries folded").isPositive();
        assertAgrees(programme);
        Fixtures.allocate(programme, COUNTY, 300_000); // entries after the checkpoint
        assertAgrees(programme);
        assertThat(checkpointed(programme))
                .as("the checkpoint plus the entries since equal the sums of every entry")
                .isEqualTo(everyEntry(programme))
                .anySatisfy(sums -> assertThat(sums.get(1)).as("reserved").isPositive())
                .anySatisfy(sums -> assertThat(sums.get(2)).as("posted").isPositive());
        assertThat(Fixtures.count(
                        "select count(*) from budget_journal where xact_id is null and id >"
                                + " (select min(j.id) from budget_journal j join budget_account a on a.id = j.account_id"
                                + " where a.programme_id = ?)",
                        programme))
                .as("every new entry names its transaction")
                .isZero();

        JsonPath job = fullRecomputation();
        assertThat(job.getBoolean("result.agrees")).isTrue();
        assertThat(job.getBoolean("result.checkpointAgrees")).isTrue();
        assertThat(job.getLong("result.entries")).isPositive();
        assertThat(job.getInt("percent")).isEqualTo(100);
        assertThat(job.getLong("readThroughId")).isEqualTo(job.getLong("lastEntryId"));
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(BUDGET + "/reconciliations")
                .then()
                .statusCode(200)
                .body("[0].id", equalTo(job.getString("id")));
    }

    @Test
    void anAccountChangedBehindTheLedgersBackIsNamedByTheReconciliationAndTheFullRecomputation() {
        String programme = programmeWithClaims();
        reconciliation.fold();
        long account = account(programme, "RESERVE");
        String tamper = "update budget_account set reserved_fen = reserved_fen + ? where id = ?";
        Fixtures.execute(tamper, 700L, account);
        try {
            given().auth()
                    .oauth2(TestTokens.auditor())
                    .queryParam("programmeId", programme)
                    .get(BUDGET + "/reconciliation")
                    .then()
                    .statusCode(200)
                    .body("agrees", equalTo(false))
                    .body("mismatches.size()", equalTo(1))
                    .body("mismatches[0].account.id", equalTo((int) account))
                    .body("mismatches[0].account.reservedFen", equalTo((int)
                            (Fixtures.count("select reserved_fen from budget_account where id = ?", account))))
                    .body("mismatches[0].journalReservedFen", equalTo((int)
                            (Fixtures.count("select reserved_fen from budget_account where id = ?", account) - 700)));
            JsonPath job = fullRecomputation();
            assertThat(job.getBoolean("result.agrees")).isFalse();
            assertThat(job.getList("result.mismatches.account.id", Long.class)).containsExactly(account);
            assertThat(job.getBoolean("result.checkpointAgrees"))
                    .as("the journal itself is intact")
                    .isTrue();
        } finally {
            Fixtures.execute(tamper, -700L, account);
        }
        assertAgrees(programme);
    }

    @Test
    void theJournalRefusesEditsAndWhatASuperuserEditsAnywayIsFound() throws Exception {
        String programme = programmeWithClaims();
        reconciliation.fold();
        long posted = entry(programme, "POST");
        for (String edit : List.of(
                "update budget_journal set amount_fen = amount_fen + 1 where id = " + posted,
                "delete from budget_journal where id = " + posted,
                "truncate budget_journal cascade")) {
            assertThatThrownBy(() -> Fixtures.execute(edit))
                    .as(edit)
                    .hasMessageContaining("budget_journal is append-only");
        }

        // A folded entry edited with the triggers off: the checkpoint no longer reads it; the full
        // recomputation does, and names the account both ways.
        long account = account(programme, "POST");
        bypassingTriggers("update budget_journal set amount_fen = amount_fen + 500 where id = " + posted);
        try {
            assertAgrees(programme);
            JsonPath job = fullRecomputation();
            assertThat(job.getBoolean("result.agrees")).isFalse();
            assertThat(job.getList("result.mismatches.account.id", Long.class)).containsExactly(account);
            assertThat(job.getBoolean("result.checkpointAgrees")).isFalse();
            assertThat(job.getList("result.checkpointMismatches", Long.class)).containsExactly(account);
        } finally {
            bypassingTriggers("update budget_journal set amount_fen = amount_fen - 500 where id = " + posted);
        }

        // An entry after the checkpoint edited so: the reconciliation reads it and names the account.
        Fixtures.allocate(programme, COUNTY, 300_000);
        long allocated = Fixtures.count(
                "select max(j.id) from budget_journal j join budget_account a"
                        + " on a.id = j.account_id where a.programme_id = ? and j.entry_type = 'ALLOCATE'",
                programme);
        long allocatedAccount = Fixtures.count("select account_id from budget_journal where id = ?", allocated);
        bypassingTriggers("update budget_journal set amount_fen = amount_fen + 300 where id = " + allocated);
        try {
            given().auth()
                    .oauth2(TestTokens.auditor())
                    .queryParam("programmeId", programme)
                    .get(BUDGET + "/reconciliation")
                    .then()
                    .statusCode(200)
                    .body("agrees", equalTo(false))
                    .body("mismatches.account.id", org.hamcrest.Matchers.contains((int) allocatedAccount));
        } finally {
            bypassingTriggers("update budget_journal set amount_fen = amount_fen - 300 where id = " + allocated);
        }
        assertAgrees(programme);
        JsonPath job = fullRecomputation();
        assertThat(job.getBoolean("result.agrees")).isTrue();
        assertThat(job.getBoolean("result.checkpointAgrees")).isTrue();
    }

    @Test
    void onlyTheCityAdministratorRequestsAFullRecomputationAndAnUnknownJobIs404() {
        given().auth()
                .oauth2(TestTokens.auditor())
                .post(BUDGET + "/reconciliations")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(BUDGET + "/reconciliations/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    /**
     * A programme of its own in {@link #COUNTY}, funded, with four claims: one rejected, three
     * approved (reserved), of which a payment batch pays one and fails one for good (released).
     */
    private static String programmeWithClaims() {
        String programme = Fixtures.applianceProgramme("LEDGER-", Map.of());
        Fixtures.allocate(programme, COUNTY, 10_000_000);
        String seller = TestIdentifiers.creditCode();
        List<String[]> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Response r = Fixtures.fileClaim(
                    seller,
                    applianceClaim(
                            programme,
                            seller,
                            COUNTY,
                            TestIdentifiers.residentId(),
                            "AIR_CONDITIONER",
                            1,
                            500_000 + i * 10_000,
                            "2025-04-01"));
            r.then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
            Fixtures.supplyEvidence(r.path("id"), retailer(seller));
            claims.add(new String[] {r.path("id"), String.valueOf(r.<Integer>path("version"))});
        }
        given().auth()
                .oauth2(reviewer(COUNTY))
                .contentType(ContentType.JSON)
                .body(Map.of("version", Integer.valueOf(claims.get(0)[1]), "reasonCode", "DATA_INCORRECT"))
                .post(CLAIMS + "/" + claims.get(0)[0] + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        for (String[] claim : claims.subList(1, 4)) {
            Fixtures.approve(claim[0], Integer.valueOf(claim[1]), reviewer(COUNTY))
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("APPROVED"));
        }
        String batch = given().auth()
                .oauth2(TestTokens.countyOfficer(COUNTY))
                .contentType(ContentType.JSON)
                .body(Map.of("programmeId", programme, "county", COUNTY))
                .post("/api/subsidies/payment-batches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestTokens.token(Roles.SYSTEM_CLIENT, Map.of()))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "results",
                        List.of(
                                Map.of("itemNo", 1, "outcome", "PAID"),
                                Map.of("itemNo", 2, "outcome", "FAILED", "failureReason", "账户已销户", "retry", false))))
                .post("/api/subsidies/payment-batches/" + batch + "/results")
                .then()
                .statusCode(200);
        for (String type : List.of("ALLOCATE", "RESERVE", "POST", "RELEASE")) {
            assertThat(Fixtures.count(
                            "select count(*) from budget_journal j join budget_account a on a.id = j.account_id"
                                    + " where a.programme_id = ? and j.entry_type = ?",
                            programme,
                            type))
                    .as(type + " entries")
                    .isPositive();
        }
        return programme;
    }

    private static void assertAgrees(String programme) {
        given().auth()
                .oauth2(TestTokens.auditor())
                .queryParam("programmeId", programme)
                .get(BUDGET + "/reconciliation")
                .then()
                .statusCode(200)
                .body("agrees", equalTo(true))
                .body("mismatches.size()", equalTo(0));
    }

    /** Requests a full recomputation as the city administrator and follows it as an auditor to its end. */
    private static JsonPath fullRecomputation() {
        Response requested = given().auth().oauth2(TestTokens.cityAdmin()).post(BUDGET + "/reconciliations");
        requested
                .then()
                .statusCode(202)
                .header("Location", containsString(BUDGET + "/reconciliations/"))
                .body("state", org.hamcrest.Matchers.oneOf("QUEUED", "RUNNING"));
        String location = requested.header("Location");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> List.of("SUCCEEDED", "FAILED")
                        .contains(given().auth()
                                .oauth2(TestTokens.auditor())
                                .get(location)
                                .path("state")));
        JsonPath job = given().auth()
                .oauth2(TestTokens.auditor())
                .get(location)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("SUCCEEDED");
        return job;
    }

    /** The journal's sums per account of the programme as the reconciliation reads them. */
    private static List<List<Long>> checkpointed(String programme) {
        return rows(
                "select journal_allocated_fen, journal_reserved_fen, journal_posted_fen"
                        + " from budget_account_reconciliation where programme_id = ? order by id",
                programme);
    }

    /** The same, from every entry (the test's oracle). */
    private static List<List<Long>> everyEntry(String programme) {
        return rows(
                "select coalesce(sum(j.amount_fen) filter (where j.entry_type = 'ALLOCATE'), 0),"
                        + " coalesce(sum(case j.entry_type when 'RESERVE' then j.amount_fen when 'ALLOCATE' then 0"
                        + " else -j.amount_fen end) filter (where j.entry_type <> 'ALLOCATE'), 0),"
                        + " coalesce(sum(j.amount_fen) filter (where j.entry_type = 'POST'), 0)"
                        + " from budget_account a left join budget_journal j on j.account_id = a.id"
                        + " where a.programme_id = ? group by a.id order by a.id",
                programme);
    }

    private static List<List<Long>> rows(String sql, String programme) {
        List<List<Long>> rows = new ArrayList<>();
        try (Connection c = Fixtures.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, programme);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static long entry(String programme, String type) {
        return Fixtures.count(
                "select min(j.id) from budget_journal j join budget_account a on a.id = j.account_id"
                        + " where a.programme_id = ? and j.entry_type = ?",
                programme,
                type);
    }

    private static long account(String programme, String type) {
        return Fixtures.count("select account_id from budget_journal where id = ?", entry(programme, type));
    }

    /** What a superuser can do: the same statement with the journal's triggers off. */
    private static void bypassingTriggers(String sql) throws Exception {
        try (Connection c = Fixtures.connect();
                PreparedStatement off = c.prepareStatement("set session_replication_role = replica");
                PreparedStatement edit = c.prepareStatement(sql)) {
            off.execute();
            assertThat(edit.executeUpdate()).isEqualTo(1);
        }
    }
}
