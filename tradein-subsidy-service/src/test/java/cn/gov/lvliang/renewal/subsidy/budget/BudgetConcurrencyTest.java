package cn.gov.lvliang.renewal.subsidy.budget;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.reviewer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The ledger never over-commits: the database guards it under concurrent approvals. */
@QuarkusTest
class BudgetConcurrencyTest {

    private static final String COUNTY = "141130";
    private static final long CLAIM_FEN = 100_000;

    private static String programme(String whenExhausted) {
        String id = Fixtures.unique("CONC-");
        Fixtures.createProgramme(id, "concurrency", "HOME_APPLIANCE", Map.of("whenExhausted", whenExhausted));
        Fixtures.addRuleVersion(
                id,
                Map.of(
                        "parameters",
                        Fixtures.productParameters(Map.of(
                                "kind",
                                "PERCENT_OF_PRICE",
                                "rateBp",
                                1500,
                                "topGradeBonusBp",
                                500,
                                "capFen",
                                200_000))));
        return id;
    }

    /** Files {@code n} claims of 1,000.00 yuan each; returns id and version of each. */
    private static List<String[]> claims(String programme, int n) {
        String seller = TestIdentifiers.creditCode();
        List<String[]> filed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Response r = Fixtures.fileClaim(
                    seller,
                    applianceClaim(
                            programme,
                            seller,
                            COUNTY,
                            TestIdentifiers.residentId(),
                            "AIR_CONDITIONER",
                            1,
                            500_000,
                            "2025-04-01"));
            r.then().statusCode(201).body("status", equalTo("PENDING_REVIEW")).body("amountFen", equalTo((int)
                    CLAIM_FEN));
            Fixtures.supplyEvidence(r.path("id"), retailer(seller));
            filed.add(new String[] {r.path("id"), String.valueOf(r.<Integer>path("version"))});
        }
        return filed;
    }

    private static List<Response> approveAllAtOnce(List<String[]> claims) throws Exception {
        String token = reviewer(COUNTY);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (String[] claim : claims) {
                calls.add(() -> Fixtures.approve(claim[0], Long.parseLong(claim[1]), token));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long status(String programme, String status) {
        return Fixtures.count("select count(*) from claim where programme_id = ? and status = ?", programme, status);
    }

    private static long announcements(String programme, String source, String type) {
        return Fixtures.count(
                "select count(*) from outbox_event where aggregate_id = ? and type = ?",
                programme + ":" + COUNTY + ":" + source,
                "cn.gov.lvliang.subsidy.budget." + type + ".v1");
    }

    private static void ledgerAgreesWithItsJournal(String programme) {
        given().auth()
                .oauth2(TestTokens.auditor())
                .get("/api/subsidies/budget/reconciliation?programmeId=" + programme)
                .then()
                .statusCode(200)
                .body("agrees", equalTo(true))
                .body("accounts", equalTo(4));
        assertThat(Fixtures.count(
                        "select count(*) from budget_account where programme_id = ?"
                                + " and reserved_fen + posted_fen > allocated_fen",
                        programme))
                .isZero();
    }

    @Test
    void twoHundredConcurrentApprovalsAgainstFundsForFiftyApproveExactlyFiftyAndQueueTheRest() throws Exception {
        String programme = programme("QUEUE");
        Fixtures.allocate(programme, COUNTY, 50 * CLAIM_FEN);
        List<String[]> claims = claims(programme, 200);

        List<Response> responses = approveAllAtOnce(claims);

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(responses.stream().filter(r -> "APPROVED".equals(r.path("status"))))
                .hasSize(50);
        assertThat(responses.stream().filter(r -> "QUEUED".equals(r.path("status"))))
                .hasSize(150);
        assertThat(status(programme, "APPROVED")).isEqualTo(50);
        assertThat(status(programme, "QUEUED")).isEqualTo(150);
        given().auth()
                .oauth2(TestTokens.auditor())
                .get("/api/subsidies/budget/accounts?programmeId=" + programme)
                .then()
                .body("reservedFen.sum()", equalTo((int) (50 * CLAIM_FEN)))
                .body("availableFen.sum()", equalTo(0));
        ledgerAgreesWithItsJournal(programme);
        assertThat(Fixtures.count(
                        "select coalesce(sum(amount_fen), 0) from budget_journal j join budget_account a"
                                + " on a.id = j.account_id where a.programme_id = ? and entry_type = 'RESERVE'",
                        programme))
                .isEqualTo(50 * CLAIM_FEN);

        // budget.low and budget.exhausted: announced once per account, however many approvals hit them
        for (String source : List.of("CENTRAL", "PROVINCIAL", "CITY", "COUNTY")) {
            assertThat(announcements(programme, source, "low"))
                    .as("low " + source)
                    .isEqualTo(1);
        }
        // the central account is locked first, so it is the one found short
        assertThat(announcements(programme, "CENTRAL", "exhausted")).isEqualTo(1);

        // money for three more: the three earliest queued claims are approved, first come first served
        Fixtures.allocate(programme, COUNTY, 3 * CLAIM_FEN);
        assertThat(status(programme, "APPROVED")).isEqualTo(53);
        assertThat(status(programme, "QUEUED")).isEqualTo(147);
        ledgerAgreesWithItsJournal(programme);

        // and the announcements crossed the broker
        var announced = KafkaTestClient.await(
                "subsidy.events",
                r -> r.key() != null
                        && r.key().startsWith(programme + ":")
                        && r.value().contains("budget.exhausted"),
                1,
                Duration.ofSeconds(30));
        assertThat(announced).isNotEmpty();
    }

    @Test
    void aProgrammeThatRefusesAnswers409WhenFundsRunOutAndTheClaimStaysPending() throws Exception {
        String programme = programme("REFUSE");
        Fixtures.allocate(programme, COUNTY, 2 * CLAIM_FEN);
        List<String[]> claims = claims(programme, 6);
        List<Response> responses = approveAllAtOnce(claims);
        assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSize(2);
        assertThat(responses.stream().filter(r -> r.statusCode() == 409))
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.<String>path("type")).endsWith("budget-exhausted"));
        assertThat(status(programme, "APPROVED")).isEqualTo(2);
        assertThat(status(programme, "PENDING_REVIEW")).isEqualTo(4);
        ledgerAgreesWithItsJournal(programme);
    }

    @Test
    void theDatabaseRefusesABalanceAboveTheAllocationEvenWithoutTheService() {
        String programme = programme("QUEUE");
        Fixtures.allocate(programme, COUNTY, CLAIM_FEN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fixtures.execute(
                        "update budget_account set reserved_fen = allocated_fen + 1 where programme_id = ?", programme))
                .hasMessageContaining("budget_never_overspent");
    }
}
