package cn.gov.lvliang.renewal.subsidy.evidence;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.dealer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.pdf;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.reviewer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.uploadEvidence;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.subsidy.MutableClock;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Evidence documents (申请材料) through the API, on the real database and the default store:
 * upload rules, type detection, limits, deduplication, encryption at rest, scoping, audited
 * downloads, the approval gate, waivers and the e-invoice cross-check.
 */
@QuarkusTest
class EvidenceTest {

    private static final String CAR_COUNTY = "141126";
    private static final String APPLIANCE_COUNTY = "141102";
    private static final String OTHER_COUNTY = "141128";
    private static final int MIB = 1024 * 1024;

    @Inject
    PiiProtection pii;

    @Inject
    MutableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private record Filed(String id, int version, String filer, String seller, String invoiceNumber) {}

    /** A 2024 car scrappage claim (five kinds of evidence), its certificate on the read model first. */
    private Filed carClaim() {
        clock.pin(Instant.parse("2024-10-08T02:00:00Z"));
        String owner = TestIdentifiers.residentId();
        String oldVin = TestIdentifiers.vin();
        String certificate = Fixtures.unique("LL-2024-");
        KafkaTestClient.send(
                "recycling.events",
                certificate,
                Fixtures.scrapCertificateEvent(
                        "cn.gov.lvliang.recycling.vehicle.scrapped.v1",
                        certificate,
                        oldVin,
                        pii.hash(owner),
                        CAR_COUNTY,
                        "NEV",
                        "2017-05-01",
                        ""));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.cityAdmin())
                        .get("/api/subsidies/scrap-certificates/" + certificate)
                        .then()
                        .statusCode(200));
        String seller = TestIdentifiers.creditCode();
        Map<String, Object> body =
                Fixtures.carClaim("CAR-SCRAPPAGE", seller, CAR_COUNTY, owner, certificate, oldVin, "NEV", "2024-09-28");
        Response filed = given().auth()
                .oauth2(dealer(seller))
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS);
        filed.then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
        @SuppressWarnings("unchecked")
        String invoice = (String) ((Map<String, Object>) body.get("car")).get("invoiceNumber");
        return new Filed(filed.path("id"), filed.path("version"), dealer(seller), seller, invoice);
    }

    /** A 2025 air-conditioner claim in 141102 (four kinds of evidence), filed by its retailer. */
    private static Filed applianceClaim() {
        String seller = TestIdentifiers.creditCode();
        Response filed = Fixtures.fileApplianceClaim(seller, "AIR_CONDITIONER", 500_000, "2025-03-01");
        filed.then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
        return new Filed(
                filed.path("id"), filed.path("version"), retailer(seller), seller, filed.path("item.invoiceNumber"));
    }

    private static Response approve(Filed claim, String county) {
        return Fixtures.approve(claim.id(), currentVersion(claim), reviewer(county));
    }

    private static int currentVersion(Filed claim) {
        return given().auth()
                .oauth2(claim.filer())
                .get(CLAIMS + "/" + claim.id())
                .path("version");
    }

    private static String upload(Filed claim, String kind, String name, byte[] content) {
        return uploadEvidence(claim.id(), claim.filer(), kind, name, content)
                .then()
                .statusCode(201)
                .body("kind", equalTo(kind))
                .extract()
                .path("id");
    }

    private static byte[] download(Filed claim, String evidenceId, String token) {
        return given().auth()
                .oauth2(token)
                .get(CLAIMS + "/" + claim.id() + "/evidence/" + evidenceId)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    @Test
    void aCarClaimIsApprovedOnlyOnceAllFiveKindsOfEvidenceAreThere() {
        Fixtures.allocate("CAR-SCRAPPAGE", CAR_COUNTY, 100_000_000);
        Filed claim = carClaim();
        byte[] idCard = EvidenceFiles.jpeg();
        byte[] certificate = EvidenceFiles.png();
        byte[] invoice = EvidenceFiles.eInvoice(claim.invoiceNumber(), claim.seller(), "159800.00", "2024-09-28");
        byte[] bankCard = pdf("bank card " + UUID.randomUUID());
        String idCardId = upload(claim, "APPLICANT_ID", "id.jpg", idCard);
        upload(claim, "SCRAP_CERTIFICATE", "certificate.png", certificate);
        String invoiceId = upload(claim, "NEW_CAR_INVOICE", "invoice.xml", invoice);
        upload(claim, "BANK_ACCOUNT", "bank.pdf", bankCard);

        approve(claim, CAR_COUNTY)
                .then()
                .statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("type", endsWith("evidence-missing"))
                .body("detail", containsString("DEREGISTRATION_CERTIFICATE"))
                .body("detail", not(containsString("BANK_ACCOUNT")));

        upload(claim, "DEREGISTRATION_CERTIFICATE", "deregistration.ofd", EvidenceFiles.ofd());
        given().auth()
                .oauth2(claim.filer())
                .get(CLAIMS + "/" + claim.id())
                .then()
                .statusCode(200)
                .body("evidence", hasSize(5))
                .body("evidence.find { it.kind == 'APPLICANT_ID' }.detectedType", equalTo("JPEG"))
                .body("evidence.find { it.kind == 'SCRAP_CERTIFICATE' }.detectedType", equalTo("PNG"))
                .body("evidence.find { it.kind == 'NEW_CAR_INVOICE' }.detectedType", equalTo("E_INVOICE_XML"))
                .body("evidence.find { it.kind == 'DEREGISTRATION_CERTIFICATE' }.detectedType", equalTo("OFD"))
                .body("evidence.find { it.kind == 'BANK_ACCOUNT' }.detectedType", equalTo("PDF"))
                .body("evidence.find { it.kind == 'APPLICANT_ID' }.sizeBytes", equalTo(idCard.length))
                .body("evidence.find { it.kind == 'APPLICANT_ID' }.sha256", equalTo(sha256(idCard)))
                .body("evidence.find { it.kind == 'APPLICANT_ID' }.uploadedBy", equalTo("test-dealer"))
                .body(
                        "evidenceCompleteness.state",
                        equalTo(List.of("PRESENT", "PRESENT", "PRESENT", "PRESENT", "PRESENT")))
                .body("checks.find { it.code == 'INVOICE_MISMATCH' }.outcome", equalTo("PASSED"))
                .body("flags", not(hasItem("INVOICE_MISMATCH")));

        approve(claim, CAR_COUNTY).then().statusCode(200).body("status", equalTo("APPROVED"));

        // the files come back as they went in
        assertThat(download(claim, idCardId, reviewer(CAR_COUNTY))).isEqualTo(idCard);
        assertThat(download(claim, invoiceId, TestTokens.auditor())).isEqualTo(invoice);
        // an approved claim takes no more evidence
        uploadEvidence(claim.id(), claim.filer(), "BANK_ACCOUNT", "late.pdf", pdf("late " + UUID.randomUUID()))
                .then()
                .statusCode(409)
                .body("type", endsWith("claim-state"));
    }

    @Test
    void anExecutableNamedInvoicePdfAnswers415AndStoresNothing() {
        Filed claim = applianceClaim();
        for (byte[] executable : List.of(EvidenceFiles.elf(), EvidenceFiles.pe())) {
            given().auth()
                    .oauth2(claim.filer())
                    .multiPart("kind", "INVOICE")
                    .multiPart("file", "invoice.pdf", executable, "application/pdf")
                    .post(CLAIMS + "/" + claim.id() + "/evidence")
                    .then()
                    .statusCode(415)
                    .contentType(containsString("application/problem+json"))
                    .body("type", endsWith("evidence-type"));
        }
        // a ZIP that is not an OFD, and XML that is not an e-invoice, are refused too
        uploadEvidence(claim.id(), claim.filer(), "INVOICE", "invoice.ofd", EvidenceFiles.zip("word/document.xml", "x"))
                .then()
                .statusCode(415);
        uploadEvidence(
                        claim.id(),
                        claim.filer(),
                        "INVOICE",
                        "invoice.xml",
                        "<?xml version=\"1.0\"?><Invoice><ID>1</ID></Invoice>".getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(415);
        assertThat(Fixtures.count("select count(*) from evidence_document where claim_id = ?::uuid", claim.id()))
                .isZero();
    }

    @Test
    void aFileOverTheLimitAnswers413AndOneAtTheLimitIsTaken() {
        Filed claim = applianceClaim();
        byte[] twenty = new byte[20 * MIB];
        byte[] head = pdf("twenty");
        System.arraycopy(head, 0, twenty, 0, head.length);
        // with its length declared, as browsers and curl send a form: 413 problem+json (read and counted:
        // the HTTP limit, 21M, stays above the gateway's 20M so that chunked uploads reach the count too)
        given().auth()
                .oauth2(claim.filer())
                .contentType("multipart/form-data; boundary=" + BOUNDARY)
                .body(multipart("INVOICE", "big.pdf", twenty))
                .post(CLAIMS + "/" + claim.id() + "/evidence")
                .then()
                .statusCode(413)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(413));
        // within the HTTP limit, but one byte over the file limit: counted while reading
        byte[] over = Arrays.copyOf(twenty, 10 * MIB + 1);
        uploadEvidence(claim.id(), claim.filer(), "INVOICE", "big.pdf", over)
                .then()
                .statusCode(413)
                .contentType(containsString("application/problem+json"))
                .body("type", endsWith("evidence-too-large"));
        assertThat(Fixtures.count("select count(*) from evidence_document where claim_id = ?::uuid", claim.id()))
                .isZero();
        byte[] atLimit = Arrays.copyOf(twenty, 10 * MIB);
        String id = upload(claim, "INVOICE", "big.pdf", atLimit);
        assertThat(download(claim, id, claim.filer())).isEqualTo(atLimit);
    }

    private static final String BOUNDARY = "evidence-test-boundary";

    /** A multipart/form-data body with {@code kind} and {@code file}, whole, so that its length is known. */
    private static byte[] multipart(String kind, String fileName, byte[] content) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n--"
                        + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Test
    void theSamePdfUploadedTwiceIsOneDocument() {
        Filed claim = applianceClaim();
        byte[] scan = pdf("invoice " + UUID.randomUUID());
        String first = upload(claim, "INVOICE", "invoice.pdf", scan);
        uploadEvidence(claim.id(), claim.filer(), "INVOICE", "invoice-again.pdf", scan)
                .then()
                .statusCode(200)
                .body("id", equalTo(first));
        assertThat(Fixtures.count("select count(*) from evidence_document where claim_id = ?::uuid", claim.id()))
                .isEqualTo(1);
        assertThat(Fixtures.count("select count(*) from evidence_object where sha256 = ?", sha256(scan)))
                .isEqualTo(1);
    }

    @Test
    void aMarkerInsideAnUploadedPdfIsNowhereInPlaintextInTheDatabase() {
        Filed claim = applianceClaim();
        String marker = "MARKER-" + UUID.randomUUID();
        byte[] scan = pdf("身份证 " + marker);
        String id = upload(claim, "APPLICANT_ID", "id.pdf", scan);
        assertThat(download(claim, id, claim.filer())).isEqualTo(scan);

        // every row of every table, as text (bytea shows as hex): what a dump would hold
        String hex = HexFormat.of().formatHex(marker.getBytes(StandardCharsets.UTF_8));
        for (String table : Fixtures.tables()) {
            assertThat(rowsHolding(table, marker, hex))
                    .as("rows of %s holding the marker", table)
                    .isZero();
        }
        // the probe finds what is there: the seller's credit code is stored in clear on the claim
        assertThat(rowsHolding("claim", claim.seller(), claim.seller())).isEqualTo(1);
        assertThat(Fixtures.count("select count(*) from evidence_object_chunk where sha256 = ?", sha256(scan)))
                .isPositive();
    }

    private static long rowsHolding(String table, String text, String hex) {
        return Fixtures.count(
                "select count(*) from \"" + table + "\" t where strpos(t::text, ?) > 0 or strpos(t::text, ?) > 0",
                text,
                hex);
    }

    @Test
    void anotherCountysReviewerGets404AndEveryDownloadIsAudited() {
        Filed claim = applianceClaim();
        String id = upload(claim, "PRODUCT_PHOTO", "photo.jpg", EvidenceFiles.jpeg());
        String path = CLAIMS + "/" + claim.id() + "/evidence/" + id;

        given().auth()
                .oauth2(reviewer(OTHER_COUNTY))
                .get(CLAIMS + "/" + claim.id())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(reviewer(OTHER_COUNTY))
                .get(path)
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().auth()
                .oauth2(retailer(TestIdentifiers.creditCode()))
                .get(path)
                .then()
                .statusCode(404);
        // another enterprise cannot upload to it either
        uploadEvidence(claim.id(), retailer(TestIdentifiers.creditCode()), "INVOICE", "x.pdf", pdf("x"))
                .then()
                .statusCode(404);
        assertThat(downloadsAudited(path)).isZero();

        download(claim, id, reviewer(APPLIANCE_COUNTY));
        download(claim, id, TestTokens.auditor());
        download(claim, id, claim.filer());
        assertThat(downloadsAudited(path)).isEqualTo(3);
    }

    private static long downloadsAudited(String path) {
        return auditRecords(path, "GET " + CLAIMS + "/{id}/evidence/{evidenceId}");
    }

    /**
     * The audit records of successful calls of {@code operation} on {@code resource}, pending or
     * chained, counted in one statement (the chainer moves rows from one table to the other).
     */
    private static long auditRecords(String resource, String operation) {
        return Fixtures.count(
                "select (select count(*) from audit_pending where resource = ? and operation = ? and status / 100 = 2)"
                        + " + (select count(*) from audit_record where resource = ? and operation = ? and status / 100 = 2)",
                resource,
                operation,
                resource,
                operation);
    }

    @Test
    void aReviewerWaivesOneKindWithAReasonAndTheClaimIsApprovedWithoutIt() {
        Fixtures.allocate("HOME-APPLIANCE", APPLIANCE_COUNTY, 10_000_000);
        Filed claim = applianceClaim();
        upload(claim, "APPLICANT_ID", "id.jpg", EvidenceFiles.jpeg());
        upload(claim, "INVOICE", "invoice.pdf", pdf("invoice " + UUID.randomUUID()));
        upload(claim, "PRODUCT_PHOTO", "photo.png", EvidenceFiles.png());
        String waivers = CLAIMS + "/" + claim.id() + "/evidence/waivers";

        given().auth()
                .oauth2(reviewer(APPLIANCE_COUNTY))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "NOT_REQUIRED_HERE", "reasonCode", "NOT_APPLICABLE"))
                .post(waivers)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(reviewer(APPLIANCE_COUNTY))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "BANK_ACCOUNT", "reasonCode", "OTHER"))
                .post(waivers)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(reviewer(OTHER_COUNTY))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "BANK_ACCOUNT", "reasonCode", "VERIFIED_BY_SYSTEM"))
                .post(waivers)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(reviewer(APPLIANCE_COUNTY))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "BANK_ACCOUNT", "reasonCode", "VERIFIED_BY_SYSTEM", "note", "代发系统核验通过"))
                .post(waivers)
                .then()
                .statusCode(200)
                .body("evidenceCompleteness.find { it.kind == 'BANK_ACCOUNT' }.state", equalTo("WAIVED"))
                .body(
                        "evidenceCompleteness.find { it.kind == 'BANK_ACCOUNT' }.waiver.reasonCode",
                        equalTo("VERIFIED_BY_SYSTEM"))
                .body(
                        "evidenceCompleteness.find { it.kind == 'BANK_ACCOUNT' }.waiver.waivedBy",
                        equalTo("test-reviewer"));
        // one kind per claim
        given().auth()
                .oauth2(reviewer(APPLIANCE_COUNTY))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "PRODUCT_PHOTO", "reasonCode", "NOT_APPLICABLE"))
                .post(waivers)
                .then()
                .statusCode(409)
                .body("type", endsWith("waiver-taken"));
        assertThat(auditRecords(waivers, "POST " + CLAIMS + "/{id}/evidence/waivers"))
                .isEqualTo(1);

        approve(claim, APPLIANCE_COUNTY).then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void anEInvoiceThatDiffersFromTheClaimFlagsInvoiceMismatchWithTheFields() {
        Filed claim = applianceClaim();
        byte[] invoice = EvidenceFiles.eInvoice(claim.invoiceNumber(), claim.seller(), "5100.00", "2025-03-02");
        upload(claim, "INVOICE", "invoice.xml", invoice);
        given().auth()
                .oauth2(claim.filer())
                .get(CLAIMS + "/" + claim.id())
                .then()
                .statusCode(200)
                .body("flags", hasItem("INVOICE_MISMATCH"))
                .body("checks.find { it.code == 'INVOICE_MISMATCH' }.outcome", equalTo("FLAGGED"))
                .body(
                        "checks.find { it.code == 'INVOICE_MISMATCH' }.evidence",
                        containsString("priceFen claim 500000 / invoice 510000"))
                .body("checks.find { it.code == 'INVOICE_MISMATCH' }.evidence", containsString("purchaseDate"))
                .body("checks.find { it.code == 'INVOICE_MISMATCH' }.evidence", not(containsString("invoiceNumber")))
                .body(
                        "checks.find { it.code == 'INVOICE_MISMATCH' }.evidence",
                        not(containsString("sellerCreditCode")));
    }

    @Test
    void anUploadNeedsAKindOfTheRuleVersionAndAFile() {
        Filed claim = applianceClaim();
        uploadEvidence(claim.id(), claim.filer(), "SCRAP_CERTIFICATE", "x.pdf", pdf("x"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("kind"));
        given().auth()
                .oauth2(claim.filer())
                .multiPart("kind", "INVOICE")
                .post(CLAIMS + "/" + claim.id() + "/evidence")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("file"));
        given().auth()
                .oauth2(reviewer(APPLIANCE_COUNTY))
                .multiPart("kind", "INVOICE")
                .multiPart("file", "x.pdf", pdf("x"), "application/pdf")
                .post(CLAIMS + "/" + claim.id() + "/evidence")
                .then()
                .statusCode(403);
    }

    @Test
    void theReconcileCheckReportsObjectsWithoutMetadataAndMetadataWithoutObjects() {
        Filed claim = applianceClaim();
        byte[] scan = pdf("reconcile " + UUID.randomUUID());
        String id = upload(claim, "INVOICE", "invoice.pdf", scan);
        String orphan = sha256(("orphan " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        reconciliation(TestTokens.auditor())
                .body("objectsWithoutMetadata", not(hasItem(orphan)))
                .body("metadataWithoutObjects.documentId", not(hasItem(id)));

        Fixtures.execute("insert into evidence_object (sha256, sealed_bytes) values (?, 0)", orphan);
        Fixtures.execute("delete from evidence_object where sha256 = ?", sha256(scan));
        try {
            reconciliation(TestTokens.cityAdmin())
                    .body("store", equalTo("postgres"))
                    .body("reconciled", equalTo(false))
                    .body("objectsWithoutMetadata", hasItem(orphan))
                    .body("metadataWithoutObjects.documentId", hasItem(id));
            String metrics =
                    given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).containsPattern("subsidy_evidence_objects_without_metadata\\S* [1-9]");
            assertThat(metrics).containsPattern("subsidy_evidence_metadata_without_objects\\S* [1-9]");
            given().auth()
                    .oauth2(claim.filer())
                    .get(CLAIMS + "/" + claim.id() + "/evidence/" + id)
                    .then()
                    .statusCode(503)
                    .contentType(containsString("application/problem+json"));
        } finally {
            Fixtures.execute("delete from evidence_object where sha256 = ?", orphan);
        }
        given().auth()
                .oauth2(TestTokens.countyOfficer(APPLIANCE_COUNTY))
                .get(RECONCILIATION)
                .then()
                .statusCode(403);
    }

    static final String RECONCILIATION = "/api/subsidies/evidence/reconciliation";

    /** The reconcile check's answer, 200 expected. */
    static ValidatableResponse reconciliation(String token) {
        return given().auth().oauth2(token).get(RECONCILIATION).then().statusCode(200);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
