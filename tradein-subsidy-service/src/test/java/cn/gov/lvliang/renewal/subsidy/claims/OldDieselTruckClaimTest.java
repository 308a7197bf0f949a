package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.dealer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.reviewer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 老旧营运柴油货车 (decision 0039): a truck claim under the shipped OLD-DIESEL-TRUCK programme, verified
 * against the scrap certificate recycling-service announced on the real broker, and paid only after
 * the certificate's vehicle.deregistered.v1.
 */
@QuarkusTest
class OldDieselTruckClaimTest {

    private static final String PROGRAMME = "OLD-DIESEL-TRUCK";
    private static final String COUNTY = "141129";
    private static final String TOPIC = "recycling.events";

    @Inject
    PiiProtection pii;

    private void scrapped(String number, String vin, String ownerId) {
        KafkaTestClient.send(
                TOPIC,
                number,
                Fixtures.scrapCertificateEvent(
                        "cn.gov.lvliang.recycling.vehicle.scrapped.v1",
                        number,
                        vin,
                        pii.hash(ownerId),
                        COUNTY,
                        "DIESEL",
                        "2012-05-01",
                        ""));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.cityAdmin())
                        .get("/api/subsidies/scrap-certificates/" + number)
                        .then()
                        .statusCode(200));
    }

    /** As recycling-service publishes it (docs/events/recycling-service.md). */
    private static String deregistered(String number, String on) {
        return """
                {"specversion":"1.0","id":"%s","source":"/recycling-service",
                 "type":"cn.gov.lvliang.recycling.vehicle.deregistered.v1","subject":"%s",
                 "time":"2025-05-12T08:00:00Z","datacontenttype":"application/json",
                 "data":{"certificateNumber":"%s","county":"%s","deregisteredOn":"%s"}}
                """.formatted(UUID.randomUUID(), number, number, COUNTY, on);
    }

    private static Map<String, Object> truckClaim(
            String seller, String ownerId, String certificate, String vin, String newTruck) {
        Map<String, Object> truck = new LinkedHashMap<>();
        truck.put("vin", vin);
        truck.put("emissionStandard", "CHINA_IV");
        truck.put("vehicleClass", "HEAVY");
        truck.put("operatingLicenceNumber", "141129000" + (100 + (int) (Math.random() * 899)));
        truck.put("scrapCertificateNumber", certificate);
        truck.put("newTruck", newTruck);
        if (!"NONE".equals(newTruck)) {
            truck.put("newVin", TestIdentifiers.vin());
            truck.put("invoiceNumber", Fixtures.unique("TRUCKINV"));
            truck.put("priceFen", 42_000_000L);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programmeId", PROGRAMME);
        body.put("county", COUNTY);
        body.put("sellerCreditCode", seller);
        body.put("applicant", Fixtures.applicant(ownerId));
        body.put("purchaseDate", "2025-05-01");
        body.put("truck", truck);
        return body;
    }

    private static Response file(String seller, Map<String, Object> body) {
        return given().auth()
                .oauth2(dealer(seller))
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS);
    }

    private static Response batch() {
        return given().auth()
                .oauth2(TestTokens.countyOfficer(COUNTY))
                .contentType(ContentType.JSON)
                .body(Map.of("programmeId", PROGRAMME, "county", COUNTY))
                .post("/api/subsidies/payment-batches");
    }

    @Test
    void aChinaFourHeavyTruckIsApprovedAtItsRuleAmountAndPaidOnlyAfterItsDeregistration() {
        String owner = TestIdentifiers.residentId();
        String vin = TestIdentifiers.vin();
        String certificate = Fixtures.unique("TRK-");
        scrapped(certificate, vin, owner);
        Fixtures.allocate(PROGRAMME, COUNTY, 100_000_000);

        String seller = TestIdentifiers.creditCode();
        Response filed = file(seller, truckClaim(seller, owner, certificate, vin, "NEV"));
        filed.then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("category", equalTo("OLD_DIESEL_TRUCK"))
                .body("ruleVersion", equalTo(2))
                // the 2025 version's row HEAVY × CHINA_IV × NEV
                .body("amountFen", equalTo(7_500_000))
                .body("checks.code", hasItem("OWNER_MATCH"))
                .body("truck.emissionStandard", equalTo("CHINA_IV"))
                .body("truck.deregistrationRequired", equalTo(true))
                .body("truck.waitingForDeregistration", equalTo(true))
                .body("truck.deregisteredOn", nullValue());
        String claim = filed.path("id");
        Fixtures.supplyEvidence(claim, dealer(seller));
        Fixtures.approve(claim, filed.<Integer>path("version"), reviewer(null))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("truck.waitingForDeregistration", equalTo(true));

        // approved, but not deregistered: no batch takes it
        batch().then().statusCode(422).body("type", equalTo("urn:lvliang:renewal:problem:nothing-to-pay"));

        String event = deregistered(certificate, "2025-05-10");
        KafkaTestClient.send(TOPIC, certificate, event);
        KafkaTestClient.send(TOPIC, certificate, deregistered(certificate, "2025-05-11")); // a later one: ignored
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.auditor())
                        .get(CLAIMS + "/" + claim)
                        .then()
                        .statusCode(200)
                        .body("truck.deregisteredOn", equalTo("2025-05-10"))
                        .body("truck.waitingForDeregistration", equalTo(false)));

        Response batch = batch();
        batch.then().statusCode(201).body("items.claimId", contains(claim));
        given().auth()
                .oauth2(TestTokens.token(Roles.SYSTEM_CLIENT, Map.of()))
                .contentType(ContentType.JSON)
                .body(Map.of("results", List.of(Map.of("itemNo", 1, "outcome", "PAID"))))
                .post("/api/subsidies/payment-batches/" + batch.path("id") + "/results")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(CLAIMS + "/" + claim)
                .then()
                .body("status", equalTo("PAID"))
                .body("paidAmountFen", equalTo(7_500_000));
    }

    @Test
    void aTruckScrappedOnlyEarnsItsRowAndNamesNoNewTruck() {
        String owner = TestIdentifiers.residentId();
        String vin = TestIdentifiers.vin();
        String certificate = Fixtures.unique("TRK-");
        scrapped(certificate, vin, owner);
        String seller = TestIdentifiers.creditCode();

        Map<String, Object> withNewVin = truckClaim(seller, owner, certificate, vin, "NONE");
        @SuppressWarnings("unchecked")
        Map<String, Object> truck = (Map<String, Object>) withNewVin.get("truck");
        truck.put("newVin", TestIdentifiers.vin());
        file(seller, withNewVin).then().statusCode(400).body("errors.field", hasItem("truck.newVin"));

        file(seller, truckClaim(seller, owner, certificate, vin, "NONE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("amountFen", equalTo(2_500_000))
                .body("item.invoiceNumber", nullValue())
                .body("item.priceFen", equalTo(0));
    }

    @Test
    void aLimitGroupOfTheRuleVersionCountsTruckClaimsAsForAnyCategory() {
        String programme = Fixtures.unique("TRUCK-");
        Fixtures.createProgramme(programme, "货车（每人每年一辆）", "OLD_DIESEL_TRUCK");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "effectiveFrom",
                        "2025-01-01",
                        "parameters",
                        Map.of(
                                "amount", Map.of("kind", "FIXED_BY_TRUCK_CLASS"),
                                "eligibility", Map.of(),
                                "limits", Map.of("limitGroup", programme, "perPersonPerGroupPerYear", 1),
                                "truck",
                                        Map.of(
                                                "deregistrationBeforePayment",
                                                false,
                                                "amounts",
                                                List.of(Map.of(
                                                        "vehicleClass", "HEAVY",
                                                        "emissionStandard", "CHINA_IV",
                                                        "newTruck", "NONE",
                                                        "amountFen", 1_000_000)))),
                        "evidenceRequired",
                        List.of("SCRAP_CERTIFICATE"),
                        "collectionRequired",
                        false,
                        "legalBasis",
                        "test"))
                .post("/api/subsidies/programmes/" + programme + "/rule-versions")
                .then()
                .statusCode(201);
        String owner = TestIdentifiers.residentId();
        String seller = TestIdentifiers.creditCode();
        for (int i = 0; i < 2; i++) {
            String vin = TestIdentifiers.vin();
            String certificate = Fixtures.unique("TRK-");
            scrapped(certificate, vin, owner);
            Map<String, Object> body = truckClaim(seller, owner, certificate, vin, "NONE");
            body.put("programmeId", programme);
            Response filed = file(seller, body);
            if (i == 0) {
                filed.then()
                        .statusCode(201)
                        .body("status", equalTo("PENDING_REVIEW"))
                        .body("amountFen", equalTo(1_000_000))
                        .body("truck.deregistrationRequired", equalTo(false))
                        .body("truck.waitingForDeregistration", equalTo(false));
            } else {
                filed.then()
                        .statusCode(201)
                        .body("status", equalTo("REJECTED"))
                        .body("reasonCode", equalTo("PER_PERSON_LIMIT_REACHED"));
            }
        }
    }

    @Test
    void anotherVinOrABadLicenceOrACarSectionIsRefused() {
        String owner = TestIdentifiers.residentId();
        String certificate = Fixtures.unique("TRK-");
        scrapped(certificate, TestIdentifiers.vin(), owner);
        String seller = TestIdentifiers.creditCode();

        file(seller, truckClaim(seller, owner, certificate, TestIdentifiers.vin(), "CHINA_VI"))
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("VIN_MISMATCH"));

        Map<String, Object> badLicence =
                truckClaim(seller, owner, Fixtures.unique("TRK-"), TestIdentifiers.vin(), "NONE");
        @SuppressWarnings("unchecked")
        Map<String, Object> truck = (Map<String, Object>) badLicence.get("truck");
        truck.put("operatingLicenceNumber", "晋交运管吕字123号");
        file(seller, badLicence).then().statusCode(400).body("errors.field", hasItem("truck.operatingLicenceNumber"));

        Map<String, Object> withMachine =
                truckClaim(seller, owner, Fixtures.unique("TRK-"), TestIdentifiers.vin(), "NONE");
        withMachine.put(
                "farmMachinery", Map.of("certificateNumber", "NJ-000123", "machineType", "TRACTOR", "powerKw", 58.8));
        file(seller, withMachine).then().statusCode(400).body("errors.field", hasItem("farmMachinery"));
    }
}
