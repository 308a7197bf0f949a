package cn.gov.lvliang.renewal.subsidy.payments;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.reviewer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.platform.audit.AuditChainer;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Payment batches, the treasury file, idempotent results, failures, and retroactive top-ups. */
@QuarkusTest
class PaymentBatchTest {

    private static final String COUNTY = "141181";

    @Inject
    AuditChainer auditChainer;

    private static String programme(int rateBp) {
        String id = Fixtures.unique("PAY-");
        Fixtures.createProgramme(id, "payments", "HOME_APPLIANCE");
        addVersion(id, rateBp);
        return id;
    }

    private static void addVersion(String programme, int rateBp) {
        Fixtures.addRuleVersion(
                programme,
                Map.of(
                        "effectiveTo",
                        "2025-12-31",
                        "parameters",
                        Fixtures.productParameters(
                                Map.of("kind", "PERCENT_OF_PRICE", "rateBp", rateBp, "capFen", 200_000))));
    }

    private static List<String> approvedClaims(String programme, int n) {
        String seller = TestIdentifiers.creditCode();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Response filed = given().auth()
                    .oauth2(retailer(seller))
                    .contentType(ContentType.JSON)
                    .body(applianceClaim(
                            programme,
                            seller,
                            COUNTY,
                            TestIdentifiers.residentId(),
                            "TELEVISION",
                            2,
                            500_000,
                            "2025-04-01"))
                    .post(CLAIMS);
            filed.then().statusCode(201).body("amountFen", equalTo(50_000));
            Fixtures.supplyEvidence(filed.path("id"), retailer(seller));
            Fixtures.approve(filed.path("id"), filed.<Integer>path("version"), reviewer(null))
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("APPROVED"));
            ids.add(filed.path("id"));
        }
        return ids;
    }

    private static Response batch(String programme) {
        return given().auth()
                .oauth2(TestTokens.countyOfficer(COUNTY))
                .contentType(ContentType.JSON)
                .body(Map.of("programmeId", programme, "county", COUNTY))
                .post("/api/subsidies/payment-batches");
    }

    private static Response results(String batch, List<Map<String, Object>> results) {
        return given().auth()
                .oauth2(TestTokens.token("system-client", Map.of()))
                .contentType(ContentType.JSON)
                .body(Map.of("results", results))
                .post("/api/subsidies/payment-batches/" + batch + "/results");
    }

    /** Two approved claims of 50,000 fen each, paid in one batch. */
    private static List<String> twoPaidClaims(String programme) {
        List<String> claims = approvedClaims(programme, 2);
        results(
                        batch(programme).path("id"),
                        List.of(Map.of("itemNo", 1, "outcome", "PAID"), Map.of("itemNo", 2, "outcome", "PAID")))
                .then()
                .statusCode(200);
        return claims;
    }

    private static Response topUps(String programme) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("programmeId", programme))
                .post("/api/subsidies/top-ups");
    }

    private static String claimStatus(String id) {
        return given().auth()
                .oauth2(TestTokens.auditor())
                .get(CLAIMS + "/" + id)
                .path("status");
    }

    @Test
    void batchesAreListedNewestFirstWithTheirOutcomesInsideTheCallersCounty() {
        String programme = programme(1000);
        Fixtures.allocate(programme, COUNTY, 10_000_000);
        approvedClaims(programme, 2);
        String first = batch(programme).path("id");
        results(first, List.of(Map.of("itemNo", 1, "outcome", "PAID"))).then().statusCode(200);
        approvedClaims(programme, 1);
        String second = batch(programme).path("id");

        given().auth()
                .oauth2(TestTokens.countyOfficer(COUNTY))
                .queryParam("programmeId", programme)
                .get("/api/subsidies/payment-batches")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", org.hamcrest.Matchers.contains(second, first))
                .body("items[1].itemCount", equalTo(2))
                .body("items[1].paidCount", equalTo(1))
                .body("items[1].pendingCount", equalTo(1))
                .body("items[1].totalFen", equalTo(100_000))
                .body("items[0].pendingCount", equalTo(1));
        given().auth()
                .oauth2(TestTokens.auditor())
                .queryParam("programmeId", programme)
                .queryParam("size", 1)
                .get("/api/subsidies/payment-batches")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.size()", equalTo(1));
        // Another county's officer sees none of them, even when it asks for this county.
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .queryParam("programmeId", programme)
                .queryParam("county", COUNTY)
                .get("/api/subsidies/payment-batches")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().auth()
                .oauth2(TestTokens.auditor())
                .queryParam("county", "14110")
                .queryParam("size", 201)
                .get("/api/subsidies/payment-batches")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.size()", equalTo(2));
        given().auth()
                .oauth2(retailer(TestIdentifiers.creditCode()))
                .get("/api/subsidies/payment-batches")
                .then()
                .statusCode(403);
    }

    @Test
    void aBatchIsExportedPaidOnceAndFailuresAreRetriedOrReleased() throws Exception {
        String programme = programme(1000);
        Fixtures.allocate(programme, COUNTY, 10_000_000);
        List<String> claims = approvedClaims(programme, 3);

        Response created = batch(programme);
        created.then().statusCode(201).body("items.size()", equalTo(3)).body("totalFen", equalTo(150_000));
        String batch = created.path("id");
        batch(programme).then().statusCode(422);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get("/api/subsidies/payment-batches/" + batch)
                .then()
                .statusCode(404);

        String csv = given().auth()
                .oauth2(TestTokens.countyOfficer(COUNTY))
                .get("/api/subsidies/payment-batches/" + batch + "/treasury.csv")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).contains("序号").contains("收款账号").contains("金额(元)");
        assertThat(lines[1]).contains("\"张三丰\"").contains("6222020200112233445").contains(",500.00,");
        // The file carries unmasked names and accounts: reading it is written to the audit trail.
        auditChainer.chainAll();
        given().auth()
                .oauth2(TestTokens.auditor())
                .queryParam("resource", "/api/subsidies/payment-batches/" + batch + "/treasury.csv")
                .get("/api/subsidies/audit-records")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].operation", equalTo("GET /api/subsidies/payment-batches/{id}/treasury.csv"))
                .body("items[0].roles", equalTo("county-officer"))
                .body("items[0].status", equalTo(200));

        List<Map<String, Object>> outcome = List.of(
                Map.of("itemNo", 1, "outcome", "PAID", "bankReference", "TRX1"),
                Map.of("itemNo", 2, "outcome", "FAILED", "failureReason", "银行系统维护", "retry", true),
                Map.of("itemNo", 3, "outcome", "FAILED", "failureReason", "账户已销户", "retry", false));
        results(batch, outcome)
                .then()
                .statusCode(200)
                .body("items.outcome", org.hamcrest.Matchers.contains("PAID", "FAILED", "FAILED"));
        // the same results again change nothing
        results(batch, outcome).then().statusCode(200);
        // a different result for a recorded item is refused
        results(batch, List.of(Map.of("itemNo", 1, "outcome", "FAILED", "retry", false)))
                .then()
                .statusCode(409);

        assertThat(claimStatus(claims.get(0))).isEqualTo("PAID");
        assertThat(claimStatus(claims.get(1))).isEqualTo("APPROVED");
        assertThat(claimStatus(claims.get(2))).isEqualTo("RETURNED");
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(CLAIMS + "/" + claims.get(2))
                .then()
                .body("reasonCode", equalTo("PAYMENT_FAILED"));
        assertThat(Fixtures.count(
                        "select count(*) from budget_journal where claim_id = ?::uuid and entry_type = 'POST'",
                        claims.get(0)))
                .isEqualTo(4);
        given().auth()
                .oauth2(TestTokens.auditor())
                .get("/api/subsidies/budget/accounts?programmeId=" + programme)
                .then()
                .body("postedFen.sum()", equalTo(50_000))
                .body("reservedFen.sum()", equalTo(50_000));
        given().auth()
                .oauth2(TestTokens.auditor())
                .get("/api/subsidies/budget/reconciliation?programmeId=" + programme)
                .then()
                .body("agrees", equalTo(true));

        // the retried claim goes into the next batch
        batch(programme)
                .then()
                .statusCode(201)
                .body("items.size()", equalTo(1))
                .body("items[0].claimId", equalTo(claims.get(1)));

        // claim.paid carries what the subsidy-spend indicator needs, and no personal data
        List<ConsumerRecord<String, String>> paid = KafkaTestClient.await(
                "subsidy.events",
                r -> claims.get(0).equals(r.key()) && r.value().contains("claim.paid"),
                1,
                Duration.ofSeconds(30));
        assertThat(paid).hasSize(1);
        JsonNode data = new ObjectMapper().readTree(paid.get(0).value()).path("data");
        assertThat(data.path("programmeId").asText()).isEqualTo(programme);
        assertThat(data.path("category").asText()).isEqualTo("HOME_APPLIANCE");
        assertThat(data.path("county").asText()).isEqualTo(COUNTY);
        assertThat(data.path("amountFen").asLong()).isEqualTo(50_000);
        assertThat(data.path("paidAt").asText()).isNotBlank();
        assertThat(data.path("claimantPseudonym").asText()).hasSize(64);
        assertThat(paid.get(0).value()).doesNotContain("6222020200112233445").doesNotContain("张三丰");
    }

    @Test
    void queuedTopUpsAreReservedOldestFirstWhenMoneyArrives() {
        String programme = programme(1000);
        Fixtures.allocate(programme, COUNTY, 100_000); // exactly the two claims' 50,000 fen
        List<String> claims = twoPaidClaims(programme);
        addVersion(programme, 1500);
        topUps(programme).then().statusCode(200).body("status", org.hamcrest.Matchers.everyItem(equalTo("QUEUED")));

        Fixtures.allocate(programme, COUNTY, 30_000); // one 25,000-fen top-up fits, not two
        assertThat(topUpsIn(claims, "RESERVED")).isEqualTo(1);
        assertThat(topUpsIn(claims, "QUEUED")).isEqualTo(1);
        Response first = batch(programme);
        first.then().statusCode(201).body("items.size()", equalTo(1)).body("totalFen", equalTo(25_000));

        Fixtures.allocate(programme, COUNTY, 20_000); // 5,000 left over + 20,000
        assertThat(topUpsIn(claims, "RESERVED")).isEqualTo(2);
        assertThat(topUpsIn(claims, "QUEUED")).isZero();
        given().auth()
                .oauth2(TestTokens.auditor())
                .get("/api/subsidies/budget/reconciliation?programmeId=" + programme)
                .then()
                .body("agrees", equalTo(true));
    }

    private static long topUpsIn(List<String> claims, String status) {
        return Fixtures.count(
                "select count(*) from top_up where status = ? and claim_id = any(?::uuid[])",
                status,
                "{" + String.join(",", claims) + "}");
    }

    @Test
    void aRaisedRuleVersionTopsUpPaidClaimsOnce() {
        String programme = programme(1000);
        Fixtures.allocate(programme, COUNTY, 10_000_000);
        List<String> claims = twoPaidClaims(programme);

        // the raise: version 2 covers the same dates with 15 %
        addVersion(programme, 1500);
        topUps(programme)
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("amountFen", org.hamcrest.Matchers.everyItem(equalTo(25_000)))
                .body("status", org.hamcrest.Matchers.everyItem(equalTo("RESERVED")));
        topUps(programme).then().statusCode(200).body("size()", equalTo(0));

        Response second = batch(programme);
        second.then().statusCode(201).body("items.kind", org.hamcrest.Matchers.everyItem(equalTo("TOP_UP")));
        results(
                        second.path("id"),
                        List.of(Map.of("itemNo", 1, "outcome", "PAID"), Map.of("itemNo", 2, "outcome", "PAID")))
                .then()
                .statusCode(200);
        for (String claim : claims) {
            given().auth()
                    .oauth2(TestTokens.auditor())
                    .get(CLAIMS + "/" + claim)
                    .then()
                    .body("status", equalTo("PAID"))
                    .body("paidAmountFen", equalTo(75_000));
        }
        given().auth()
                .oauth2(TestTokens.auditor())
                .get("/api/subsidies/budget/accounts?programmeId=" + programme)
                .then()
                .body("postedFen.sum()", equalTo(150_000))
                .body("reservedFen.sum()", equalTo(0));
        given().auth()
                .oauth2(TestTokens.auditor())
                .get("/api/subsidies/budget/reconciliation?programmeId=" + programme)
                .then()
                .body("agrees", equalTo(true));
    }
}
