package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.reviewer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.platform.security.TokenMinter;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestKeys;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Appliance claims through the API: amounts, rejection with a reason, review, idempotency and PII. */
@QuarkusTest
class ApplianceClaimTest {

    private static final String COUNTY = "141102";
    private static final String PROGRAMME = "HOME-APPLIANCE";

    private static Response file(String seller, Map<String, Object> body) {
        return Fixtures.fileClaim(seller, body);
    }

    @Test
    void gradeOneAtFiveThousandYuanEarnsOneThousandAndAwaitsReviewWithItsChecksRecorded() {
        String seller = TestIdentifiers.creditCode();
        Map<String, Object> body = applianceClaim(
                PROGRAMME, seller, COUNTY, TestIdentifiers.residentId(), "AIR_CONDITIONER", 1, 500_000, "2025-03-01");
        ownContacts(body);
        file(seller, body)
                .then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("amountFen", equalTo(100_000))
                .body("ruleVersion", equalTo(2))
                .body("status", equalTo("PENDING_REVIEW"))
                .body("computation", equalTo("rule v2: 500000 fen × 1500 bp + grade-1 bonus 500 bp = 100000 fen"))
                .body("checks.code", hasItem("ELIGIBILITY"))
                .body("checks.code", hasItem("INVOICE_UNUSED"))
                .body("checks.code", hasItem("SERIAL_UNUSED"))
                .body("checks.code", hasItem("PER_PERSON_LIMIT"))
                .body("checks.code", hasItem("PRICE_ANOMALY"))
                .body("checks.code", hasItem("ADDRESS_CONCENTRATION"))
                .body("checks.outcome", org.hamcrest.Matchers.everyItem(equalTo("PASSED")))
                .body("applicant.idNumber", org.hamcrest.Matchers.matchesPattern("1411\\*{10}.{4}"))
                .body("applicant.name", equalTo("张**"))
                .body("overdue", equalTo(false));
    }

    @Test
    void gradeTwoAtTwentyThousandYuanIsCappedAtTwoThousand() {
        String seller = TestIdentifiers.creditCode();
        file(
                        seller,
                        applianceClaim(
                                PROGRAMME,
                                seller,
                                COUNTY,
                                TestIdentifiers.residentId(),
                                "REFRIGERATOR",
                                2,
                                2_000_000,
                                "2025-03-01"))
                .then()
                .statusCode(201)
                .body("amountFen", equalTo(200_000))
                .body("status", equalTo("PENDING_REVIEW"));
    }

    @Test
    void gradeThreeIsRejectedWithItsReason() {
        String seller = TestIdentifiers.creditCode();
        file(
                        seller,
                        applianceClaim(
                                PROGRAMME,
                                seller,
                                COUNTY,
                                TestIdentifiers.residentId(),
                                "TELEVISION",
                                3,
                                500_000,
                                "2025-03-01"))
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("GRADE_NOT_ELIGIBLE"))
                .body("amountFen", equalTo(0))
                .body("checks.find { it.code == 'ELIGIBILITY' }.outcome", equalTo("FAILED"))
                .body(
                        "checks.find { it.code == 'ELIGIBILITY' }.evidence",
                        equalTo("efficiency grade 3 is worse than grade 2"));
    }

    @Test
    void the2024RulesApplyToA2024PurchaseWithOneItemPerCategory() {
        String seller = TestIdentifiers.creditCode();
        String person = TestIdentifiers.residentId();
        file(seller, applianceClaim(PROGRAMME, seller, COUNTY, person, "AIR_CONDITIONER", 1, 300_000, "2024-10-01"))
                .then()
                .statusCode(201)
                .body("ruleVersion", equalTo(1))
                .body("status", equalTo("PENDING_REVIEW"));
        file(seller, applianceClaim(PROGRAMME, seller, COUNTY, person, "AIR_CONDITIONER", 1, 300_000, "2024-10-02"))
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("PER_PERSON_LIMIT_REACHED"));
        // the 2024 version has no microwave ovens
        file(seller, applianceClaim(PROGRAMME, seller, COUNTY, person, "MICROWAVE_OVEN", 1, 100_000, "2024-10-02"))
                .then()
                .statusCode(201)
                .body("reasonCode", equalTo("CATEGORY_NOT_COVERED"));
    }

    @Test
    void threeAirConditionersPerPersonIn2025AndNoFourth() {
        String seller = TestIdentifiers.creditCode();
        String person = TestIdentifiers.residentId();
        for (int i = 0; i < 3; i++) {
            file(seller, applianceClaim(PROGRAMME, seller, COUNTY, person, "AIR_CONDITIONER", 2, 300_000, "2025-05-01"))
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("PENDING_REVIEW"));
        }
        file(seller, applianceClaim(PROGRAMME, seller, COUNTY, person, "AIR_CONDITIONER", 2, 300_000, "2025-05-01"))
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("PER_PERSON_LIMIT_REACHED"));
    }

    @Test
    void anInvoiceOrSerialNumberBacksOneClaimOnly() {
        String seller = TestIdentifiers.creditCode();
        Map<String, Object> first = applianceClaim(
                PROGRAMME, seller, COUNTY, TestIdentifiers.residentId(), "TELEVISION", 1, 300_000, "2025-05-01");
        file(seller, first).then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
        Map<String, Object> sameInvoice = applianceClaim(
                PROGRAMME, seller, COUNTY, TestIdentifiers.residentId(), "TELEVISION", 1, 300_000, "2025-05-01");
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) sameInvoice.get("appliance");
        item.put("invoiceNumber", ((Map<?, ?>) first.get("appliance")).get("invoiceNumber"));
        file(seller, sameInvoice).then().statusCode(201).body("reasonCode", equalTo("INVOICE_ALREADY_USED"));
        Map<String, Object> sameSerial = applianceClaim(
                PROGRAMME, seller, COUNTY, TestIdentifiers.residentId(), "TELEVISION", 1, 300_000, "2025-05-01");
        @SuppressWarnings("unchecked")
        Map<String, Object> item2 = (Map<String, Object>) sameSerial.get("appliance");
        item2.put("serialNumber", ((Map<?, ?>) first.get("appliance")).get("serialNumber"));
        file(seller, sameSerial).then().statusCode(201).body("reasonCode", equalTo("SERIAL_ALREADY_USED"));
    }

    @Test
    void aPriceFarAboveTheSellersEarlierPricesAndManyDeliveriesToOneAddressAreFlagged() {
        String seller = TestIdentifiers.creditCode();
        String address = "吕梁市离石区永宁中路" + UUID.randomUUID() + "号";
        for (int i = 0; i < 4; i++) {
            Map<String, Object> body = applianceClaim(
                    PROGRAMME, seller, COUNTY, TestIdentifiers.residentId(), "REFRIGERATOR", 2, 300_000, "2025-05-01");
            cast(body.get("appliance")).put("deliveryAddress", address);
            ownContacts(body);
            file(seller, body).then().statusCode(201).body("flags", org.hamcrest.Matchers.empty());
        }
        Map<String, Object> raised = applianceClaim(
                PROGRAMME, seller, COUNTY, TestIdentifiers.residentId(), "REFRIGERATOR", 2, 450_000, "2025-05-01");
        cast(raised.get("appliance")).put("deliveryAddress", address);
        ownContacts(raised);
        file(seller, raised)
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("flags", org.hamcrest.Matchers.containsInAnyOrder("PRICE_ANOMALY", "ADDRESS_CONCENTRATION"));
    }

    /** A phone and bank account of the applicant's own, so that no SHARED_* flag is raised. */
    private static void ownContacts(Map<String, Object> body) {
        cast(body.get("applicant")).put("phone", Fixtures.uniquePhone());
        cast(body.get("applicant")).put("bankAccount", Fixtures.uniqueBankAccount());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void aReviewerApprovesReservingTheBudgetButNeverTheirOwnClaim() {
        String county = "141121";
        Fixtures.allocate(PROGRAMME, county, 10_000_000);
        // a county clerk who is also a reviewer files a claim
        String both = new TokenMinter(TestKeys.SIGNING.getPrivate(), TestTokens.ISSUER, Duration.ofMinutes(30))
                .mint(
                        "clerk-and-reviewer",
                        Set.of(Roles.COUNTY_OFFICER, Roles.REVIEWER),
                        Map.of(Caller.COUNTY_CLAIM, county));
        String seller = TestIdentifiers.creditCode();
        Response filed = given().auth()
                .oauth2(both)
                .contentType(ContentType.JSON)
                .body(applianceClaim(
                        PROGRAMME,
                        seller,
                        county,
                        TestIdentifiers.residentId(),
                        "AIR_CONDITIONER",
                        1,
                        500_000,
                        "2025-03-01"))
                .post(CLAIMS);
        filed.then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
        String id = filed.path("id");
        int version = filed.path("version");
        Fixtures.supplyEvidence(id, both);

        Fixtures.approve(id, version, both)
                .then()
                .statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("maker-checker"));
        // another county's reviewer does not even see it
        Fixtures.approve(id, version, reviewer("141122")).then().statusCode(404);
        // a stale version is refused
        Fixtures.approve(id, version + 7, reviewer(county)).then().statusCode(409);
        Fixtures.approve(id, version, reviewer(county))
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("reviewedBy", equalTo("test-reviewer"))
                .body("payDue", org.hamcrest.Matchers.notNullValue());
        assertThat(Fixtures.count(
                        "select coalesce(sum(amount_fen), 0) from budget_journal where claim_id = ?::uuid and entry_type = 'RESERVE'",
                        id))
                .isEqualTo(100_000);
    }

    @Test
    void withdrawingAnApprovedClaimReleasesItsReservationAndItsInvoice() {
        String county = "141123";
        Fixtures.allocate(PROGRAMME, county, 1_000_000);
        String seller = TestIdentifiers.creditCode();
        Map<String, Object> body = applianceClaim(
                PROGRAMME, seller, county, TestIdentifiers.residentId(), "WATER_HEATER", 1, 500_000, "2025-03-01");
        Response filed = file(seller, body);
        String id = filed.path("id");
        Fixtures.supplyEvidence(id, retailer(seller));
        Response approved = Fixtures.approve(id, filed.<Integer>path("version"), reviewer(county));
        approved.then().statusCode(200).body("status", equalTo("APPROVED"));
        given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(Map.of("version", approved.<Integer>path("version")))
                .post(CLAIMS + "/" + id + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        assertThat(Fixtures.count(
                        "select coalesce(sum(amount_fen), 0) from budget_journal where claim_id = ?::uuid"
                                + " and entry_type = 'RELEASE'",
                        id))
                .isEqualTo(100_000);
        given().auth()
                .oauth2(TestTokens.auditor())
                .get("/api/subsidies/budget/reconciliation?county=" + county)
                .then()
                .body("agrees", equalTo(true));
        // the invoice and serial number are free again
        body.put("applicant", Fixtures.applicant(TestIdentifiers.residentId()));
        file(seller, body).then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
    }

    @Test
    void rejectionsAndReturnsNeedAReasonCode() {
        String seller = TestIdentifiers.creditCode();
        Response filed = file(
                seller,
                applianceClaim(
                        PROGRAMME,
                        seller,
                        COUNTY,
                        TestIdentifiers.residentId(),
                        "WASHING_MACHINE",
                        1,
                        300_000,
                        "2025-03-01"));
        String id = filed.path("id");
        int version = filed.path("version");
        given().auth()
                .oauth2(reviewer(null))
                .contentType(ContentType.JSON)
                .body(Map.of("version", version))
                .post(CLAIMS + "/" + id + "/reject")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reasonCode"));
        Response returned = given().auth()
                .oauth2(reviewer(null))
                .contentType(ContentType.JSON)
                .body(Map.of("version", version, "reasonCode", "EVIDENCE_INSUFFICIENT", "note", "发票模糊"))
                .post(CLAIMS + "/" + id + "/return");
        returned.then()
                .statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("reasonCode", equalTo("EVIDENCE_INSUFFICIENT"));
        // a correction outside what may be corrected, or malformed, is refused and changes nothing
        given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "version", returned.<Integer>path("version"), "corrections", Map.of("bankAccount", "12-34")))
                .post(CLAIMS + "/" + id + "/resubmit")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("corrections.bankAccount"));
        String newInvoice = Fixtures.unique("INV");
        given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "version",
                        returned.<Integer>path("version"),
                        "corrections",
                        Map.of("bankAccount", "6222020200998877665", "invoiceNumber", newInvoice)))
                .post(CLAIMS + "/" + id + "/resubmit")
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("checks.run", hasItem(2))
                .body("applicant.bankAccount", endsWith("7665"))
                .body("item.invoiceNumber", equalTo(newInvoice));
        assertThat(Fixtures.count(
                        "select count(*) from claim_unique_use where kind = 'INVOICE' and claim_id = cast(? as uuid)",
                        id))
                .as("only the corrected invoice is held by the claim")
                .isEqualTo(1);
        Response current = given().auth().oauth2(reviewer(null)).get(CLAIMS + "/" + id);
        given().auth()
                .oauth2(reviewer(null))
                .contentType(ContentType.JSON)
                .body(Map.of("version", current.<Integer>path("version"), "reasonCode", "SUSPECTED_FRAUD"))
                .post(CLAIMS + "/" + id + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("SUSPECTED_FRAUD"));
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstClaimAndADifferentBodyGets422() {
        String seller = TestIdentifiers.creditCode();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = applianceClaim(
                PROGRAMME, seller, COUNTY, TestIdentifiers.residentId(), "DISHWASHER", 1, 400_000, "2025-06-01");
        Response first = given().auth()
                .oauth2(retailer(seller))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS);
        first.then().statusCode(201);
        Response again = given().auth()
                .oauth2(retailer(seller))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS);
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(Fixtures.count("select count(*) from claim where seller_credit_code = ?", seller))
                .isEqualTo(1);

        body.put("purchaseDate", "2025-06-02");
        given().auth()
                .oauth2(retailer(seller))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("idempotency-key-reused"));

        // a request still in flight under a key: 409
        String inFlight = UUID.randomUUID().toString();
        Fixtures.execute(
                "insert into idempotency_key (caller, idempotency_key, request_hash, state, created_at)"
                        + " values ('test-retailer', ?, ?, 'IN_FLIGHT', now())",
                inFlight,
                "0".repeat(64));
        given().auth()
                .oauth2(retailer(seller))
                .header("Idempotency-Key", inFlight)
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS)
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("idempotency-in-flight"));

        // a failed request frees its key
        String failing = UUID.randomUUID().toString();
        Map<String, Object> future = applianceClaim(
                PROGRAMME, seller, COUNTY, TestIdentifiers.residentId(), "DISHWASHER", 1, 400_000, "2099-01-01");
        given().auth()
                .oauth2(retailer(seller))
                .header("Idempotency-Key", failing)
                .contentType(ContentType.JSON)
                .body(future)
                .post(CLAIMS)
                .then()
                .statusCode(400);
        assertThat(Fixtures.count("select count(*) from idempotency_key where idempotency_key = ?", failing))
                .isZero();
    }

    @Test
    void dealersAndRetailersFileOnlyForThemselvesAndSeeOnlyTheirOwnClaims() {
        String seller = TestIdentifiers.creditCode();
        String other = TestIdentifiers.creditCode();
        file(
                        other,
                        applianceClaim(
                                PROGRAMME,
                                seller,
                                COUNTY,
                                TestIdentifiers.residentId(),
                                "TELEVISION",
                                1,
                                300_000,
                                "2025-03-01"))
                .then()
                .statusCode(403);
        String id = file(
                        seller,
                        applianceClaim(
                                PROGRAMME,
                                seller,
                                COUNTY,
                                TestIdentifiers.residentId(),
                                "TELEVISION",
                                1,
                                300_000,
                                "2025-03-01"))
                .path("id");
        given().auth().oauth2(retailer(other)).get(CLAIMS + "/" + id).then().statusCode(404);
        given().auth().oauth2(retailer(seller)).get(CLAIMS + "/" + id).then().statusCode(200);
        given().auth()
                .oauth2(retailer(other))
                .get(CLAIMS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141130"))
                .get(CLAIMS + "/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.countyOfficer(COUNTY))
                .get(CLAIMS + "/" + id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.auditor())
                .get(CLAIMS + "/" + id)
                .then()
                .statusCode(200);
        Fixtures.approve(id, 0, TestTokens.auditor()).then().statusCode(403);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141130"))
                .contentType(ContentType.JSON)
                .body(applianceClaim(
                        PROGRAMME,
                        seller,
                        COUNTY,
                        TestIdentifiers.residentId(),
                        "TELEVISION",
                        1,
                        300_000,
                        "2025-03-01"))
                .post(CLAIMS)
                .then()
                .statusCode(403);
        given().auth().oauth2(retailer(seller)).get(CLAIMS + "?size=500").then().statusCode(400);
    }

    @Test
    void theDatabaseHoldsNoPlaintextIdNumberAndNoEventCarriesOne() {
        String seller = TestIdentifiers.creditCode();
        String idNumber = TestIdentifiers.residentId();
        Map<String, Object> body =
                applianceClaim(PROGRAMME, seller, COUNTY, idNumber, "TELEVISION", 3, 300_000, "2025-03-01");
        String rejected = file(seller, body).path("id");
        Map<String, Object> good =
                applianceClaim(PROGRAMME, seller, COUNTY, idNumber, "TELEVISION", 1, 300_000, "2025-03-01");
        String verified = given().auth()
                .oauth2(retailer(seller))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(good)
                .post(CLAIMS)
                .path("id");

        for (String table : Fixtures.tables()) {
            assertThat(Fixtures.count(
                            "select count(*) from " + table + " t where t::text like ?", "%" + idNumber + "%"))
                    .as("plaintext ID number in " + table)
                    .isZero();
            assertThat(Fixtures.count(
                            "select count(*) from " + table + " t where t::text like ?", "%6222020200112233445%"))
                    .as("plaintext bank account in " + table)
                    .isZero();
        }
        List<ConsumerRecord<String, String>> events = KafkaTestClient.await(
                "subsidy.events", r -> rejected.equals(r.key()) || verified.equals(r.key()), 4, Duration.ofSeconds(30));
        assertThat(events)
                .extracting(r -> new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(r.value())
                        .path("type")
                        .asText())
                .contains(
                        "cn.gov.lvliang.subsidy.claim.submitted.v1",
                        "cn.gov.lvliang.subsidy.claim.rejected.v1",
                        "cn.gov.lvliang.subsidy.claim.verified.v1");
        for (ConsumerRecord<String, String> event : events) {
            assertThat(event.value())
                    .doesNotContain(idNumber)
                    .doesNotContain(idNumber.substring(6, 14))
                    .doesNotContain("张三丰")
                    .doesNotContain("13812345678")
                    .doesNotContain("6222020200112233445")
                    .contains("claimantPseudonym");
        }
    }
}
