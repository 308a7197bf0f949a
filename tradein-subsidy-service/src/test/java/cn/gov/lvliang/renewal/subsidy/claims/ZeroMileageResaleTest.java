package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.carClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.dealer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.reviewer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 零公里二手车: recycling-service's used-car trades on the real broker flag the car claims of the
 * new VIN they name (decision 0038).
 */
@QuarkusTest
class ZeroMileageResaleTest {

    private static final String COUNTY = "141130";

    /** A car-replacement programme of its own (so its own budget and batches), 2025 on, 180-day window. */
    private static String carProgramme() {
        String id = Fixtures.unique("ZERO-KM-");
        Fixtures.createProgramme(id, "零公里测试", "CAR_REPLACEMENT");
        Fixtures.addRuleVersion(
                id,
                Map.of(
                        "parameters",
                        Map.of(
                                "amount",
                                Map.of("kind", "FIXED_BY_NEW_CAR_POWER_TYPE", "fixedFen", Map.of("NEV", 1_500_000)),
                                "eligibility",
                                Map.of(),
                                "limits",
                                Map.of(),
                                "fraudChecks",
                                Map.of("zeroMileageWindowDays", 180)),
                        "evidenceRequired",
                        List.of("NEW_CAR_INVOICE")));
        Fixtures.allocate(id, COUNTY, 100_000_000);
        return id;
    }

    /** A car claim of a new applicant, with a phone and bank account of their own (so no SHARED_* flag). */
    @SuppressWarnings("unchecked")
    private static Response file(String programme, String seller) {
        Map<String, Object> body = carClaim(
                programme,
                seller,
                COUNTY,
                TestIdentifiers.residentId(),
                null,
                TestIdentifiers.vin(),
                "NEV",
                "2025-05-01");
        Map<String, Object> applicant = (Map<String, Object>) body.get("applicant");
        applicant.put("phone", Fixtures.uniquePhone());
        applicant.put("bankAccount", Fixtures.uniqueBankAccount());
        return given().auth()
                .oauth2(dealer(seller))
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS);
    }

    private static String traded(String vin, String tradeDate) {
        return traded(UUID.randomUUID().toString(), vin, tradeDate);
    }

    private static String traded(String eventId, String vin, String tradeDate) {
        String tradeId = UUID.randomUUID().toString();
        return """
                {"specversion":"1.0","id":"%s","source":"/recycling-service",
                 "type":"cn.gov.lvliang.recycling.used-car.traded.v1","subject":"%s",
                 "time":"2025-06-02T07:10:00Z","datacontenttype":"application/json",
                 "data":{"tradeId":"%s","county":"141181","vin":"%s","tradeDate":"%s","priceFen":8650000,
                   "crossRegion":true,"export":false,"zeroMileage":true}}
                """.formatted(eventId, tradeId, tradeId, vin, tradeDate);
    }

    private static Response read(String seller, String id) {
        return given().auth().oauth2(dealer(seller)).get(CLAIMS + "/" + id);
    }

    @Test
    void aPaidCarClaimWhoseNewCarIsResoldAsZeroMileageIsFlaggedForRecoveryReview() {
        String programme = carProgramme();
        String seller = TestIdentifiers.creditCode();
        Response filed = file(programme, seller);
        filed.then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
        String id = filed.path("id");
        String newVin = filed.path("item.newVin");
        Fixtures.supplyEvidence(id, dealer(seller));
        Fixtures.approve(id, filed.<Integer>path("version"), reviewer(COUNTY))
                .then()
                .statusCode(200);
        Fixtures.payTheApprovedClaim(programme, COUNTY);
        read(seller, id).then().body("status", equalTo("PAID"));

        String event = traded(newVin, "2025-06-01");
        KafkaTestClient.send("recycling.events", newVin, event);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> read(seller, id)
                        .then()
                        .statusCode(200)
                        .body("flags", containsInAnyOrder("ZERO_MILEAGE_RESALE", "RECOVERY_REVIEW"))
                        .body("status", equalTo("PAID")));
        String evidence = read(seller, id).path("checks.find { it.code == 'RECOVERY_REVIEW' }.evidence");
        assertThat(evidence).contains(newVin).contains("31 day(s) after its purchase");

        // the same event delivered again changes nothing (inbox); a later event on the same key (so the
        // same partition) shows when the consumer has passed it
        KafkaTestClient.send("recycling.events", newVin, event);
        String laterId = UUID.randomUUID().toString();
        KafkaTestClient.send("recycling.events", newVin, traded(laterId, TestIdentifiers.vin(), "2025-06-01"));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Fixtures.count("select count(*) from inbox_event where event_id = ?", laterId) == 1);
        assertThat(Fixtures.count(
                        "select count(*) from claim_check where claim_id = ?::uuid and code in"
                                + " ('ZERO_MILEAGE_RESALE', 'RECOVERY_REVIEW')",
                        id))
                .isEqualTo(2);
    }

    @Test
    void aClaimNotYetPaidIsFlaggedAndATradeOutsideTheWindowIsNot() {
        String programme = carProgramme();
        String seller = TestIdentifiers.creditCode();
        Response late = file(programme, seller);
        Response early = file(programme, seller);
        String lateVin = late.path("item.newVin");
        String earlyVin = early.path("item.newVin");
        // 214 days after the purchase, beyond the version's 180: sent first, on the same partition key
        KafkaTestClient.send("recycling.events", "zero-km", traded(lateVin, "2025-12-01"));
        KafkaTestClient.send("recycling.events", "zero-km", traded(earlyVin, "2025-05-20"));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> read(seller, early.path("id"))
                        .then()
                        .body("flags", containsInAnyOrder("ZERO_MILEAGE_RESALE"))
                        .body("status", equalTo("PENDING_REVIEW")));
        read(seller, late.path("id")).then().body("flags", org.hamcrest.Matchers.empty());
    }
}
