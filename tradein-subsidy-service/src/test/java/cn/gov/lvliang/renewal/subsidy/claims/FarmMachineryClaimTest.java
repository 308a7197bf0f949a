package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.reviewer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 农机报废更新 (decision 0039): a farmer's claim under the shipped FARM-MACHINERY programme, verified
 * against the farm-machinery certificate that recycling-service announced on the real broker (the
 * issue-21 contract's events).
 */
@QuarkusTest
class FarmMachineryClaimTest {

    private static final String PROGRAMME = "FARM-MACHINERY";
    private static final String COUNTY = "141130";
    private static final String TOPIC = "recycling.events";

    @Inject
    PiiProtection pii;

    /** farm-machinery.scrapped.v1 (or a correction) of a person's machine, as the contract defines it. */
    private String certificate(String type, String number, String ownerId, String machineType, String kw, int version) {
        return """
                {"specversion":"1.0","id":"%s","source":"/recycling-service","type":"%s","subject":"%s",
                 "time":"2025-04-20T08:00:00Z","datacontenttype":"application/json",
                 "data":{"certificateNumber":"%s","dismantlerCreditCode":"%s","county":"%s",
                   "machineType":"%s","powerKw":%s,"factoryNumber":"F2012-0042","engineNumber":null,
                   "makeAndModel":"东方红-LX804","handoverDate":"2025-04-18",
                   "owner":{"kind":"PERSON","idNumberHash":"%s","idNumberMasked":"1411**********1233",
                     "nameMasked":"王*"},
                   "version":%d}}
                """.formatted(
                        UUID.randomUUID(),
                        type,
                        number,
                        number,
                        TestIdentifiers.creditCode(),
                        COUNTY,
                        machineType,
                        kw,
                        pii.hash(ownerId),
                        version);
    }

    private void issued(String number, String ownerId, String kw) {
        KafkaTestClient.send(
                TOPIC,
                number,
                certificate("cn.gov.lvliang.recycling.farm-machinery.scrapped.v1", number, ownerId, "TRACTOR", kw, 1));
    }

    /** Waits until the read model holds the certificate (a claim filed meanwhile could miss it). */
    private static void awaitCertificate(String number) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Fixtures.count(
                                "select count(*) from farm_machinery_certificate where certificate_number = ?", number)
                        == 1);
    }

    private static Map<String, Object> claim(String seller, String farmerId, String number, String kw) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programmeId", PROGRAMME);
        body.put("county", COUNTY);
        body.put("sellerCreditCode", seller);
        body.put("applicant", Fixtures.applicant(farmerId));
        body.put("purchaseDate", "2025-05-01");
        body.put("farmMachinery", Map.of("certificateNumber", number, "machineType", "TRACTOR", "powerKw", kw));
        return body;
    }

    private static Response file(Map<String, Object> body) {
        return given().auth()
                .oauth2(TestTokens.countyOfficer(COUNTY))
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS);
    }

    private static void awaitStatus(String claim, String status) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.auditor())
                        .get(CLAIMS + "/" + claim)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo(status)));
    }

    @Test
    void aFarmersTractorWithItsCertificateIsApprovedAtTheTablesAmount() {
        String farmer = TestIdentifiers.residentId();
        String number = Fixtures.unique("NJ-");
        issued(number, farmer, "58.8");
        awaitCertificate(number);
        Fixtures.allocate(PROGRAMME, COUNTY, 10_000_000);

        // a county clerk files for the farmer: an ID number, no credit code of the farmer's own
        String clerkSeller = TestIdentifiers.creditCode();
        Response filed = file(claim(clerkSeller, farmer, number, "58.8"));
        filed.then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("category", equalTo("FARM_MACHINERY_SCRAPPAGE"))
                .body("ruleVersion", equalTo(2))
                // the 2025 band TRACTOR [36.8, 73.5) kW
                .body("amountFen", equalTo(800_000))
                .body("farmMachinery.powerKw", equalTo(58.8f))
                .body("checks.code", hasItem("MACHINE_MATCH"));
        String id = filed.path("id");
        Fixtures.supplyEvidence(id, TestTokens.countyOfficer(COUNTY));
        Fixtures.approve(id, filed.<Integer>path("version"), reviewer(null))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("amountFen", equalTo(800_000));

        // the same certificate cannot be claimed again
        file(claim(clerkSeller, farmer, number, "58.8"))
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("CERTIFICATE_ALREADY_USED"));
    }

    @Test
    void aClaimWaitsForItsCertificateAndAnotherPowerIsAMismatchUntilCorrected() {
        String farmer = TestIdentifiers.residentId();
        String number = Fixtures.unique("NJ-");
        Response filed = file(claim(TestIdentifiers.creditCode(), farmer, number, "58.8"));
        filed.then().statusCode(201).body("status", equalTo("VERIFYING")).body("waitingForCertificate", equalTo(true));

        issued(number, farmer, "60.0");
        awaitStatus(filed.path("id"), "REJECTED");
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(CLAIMS + "/" + filed.path("id"))
                .then()
                .body("reasonCode", equalTo("MACHINE_MISMATCH"));

        // the dismantler corrects the power; a new claim then matches, and an older version changes nothing
        KafkaTestClient.send(
                TOPIC,
                number,
                certificate(
                        "cn.gov.lvliang.recycling.farm-machinery-certificate.corrected.v1",
                        number,
                        farmer,
                        "TRACTOR",
                        "58.8",
                        2));
        issued(number, farmer, "60.0");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Fixtures.count(
                                "select count(*) from farm_machinery_certificate where certificate_number = ?"
                                        + " and certificate_version = 2 and power_kw = 58.8",
                                number)
                        == 1);
        file(claim(TestIdentifiers.creditCode(), farmer, number, "58.8"))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"));
    }

    @Test
    void aCooperativeClaimsItsCombineHarvesterByItsCreditCode() {
        String cooperative = TestIdentifiers.creditCode();
        String number = Fixtures.unique("NJ-");
        String event = certificate(
                        "cn.gov.lvliang.recycling.farm-machinery.scrapped.v1",
                        number,
                        TestIdentifiers.residentId(),
                        "COMBINE_HARVESTER",
                        "88.2",
                        1)
                .replaceFirst(
                        "\"owner\":\\{[^}]*}",
                        "\"owner\":{\"kind\":\"ORGANISATION\",\"creditCode\":\"" + cooperative
                                + "\",\"nameMasked\":\"吕梁**农机专业合作社\"}");
        KafkaTestClient.send(TOPIC, number, event);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Fixtures.count(
                                "select count(*) from farm_machinery_certificate where certificate_number = ?"
                                        + " and owner_credit_code = ?",
                                number,
                                cooperative)
                        == 1);
        Map<String, Object> body = claim(TestIdentifiers.creditCode(), "unused", number, "88.2");
        body.put(
                "farmMachinery",
                Map.of("certificateNumber", number, "machineType", "COMBINE_HARVESTER", "powerKw", "88.2"));
        Map<String, Object> applicant = new LinkedHashMap<>(Fixtures.applicant(null));
        applicant.remove("idNumber");
        applicant.put("creditCode", cooperative);
        body.put("applicant", applicant);

        file(body)
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("applicant.creditCode", equalTo(cooperative))
                .body("applicant.idNumber", nullValue())
                .body("amountFen", equalTo(1_500_000));

        // a person's claim on the cooperative's certificate is not the owner's
        body.put("applicant", Fixtures.applicant(TestIdentifiers.residentId()));
        file(body)
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("checks.findAll { it.code == 'OWNER_MATCH' }.outcome", hasItem("FAILED"));

        // both identifiers, or an organisation outside farm machinery: refused, nothing stored
        Map<String, Object> both = new LinkedHashMap<>(applicant);
        both.put("idNumber", TestIdentifiers.residentId());
        body.put("applicant", both);
        file(body).then().statusCode(400).body("errors.field", hasItem("applicant.idNumber"));
        Map<String, Object> appliance = Fixtures.applianceClaim(
                "HOME-APPLIANCE",
                TestIdentifiers.creditCode(),
                COUNTY,
                TestIdentifiers.residentId(),
                "REFRIGERATOR",
                1,
                300_000,
                "2025-05-01");
        appliance.put("applicant", applicant);
        file(appliance).then().statusCode(400).body("errors.field", hasItem("applicant.creditCode"));
    }

    @Test
    void aVoidedCertificateRejectsTheClaimUsingIt() {
        String farmer = TestIdentifiers.residentId();
        String number = Fixtures.unique("NJ-");
        issued(number, farmer, "20");
        awaitCertificate(number);
        Response filed = file(claim(TestIdentifiers.creditCode(), farmer, number, "20"));
        filed.then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
        String id = filed.path("id");
        KafkaTestClient.send(TOPIC, number, """
                {"specversion":"1.0","id":"%s","source":"/recycling-service",
                 "type":"cn.gov.lvliang.recycling.farm-machinery-certificate.voided.v1","subject":"%s",
                 "time":"2025-05-02T08:00:00Z","datacontenttype":"application/json",
                 "data":{"certificateNumber":"%s","reason":"重复出具","voidedAt":"2025-05-02T08:00:00Z"}}
                """.formatted(UUID.randomUUID(), number, number));
        awaitStatus(id, "REJECTED");
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(CLAIMS + "/" + id)
                .then()
                .body("reasonCode", equalTo("CERTIFICATE_NOT_VALID"));
    }
}
