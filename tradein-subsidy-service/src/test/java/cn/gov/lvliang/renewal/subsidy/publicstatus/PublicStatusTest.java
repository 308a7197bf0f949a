package cn.gov.lvliang.renewal.subsidy.publicstatus;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.subsidy.MutableClock;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The claim number (受理编号) and the applicant's public status lookup (申请进度查询), with its
 * lockout, and the applicant's appeal, through the API on the real database.
 */
@QuarkusTest
class PublicStatusTest {

    private static final String STATUS = "/api/subsidies/public/claim-status";
    private static final String COUNTY = "141102";

    @Inject
    MutableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private record Filed(String id, String number, String filer, String idNumber) {}

    private static Filed file() {
        String seller = TestIdentifiers.creditCode();
        String idNumber = TestIdentifiers.residentId();
        Response filed = given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(applianceClaim(
                        "HOME-APPLIANCE", seller, COUNTY, idNumber, "AIR_CONDITIONER", 1, 500_000, "2025-03-01"))
                .post(CLAIMS);
        filed.then().statusCode(201);
        return new Filed(filed.path("id"), filed.path("claimNumber"), retailer(seller), idNumber);
    }

    private static Response lookUp(String claimNumber, String idNumber) {
        return given().contentType(ContentType.JSON)
                .header("X-Request-Id", "public-status-test")
                .body(Map.of("claimNumber", claimNumber, "idNumber", idNumber))
                .post(STATUS);
    }

    /** A claim number no claim has (a sequence far beyond what the tests file). */
    private static String unknownNumber() {
        return "LL-" + COUNTY + "-2026-" + (900_000_000 + (int) (Math.random() * 99_999_999));
    }

    @Test
    void theReceiptCarriesTheClaimNumberWhichIsAcceptedWhereverTheIdIs() {
        Filed claim = file();
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(claim.number()).matches("LL-" + COUNTY + "-" + year + "-\\d{6}");
        given().auth()
                .oauth2(claim.filer())
                .get(CLAIMS + "/" + claim.number())
                .then()
                .statusCode(200)
                .body("id", equalTo(claim.id()))
                .body("claimNumber", equalTo(claim.number()));
        // outside the caller's scope: 404 as for the id
        given().auth()
                .oauth2(retailer(TestIdentifiers.creditCode()))
                .get(CLAIMS + "/" + claim.number())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(claim.filer())
                .get(CLAIMS + "/" + unknownNumber())
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
        // the evidence endpoints take it too
        Fixtures.uploadEvidence(claim.number(), claim.filer(), "INVOICE", "invoice.pdf", Fixtures.pdf("number"))
                .then()
                .statusCode(201);
    }

    @Test
    void concurrentFilingsInOneCountyGetDistinctNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> filings = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                filings.add(() -> file().number());
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> number : pool.invokeAll(filings)) {
                numbers.add(number.get());
            }
            assertThat(numbers).hasSize(12).allMatch(n -> n.startsWith("LL-" + COUNTY + "-"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theApplicantReadsTheStatusAndNothingElse() {
        Filed claim = file();
        Response answer = lookUp(claim.number(), claim.idNumber());
        answer.then()
                .statusCode(200)
                .body("claimNumber", equalTo(claim.number()))
                .body("status", equalTo("PENDING_REVIEW"))
                .body("statusText", equalTo("审核中"))
                .body("amountFen", equalTo(100_000))
                .body("nextStep", matchesPattern(".*审核.*"));
        Map<String, Object> fields = answer.jsonPath().getMap("$");
        assertThat(fields.keySet())
                .isSubsetOf(
                        "claimNumber",
                        "status",
                        "statusText",
                        "programme",
                        "amountFen",
                        "reason",
                        "submittedOn",
                        "reviewedOn",
                        "paidOn",
                        "appealBy",
                        "nextStep");
        assertThat(answer.asString()).doesNotContain(claim.idNumber()).doesNotContain(claim.id());
    }

    @Test
    void aRejectedClaimShowsTheReasonInChineseAndTheApplicantMayAppeal() {
        Filed claim = file();
        int version = given().auth()
                .oauth2(claim.filer())
                .get(CLAIMS + "/" + claim.id())
                .path("version");
        given().auth()
                .oauth2(TestTokens.token("reviewer-zhao", Roles.REVIEWER, Map.of(Caller.COUNTY_CLAIM, COUNTY)))
                .contentType(ContentType.JSON)
                .body(Map.of("version", version, "reasonCode", "DATA_INCORRECT"))
                .post(CLAIMS + "/" + claim.id() + "/reject")
                .then()
                .statusCode(200);
        lookUp(claim.number(), claim.idNumber())
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("申请信息有误"))
                .body("appealBy", matchesPattern("\\d{4}-\\d{2}-\\d{2}"))
                .body("nextStep", matchesPattern(".*复核.*"));
        given().contentType(ContentType.JSON)
                .body(Map.of("claimNumber", claim.number(), "idNumber", claim.idNumber(), "reason", "信息已核实无误"))
                .post("/api/subsidies/public/claim-appeals")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPEALED"))
                .body("statusText", equalTo("复核中"));
        given().auth()
                .oauth2(claim.filer())
                .get(CLAIMS + "/" + claim.id())
                .then()
                .body("status", equalTo("APPEALED"));
        assertThat(Fixtures.count(
                        "select count(*) from claim_appeal where claim_id = ?::uuid and appellant = 'APPLICANT'",
                        claim.id()))
                .isEqualTo(1);
    }

    @Test
    void theApplicantAddsEvidenceWhileTheClaimIsUnderAppealOnly() {
        Filed claim = file();
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        // under review, not under appeal: refused
        appealEvidence(claim.number(), claim.idNumber(), pdf).then().statusCode(409);
        int version = given().auth()
                .oauth2(claim.filer())
                .get(CLAIMS + "/" + claim.id())
                .path("version");
        given().auth()
                .oauth2(TestTokens.token("reviewer-zhao", Roles.REVIEWER, Map.of(Caller.COUNTY_CLAIM, COUNTY)))
                .contentType(ContentType.JSON)
                .body(Map.of("version", version, "reasonCode", "EVIDENCE_INSUFFICIENT"))
                .post(CLAIMS + "/" + claim.id() + "/reject")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("claimNumber", claim.number(), "idNumber", claim.idNumber(), "reason", "已补充发票"))
                .post("/api/subsidies/public/claim-appeals")
                .then()
                .statusCode(200);

        appealEvidence(claim.number(), TestIdentifiers.residentId(), pdf)
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:lvliang:renewal:problem:no-matching-claim"));
        String documentId = appealEvidence(claim.number(), claim.idNumber(), pdf)
                .then()
                .statusCode(201)
                .body("kind", equalTo("INVOICE"))
                .body("detectedType", equalTo("PDF"))
                .body("uploadedBy", equalTo("applicant"))
                .extract()
                .path("id");
        appealEvidence(claim.number(), claim.idNumber(), pdf)
                .then()
                .statusCode(200)
                .body("id", equalTo(documentId));
        appealEvidence(claim.number(), claim.idNumber(), "MZ not a document".getBytes(StandardCharsets.US_ASCII))
                .then()
                .statusCode(415);
        given().auth()
                .oauth2(claim.filer())
                .get(CLAIMS + "/" + claim.id())
                .then()
                .body("evidence.id", org.hamcrest.Matchers.hasItem(documentId));
    }

    private static Response appealEvidence(String claimNumber, String idNumber, byte[] file) {
        return given().multiPart("claimNumber", claimNumber)
                .multiPart("idNumber", idNumber)
                .multiPart("kind", "INVOICE")
                .multiPart("file", "invoice.pdf", file, "application/pdf")
                .post("/api/subsidies/public/claim-appeals/evidence");
    }

    @Test
    void aWrongIdNumberAndAnUnknownClaimGetTheByteIdenticalAnswer() {
        Filed claim = file();
        Response wrongId = lookUp(claim.number(), TestIdentifiers.residentId());
        Response unknown = lookUp(unknownNumber(), claim.idNumber());
        wrongId.then().statusCode(404).contentType(startsWith("application/problem+json"));
        assertThat(unknown.statusCode()).isEqualTo(wrongId.statusCode());
        assertThat(unknown.contentType()).isEqualTo(wrongId.contentType());
        assertThat(unknown.asByteArray()).isEqualTo(wrongId.asByteArray());
        assertThat(wrongId.asString()).doesNotContain(claim.number());
    }

    @Test
    void tenFailedTriesLockTheClaimNumberFor15Minutes() {
        clock.pin(Instant.parse("2026-05-01T02:00:00Z"));
        Filed claim = file();
        for (int i = 0; i < 10; i++) {
            lookUp(claim.number(), TestIdentifiers.residentId()).then().statusCode(404);
        }
        // the 11th wrong try is refused, and so is the right ID number while the lock holds
        lookUp(claim.number(), TestIdentifiers.residentId())
                .then()
                .statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:lvliang:renewal:problem:lookup-locked"));
        lookUp(claim.number(), claim.idNumber()).then().statusCode(429);
        assertThat(Fixtures.count(
                        "select count(*) from public_lookup_guard where claim_number = ? and locked_until is not null",
                        claim.number()))
                .as("the lock is in PostgreSQL, for every replica")
                .isEqualTo(1);
        // an unknown claim number locks the same way: the lockout tells nothing
        String unknown = unknownNumber();
        for (int i = 0; i < 10; i++) {
            lookUp(unknown, claim.idNumber()).then().statusCode(404);
        }
        lookUp(unknown, claim.idNumber()).then().statusCode(429);

        clock.advance(Duration.ofMinutes(14));
        lookUp(claim.number(), claim.idNumber()).then().statusCode(429);
        clock.advance(Duration.ofMinutes(2));
        lookUp(claim.number(), claim.idNumber()).then().statusCode(200);
    }

    @Test
    void nineFailuresSpreadOverMoreThan15MinutesDoNotLock() {
        clock.pin(Instant.parse("2026-06-01T02:00:00Z"));
        Filed claim = file();
        for (int i = 0; i < 9; i++) {
            lookUp(claim.number(), TestIdentifiers.residentId()).then().statusCode(404);
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 9; i++) {
            lookUp(claim.number(), TestIdentifiers.residentId()).then().statusCode(404);
        }
        lookUp(claim.number(), claim.idNumber()).then().statusCode(200);
    }

    @Test
    void malformedInputIs400AndStoresNothing() {
        given().contentType(ContentType.JSON)
                .body(Map.of("claimNumber", "not-a-number", "idNumber", "123"))
                .post(STATUS)
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
        assertThat(Fixtures.count("select count(*) from public_lookup_guard where claim_number = 'not-a-number'"))
                .isZero();
    }
}
