package cn.gov.lvliang.renewal.subsidy.payments;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.reviewer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 换新+回收: a programme whose rules require the old appliance to be collected pays a claim only
 * after recycling-service has recorded that collection (appliance.recycled.v1 naming the claim).
 */
@QuarkusTest
class CollectionBeforePaymentTest {

    private static final String COUNTY = "141127";

    private static String programmeRequiringCollection() {
        String id = Fixtures.unique("COLLECT-");
        Fixtures.createProgramme(id, "以旧换新（须回收旧机）", "HOME_APPLIANCE");
        Fixtures.addRuleVersion(
                id,
                Map.of(
                        "effectiveTo",
                        "2025-12-31",
                        "evidenceRequired",
                        List.of("INVOICE", "OLD_ITEM_COLLECTION"),
                        "collectionRequired",
                        true));
        Fixtures.allocate(id, COUNTY, 10_000_000);
        return id;
    }

    private static String approvedClaim(String programme) {
        String seller = TestIdentifiers.creditCode();
        Response filed = Fixtures.fileClaim(
                seller,
                applianceClaim(
                        programme,
                        seller,
                        COUNTY,
                        TestIdentifiers.residentId(),
                        "REFRIGERATOR",
                        2,
                        400_000,
                        "2025-05-01"));
        filed.then().statusCode(201).body("collectionRequired", equalTo(true));
        Fixtures.supplyEvidence(filed.path("id"), retailer(seller));
        Fixtures.approve(filed.path("id"), filed.<Integer>path("version"), reviewer(null))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        return filed.path("id");
    }

    /** As recycling-service publishes it (docs/events/recycling-service.md). */
    private static String applianceRecycled(String recordId, String source, String claimId) {
        return """
                {"specversion":"1.0","id":"%s","source":"/recycling-service",
                 "type":"cn.gov.lvliang.recycling.appliance.recycled.v1","subject":"%s",
                 "time":"2025-05-03T08:00:00Z","datacontenttype":"application/json",
                 "data":{"recordId":"%s","county":"%s","category":"REFRIGERATOR","count":1,"weightKg":62.5,
                   "source":"%s","claimId":%s,"recordedOn":"2025-05-03",
                   "materials":{"steelKg":40.0,"nonFerrousKg":5.0,"plasticsKg":12.0,"glassKg":0.5,"otherKg":5.0}}}
                """.formatted(
                        UUID.randomUUID(),
                        recordId,
                        recordId,
                        COUNTY,
                        source,
                        claimId == null ? "null" : "\"" + claimId + "\"");
    }

    @Test
    void aClaimWaitsForItsCollectionBeforeABatchTakesItAndOtherRecordsChangeNothing() {
        String programme = programmeRequiringCollection();
        String collected = approvedClaim(programme);
        String waiting = approvedClaim(programme);

        // a door-to-door record naming the waiting claim is not its trade-in collection
        String stray = UUID.randomUUID().toString();
        KafkaTestClient.send("recycling.events", stray, applianceRecycled(stray, "DOOR_TO_DOOR", waiting));
        String record = UUID.randomUUID().toString();
        String event = applianceRecycled(record, "TRADE_IN_COLLECTION", collected);
        KafkaTestClient.send("recycling.events", record, event);
        KafkaTestClient.send("recycling.events", record, event); // redelivered: applied once

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.auditor())
                        .get(CLAIMS + "/" + collected)
                        .then()
                        .statusCode(200)
                        .body("oldItemCollectedOn", equalTo("2025-05-03")));

        given().auth()
                .oauth2(TestTokens.countyOfficer(COUNTY))
                .contentType(ContentType.JSON)
                .body(Map.of("programmeId", programme, "county", COUNTY))
                .post("/api/subsidies/payment-batches")
                .then()
                .statusCode(201)
                .body("items.claimId", contains(collected));
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(CLAIMS + "/" + waiting)
                .then()
                .body("status", equalTo("APPROVED"))
                .body("oldItemCollectedOn", nullValue());
    }
}
