package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.carClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.dealer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.reviewer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.subsidy.MutableClock;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Car claims verified against the scrap-certificate read model fed by recycling-service events on
 * the real broker.
 */
@QuarkusTest
class CarClaimTest {

    private static final String COUNTY = "141124";
    private static final String TOPIC = "recycling.events";

    @Inject
    PiiProtection pii;

    @Inject
    MutableClock clock;

    @BeforeEach
    void in2024() {
        clock.pin(Instant.parse("2024-10-08T02:00:00Z"));
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private String certificateEvent(
            String type, String number, String vin, String ownerId, String powerType, String registered, String extra) {
        return Fixtures.scrapCertificateEvent(
                type, number, vin, pii.hash(ownerId), COUNTY, powerType, registered, extra);
    }

    private void scrapped(String number, String vin, String ownerId, String powerType, String registered) {
        KafkaTestClient.send(
                TOPIC,
                number,
                certificateEvent(
                        "cn.gov.lvliang.recycling.vehicle.scrapped.v1",
                        number,
                        vin,
                        ownerId,
                        powerType,
                        registered,
                        ""));
    }

    private static void awaitCertificate(String number, String status) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.cityAdmin())
                        .get("/api/subsidies/scrap-certificates/" + number)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo(status)));
    }

    private static Response file(String seller, Map<String, Object> body) {
        return given().auth()
                .oauth2(dealer(seller))
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS);
    }

    private static String number() {
        return Fixtures.unique("LL-2024-");
    }

    @Test
    void a2024NevScrappageClaimWithAMatchingCertificateIsApprovedAtTwentyThousandYuan() {
        Fixtures.allocate("CAR-SCRAPPAGE", COUNTY, 100_000_000);
        String owner = TestIdentifiers.residentId();
        String oldVin = TestIdentifiers.vin();
        String certificate = number();
        scrapped(certificate, oldVin, owner, "NEV", "2017-05-01");
        awaitCertificate(certificate, "VALID");

        String seller = TestIdentifiers.creditCode();
        Response filed = file(
                seller, carClaim("CAR-SCRAPPAGE", seller, COUNTY, owner, certificate, oldVin, "NEV", "2024-09-28"));
        filed.then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("ruleVersion", equalTo(2))
                .body("amountFen", equalTo(2_000_000))
                .body("checks.find { it.code == 'CERTIFICATE_EXISTS' }.outcome", equalTo("PASSED"))
                .body("checks.find { it.code == 'VIN_MATCH' }.outcome", equalTo("PASSED"))
                .body("checks.find { it.code == 'OWNER_MATCH' }.outcome", equalTo("PASSED"))
                .body("checks.find { it.code == 'REGISTRATION_CUTOFF' }.outcome", equalTo("PASSED"))
                .body("checks.find { it.code == 'CERTIFICATE_UNUSED' }.outcome", equalTo("PASSED"));
        Fixtures.supplyEvidence(filed.path("id"), dealer(seller));
        Fixtures.approve(filed.path("id"), filed.<Integer>path("version"), reviewer(COUNTY))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("amountFen", equalTo(2_000_000));

        // a second claim on the same certificate, even for another new car
        String seller2 = TestIdentifiers.creditCode();
        file(seller2, carClaim("CAR-SCRAPPAGE", seller2, COUNTY, owner, certificate, oldVin, "FUEL", "2024-09-30"))
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("CERTIFICATE_ALREADY_USED"))
                .body("checks.find { it.code == 'CERTIFICATE_UNUSED' }.outcome", equalTo("FAILED"));
    }

    @Test
    void aClaimFiledBeforeItsCertificateWaitsAndPassesWhenTheCertificateArrives() {
        String owner = TestIdentifiers.residentId();
        String oldVin = TestIdentifiers.vin();
        String certificate = number();
        String seller = TestIdentifiers.creditCode();
        Response filed = file(
                seller, carClaim("CAR-SCRAPPAGE", seller, COUNTY, owner, certificate, oldVin, "FUEL", "2024-09-28"));
        filed.then()
                .statusCode(201)
                .body("status", equalTo("VERIFYING"))
                .body("waitingForCertificate", equalTo(true))
                .body("amountFen", equalTo(1_500_000))
                .body("checks.find { it.code == 'CERTIFICATE_EXISTS' }.outcome", equalTo("WAITING"));
        String id = filed.path("id");

        scrapped(certificate, oldVin, owner, "FUEL", "2010-03-15");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().auth()
                        .oauth2(dealer(seller))
                        .get(CLAIMS + "/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("PENDING_REVIEW"))
                        .body("waitingForCertificate", equalTo(false))
                        .body("checks.findAll { it.run == 2 }.code", hasItem("OWNER_MATCH")));
    }

    @Test
    void aCertificateOfSomeoneElseOrACarRegisteredAfterTheCutOffIsRejected() {
        String owner = TestIdentifiers.residentId();
        String oldVin = TestIdentifiers.vin();
        String certificate = number();
        scrapped(certificate, oldVin, owner, "FUEL", "2012-01-01");
        awaitCertificate(certificate, "VALID");
        String seller = TestIdentifiers.creditCode();
        file(
                        seller,
                        carClaim(
                                "CAR-SCRAPPAGE",
                                seller,
                                COUNTY,
                                TestIdentifiers.residentId(),
                                certificate,
                                oldVin,
                                "NEV",
                                "2024-09-28"))
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("checks.find { it.code == 'OWNER_MATCH' }.outcome", equalTo("FAILED"))
                .body("checks.find { it.code == 'REGISTRATION_CUTOFF' }.outcome", equalTo("FAILED"));
    }

    @Test
    void aVoidedCertificateRejectsTheClaimUsingItAndACorrectionIsAppliedOnlyIfNewer() {
        String owner = TestIdentifiers.residentId();
        String oldVin = TestIdentifiers.vin();
        String certificate = number();
        scrapped(certificate, oldVin, owner, "NEV", "2017-01-01");
        awaitCertificate(certificate, "VALID");
        String seller = TestIdentifiers.creditCode();
        Response filed = file(
                seller, carClaim("CAR-SCRAPPAGE", seller, COUNTY, owner, certificate, oldVin, "NEV", "2024-09-28"));
        filed.then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));

        // a correction with version 2 changes the registration date; a late version-2-again changes nothing
        String corrected = "cn.gov.lvliang.recycling.certificate.corrected.v1";
        KafkaTestClient.send(
                TOPIC,
                certificate,
                certificateEvent(corrected, certificate, oldVin, owner, "NEV", "2016-06-01", ",\"version\":2"));
        KafkaTestClient.send(
                TOPIC,
                certificate,
                certificateEvent(corrected, certificate, oldVin, owner, "NEV", "2015-01-01", ",\"version\":2"));
        KafkaTestClient.send(TOPIC, certificate, """
                {"specversion":"1.0","id":"%s","source":"/recycling-service",
                 "type":"cn.gov.lvliang.recycling.certificate.voided.v1","subject":"%s",
                 "data":{"certificateNumber":"%s","reason":"重复签发","voidedAt":"2024-10-05T03:00:00Z"}}
                """.formatted(UUID.randomUUID(), certificate, certificate));
        awaitCertificate(certificate, "VOIDED");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/subsidies/scrap-certificates/" + certificate)
                .then()
                .body("firstRegistrationDate", equalTo("2016-06-01"));
        given().auth()
                .oauth2(dealer(seller))
                .get(CLAIMS + "/" + filed.path("id"))
                .then()
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("CERTIFICATE_NOT_VALID"));

        // and a new claim on the voided certificate fails its validity check
        String other = TestIdentifiers.creditCode();
        file(other, carClaim("CAR-SCRAPPAGE", other, COUNTY, owner, certificate, oldVin, "NEV", "2024-09-29"))
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("checks.find { it.code == 'CERTIFICATE_VALID' }.outcome", equalTo("FAILED"));
    }

    @Test
    void oneNewCarGetsEitherScrappageOrReplacementAndOneReplacementPerPersonAYear() {
        clock.pin(Instant.parse("2025-06-10T02:00:00Z"));
        String owner = TestIdentifiers.residentId();
        String seller = TestIdentifiers.creditCode();
        Map<String, Object> first =
                carClaim("CAR-REPLACEMENT", seller, COUNTY, owner, null, TestIdentifiers.vin(), "NEV", "2025-06-01");
        file(seller, first)
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("amountFen", equalTo(1_500_000))
                .body("checks.find { it.code == 'OWNED_BEFORE' }.outcome", equalTo("MANUAL"));
        file(
                        seller,
                        carClaim(
                                "CAR-REPLACEMENT",
                                seller,
                                COUNTY,
                                owner,
                                null,
                                TestIdentifiers.vin(),
                                "FUEL",
                                "2025-06-02"))
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("REPLACEMENT_LIMIT_REACHED"));
        // the same new car in a scrappage claim
        String certificate = number();
        String oldVin = TestIdentifiers.vin();
        scrapped(certificate, oldVin, owner, "FUEL", "2011-01-01");
        awaitCertificate(certificate, "VALID");
        Map<String, Object> scrappage =
                carClaim("CAR-SCRAPPAGE", seller, COUNTY, owner, certificate, oldVin, "NEV", "2025-06-01");
        @SuppressWarnings("unchecked")
        Map<String, Object> car = (Map<String, Object>) scrappage.get("car");
        car.put("newVin", ((Map<?, ?>) first.get("car")).get("newVin"));
        file(seller, scrappage)
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("NEW_CAR_ALREADY_SUBSIDISED"));
    }

    @Test
    void a2024ClaimFiledAfterTheApplicationDeadlineIsRejected() {
        clock.pin(Instant.parse("2025-02-01T02:00:00Z"));
        String owner = TestIdentifiers.residentId();
        String oldVin = TestIdentifiers.vin();
        String certificate = number();
        scrapped(certificate, oldVin, owner, "NEV", "2017-01-01");
        awaitCertificate(certificate, "VALID");
        String seller = TestIdentifiers.creditCode();
        file(seller, carClaim("CAR-SCRAPPAGE", seller, COUNTY, owner, certificate, oldVin, "NEV", "2024-12-20"))
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("APPLICATION_DEADLINE_PASSED"));
    }
}
