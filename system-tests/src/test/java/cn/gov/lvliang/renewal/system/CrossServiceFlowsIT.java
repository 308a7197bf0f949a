package cn.gov.lvliang.renewal.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.lvliang.renewal.devstack.DevStack;
import cn.gov.lvliang.renewal.devstack.Options;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's cross-service flows, tried through the gateway as users would, with the real
 * events each service publishes (no hand-written envelopes): a certificate recorded in
 * recycling-service backs a subsidy claim and moves the plan's indicator; a voided certificate
 * stops a claim; a paid claim moves the subsidy-spend indicator; retired equipment opens a
 * disposal record. These flows are where the services' event contracts meet, so a producer and
 * a consumer that disagree fail here even if each module's own tests pass.
 */
class CrossServiceFlowsIT {

    private static final String COUNTY = "141124";
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private static DevStack suite;
    private static String adminToken;
    private static String dismantler;
    private static String dismantlerToken;
    private static String dealer;
    private static String dealerToken;
    private static String reviewerToken;
    private static LocalDate today;
    private static Instant startedAt;

    @BeforeAll
    static void startTheSuiteAndSetUpTheProgramme() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath();
        Path state = Files.createTempDirectory("system-test-flows");
        System.out.println("Cross-service flows suite state (logs, data): " + state);
        suite = DevStack.start(Options.defaults(root).withFreePorts().withStateDirectory(state));
        today = LocalDate.now(ZoneOffset.UTC);
        startedAt = Instant.now().minus(Duration.ofMinutes(5));
        adminToken = token(Map.of("role", "city-admin"));
        reviewerToken = token(Map.of("role", "reviewer", "county", COUNTY));
        dismantler = TestIdentifiers.creditCode();
        dismantlerToken = token(Map.of("role", "dismantler", "enterprise", dismantler));
        dealer = TestIdentifiers.creditCode();
        dealerToken = token(Map.of("role", "dealer", "enterprise", dealer));
        registerQualifiedDismantler();
        addThisYearsCarScrappageRules();
        as(adminToken)
                .body(Map.of("programmeId", "CAR-SCRAPPAGE", "county", COUNTY, "amountFen", 100_000_000))
                .post("/api/subsidies/budget/allocations")
                .then()
                .statusCode(201);
    }

    @AfterAll
    static void stopTheSuite() {
        SuiteState.stop(suite);
    }

    private static RequestSpecification gateway() {
        return given().baseUri(suite.gatewayUrl());
    }

    /** The applicant's status lookup: no token. */
    private static Response applicantLookUp(String claimNumber, String idNumber) {
        return gateway()
                .contentType(ContentType.JSON)
                .header("X-Request-Id", "applicant-lookup")
                .body(Map.of("claimNumber", claimNumber, "idNumber", idNumber))
                .post("/api/subsidies/public/claim-status");
    }

    /** A call as the token's holder; a failed expectation prints the exchange, problem details included. */
    private static RequestSpecification as(String token) {
        return gateway()
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .log()
                .ifValidationFails();
    }

    /** The same, without printing: for polling until an event has been applied. */
    private static RequestSpecification polling(String token) {
        return gateway().auth().oauth2(token);
    }

    private static String token(Map<String, String> claims) {
        return SuiteRequests.devToken(suite.gatewayUrl(), claims);
    }

    private static void registerQualifiedDismantler() {
        SuiteRequests.registerQualifiedDismantler(suite.gatewayUrl(), adminToken, dismantler, COUNTY);
    }

    /** A new rule year is data, not code: the city adds this year's version through the API. */
    private static void addThisYearsCarScrappageRules() {
        int year = today.getYear();
        as(adminToken)
                .body(Map.of(
                        "effectiveFrom",
                        year + "-01-01",
                        "effectiveTo",
                        year + "-12-31",
                        "parameters",
                        Map.of(
                                "amount",
                                Map.of(
                                        "kind",
                                        "FIXED_BY_NEW_CAR_POWER_TYPE",
                                        "fixedFen",
                                        Map.of("NEV", 2_000_000, "FUEL", 1_500_000)),
                                "eligibility",
                                Map.of(
                                        "oldCarRegisteredOnOrBefore",
                                        Map.of("FUEL", "2012-06-30", "DIESEL", "2014-06-30", "NEV", "2018-12-31"),
                                        "maxNewFuelCarDisplacementMl",
                                        2000),
                                "limits",
                                Map.of()),
                        "evidenceRequired",
                        List.of("APPLICANT_ID", "SCRAP_CERTIFICATE", "NEW_CAR_INVOICE"),
                        "collectionRequired",
                        false,
                        "legalBasis",
                        "系统测试 " + year + " 年度规则"))
                .post("/api/subsidies/programmes/CAR-SCRAPPAGE/rule-versions")
                .then()
                .statusCode(201);
    }

    private static String newCertificateNumber() {
        return "LL-FLOW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static void issueCertificate(String number, String vin, String ownerId) {
        Map<String, Object> body = SuiteRequests.certificate(number, dismantler, COUNTY, vin, ownerId, today);
        body.put("ownerName", "孙七");
        body.put(
                "engineNumber",
                "CEA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        as(dismantlerToken)
                .body(body)
                .post("/api/recycling/scrap-certificates")
                .then()
                .statusCode(201);
    }

    private static Response fileCarClaim(String certificateNumber, String oldVin, String ownerId) {
        Map<String, Object> car = new LinkedHashMap<>();
        car.put("scrapCertificateNumber", certificateNumber);
        car.put("oldVin", oldVin);
        car.put("newVin", TestIdentifiers.vin());
        car.put("newCarPowerType", "NEV");
        car.put("invoiceNumber", "INV" + UUID.randomUUID().toString().substring(0, 12));
        car.put("priceFen", 15_980_000L);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programmeId", "CAR-SCRAPPAGE");
        body.put("county", COUNTY);
        body.put("sellerCreditCode", dealer);
        body.put(
                "applicant",
                Map.of(
                        "name",
                        "孙七",
                        "idNumber",
                        ownerId,
                        "phone",
                        "13912345678",
                        "bankAccount",
                        "6222020200112233445"));
        body.put("purchaseDate", today.toString());
        body.put("car", car);
        return as(dealerToken).body(body).post("/api/subsidies/claims");
    }

    /** A PDF of exactly {@code size} bytes whose text names {@code what}. */
    private static byte[] scan(String what, int size) {
        byte[] head = ("%PDF-1.4\n% " + what + " " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] scan = Arrays.copyOf(head, size);
        Arrays.fill(scan, head.length, size, (byte) ' ');
        return scan;
    }

    /**
     * Uploads one evidence file as the dealer through the gateway, as a browser sends a form: the
     * whole multipart body with its Content-Length.
     */
    private static Response uploadEvidence(String claimId, String kind, byte[] content) {
        String boundary = "system-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\""
                        + "\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return gateway()
                .auth()
                .oauth2(dealerToken)
                .contentType("multipart/form-data; boundary=" + boundary)
                .body(body.toByteArray())
                .post("/api/subsidies/claims/" + claimId + "/evidence");
    }

    private static void awaitCertificateOnSubsidySide(String number, String status) {
        await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> polling(adminToken)
                        .get("/api/subsidies/scrap-certificates/" + number)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo(status)));
    }

    private static double indicatorValue(String code, String area, String month) {
        JsonPath values = polling(adminToken)
                .queryParam("area", area)
                .get("/api/tasks/indicators/" + code + "/values")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Number value = values.get("find { it.period == '" + month + "' }.value");
        return value == null ? 0 : value.doubleValue();
    }

    @Test
    void aCertificateBacksOneClaimOnlyWhichIsApprovedAtTwentyThousandYuanAndPaidAndBothMoveThePlansIndicators() {
        String month = today.toString().substring(0, 7);
        double scrappedBefore = indicatorValue("SCRAPPED_CARS", COUNTY, month);
        double spendBefore = indicatorValue("SUBSIDY_SPEND", COUNTY, month);

        String owner = TestIdentifiers.residentId();
        String oldVin = TestIdentifiers.vin();
        String number = newCertificateNumber();
        issueCertificate(number, oldVin, owner);
        awaitCertificateOnSubsidySide(number, "VALID");
        await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> indicatorValue("SCRAPPED_CARS", COUNTY, month) == scrappedBefore + 1);

        Response filed = fileCarClaim(number, oldVin, owner);
        filed.then().statusCode(201).body("status", equalTo("PENDING_REVIEW")).body("amountFen", equalTo(2_000_000));
        String claimId = filed.path("id");
        // 申请材料 through the gateway: approval waits for the rule's three kinds; a 10 MiB scan
        // passes the gateway, a 20 MiB one is refused with 413 problem+json, not a broken connection
        uploadEvidence(claimId, "APPLICANT_ID", scan("身份证", 10_000)).then().statusCode(201);
        as(reviewerToken)
                .body(Map.of("version", filed.<Integer>path("version")))
                .post("/api/subsidies/claims/" + claimId + "/approve")
                .then()
                .statusCode(409)
                .body("detail", containsString("SCRAP_CERTIFICATE"));
        uploadEvidence(claimId, "SCRAP_CERTIFICATE", scan("回收证明", 10 << 20))
                .then()
                .statusCode(201);
        uploadEvidence(claimId, "NEW_CAR_INVOICE", scan("发票", 20 << 20))
                .then()
                .statusCode(413)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(413));
        uploadEvidence(claimId, "NEW_CAR_INVOICE", scan("发票", 10_000)).then().statusCode(201);
        as(reviewerToken)
                .body(Map.of("version", filed.<Integer>path("version")))
                .post("/api/subsidies/claims/" + claimId + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));

        fileCarClaim(number, oldVin, owner)
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("CERTIFICATE_ALREADY_USED"));

        String countyToken = token(Map.of("role", "county-officer", "county", COUNTY));
        JsonPath batch = as(countyToken)
                .body(Map.of("programmeId", "CAR-SCRAPPAGE", "county", COUNTY))
                .post("/api/subsidies/payment-batches")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        int itemNo = batch.getInt("items.find { it.claimId == '" + claimId + "' }.itemNo");
        as(token(Map.of("role", "system-client")))
                .body(Map.of("results", List.of(Map.of("itemNo", itemNo, "outcome", "PAID", "bankReference", "SYS-1"))))
                .post("/api/subsidies/payment-batches/" + batch.getString("id") + "/results")
                .then()
                .statusCode(200);
        String claimNumber = as(adminToken)
                .get("/api/subsidies/claims/" + claimId)
                .then()
                .statusCode(200)
                .body("status", equalTo("PAID"))
                .extract()
                .path("claimNumber");

        // the applicant, without a token, through the gateway: the claim number and the ID number
        // show the payment; a wrong ID number answers exactly as a claim that does not exist
        applicantLookUp(claimNumber, owner)
                .then()
                .statusCode(200)
                .body("status", equalTo("PAID"))
                .body("amountFen", equalTo(2_000_000));
        Response wrongId = applicantLookUp(claimNumber, TestIdentifiers.residentId());
        Response unknown = applicantLookUp("LL-" + COUNTY + "-2099-999999", owner);
        assertThat(wrongId.statusCode()).isEqualTo(404);
        assertThat(unknown.asByteArray()).isEqualTo(wrongId.asByteArray());
        await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> indicatorValue("SUBSIDY_SPEND", COUNTY, month) == spendBefore + 2_000_000);

        // the statistics bureau: the month's SDMX-CSV for the county carries both, and its stream
        // carries both events with nothing of the owner in any form
        String bureau = token(Map.of("role", "statistics-bureau"));
        String sdmx = polling(bureau)
                .accept("application/vnd.sdmx.data+csv; version=2.0.0")
                .queryParam("area", COUNTY)
                .queryParam("period", month)
                .get("/api/tasks/statistics/sdmx/data")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(observation(sdmx, "SCRAPPED_CARS", month)).isEqualTo(scrappedBefore + 1);
        assertThat(observation(sdmx, "SUBSIDY_SPEND", month)).isEqualTo(spendBefore + 2_000_000);
        String certificateEvent = bureauEvent(bureau, "cn.gov.lvliang.statistics.vehicle.scrapped.v1", number);
        String paidEvent = bureauEvent(bureau, "cn.gov.lvliang.statistics.claim.paid.v1", claimId);
        for (String event : List.of(certificateEvent, paidEvent)) {
            assertThat(event)
                    .doesNotContain(owner)
                    .doesNotContain(owner.substring(0, 4) + "**********" + owner.substring(14))
                    .doesNotContain("孙七")
                    .doesNotContain("孙*")
                    .doesNotContain("13912345678")
                    .doesNotContain("6222020200112233445");
        }
    }

    /**
     * 复核 through the gateway, as the applicant and two reviewers live it: one reviewer rejects; the
     * applicant, without a token, reads the reason, appeals and adds a clearer scan; the reviewer who
     * rejected may not decide the appeal (403); a colleague upholds it and approves; it is paid, and
     * the applicant's SMS messages name the claim but never the ID number or the bank account.
     */
    @Test
    void aRejectedApplicantAppealsWithoutATokenAndAnotherReviewerUpholdsApprovesAndItIsPaid() throws Exception {
        String owner = TestIdentifiers.residentId();
        Response filed = certifiedCarClaim(owner);
        filed.then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
        String claimId = filed.path("id");
        String claimNumber = filed.path("claimNumber");
        for (String kind : List.of("APPLICANT_ID", "SCRAP_CERTIFICATE", "NEW_CAR_INVOICE")) {
            uploadEvidence(claimId, kind, scan(kind, 10_000)).then().statusCode(201);
        }
        String rejecter = token(Map.of("role", "reviewer", "county", COUNTY, "subject", "reviewer-li"));
        String colleague = token(Map.of("role", "reviewer", "county", COUNTY, "subject", "reviewer-wang"));
        as(rejecter)
                .body(Map.of("version", filed.<Integer>path("version"), "reasonCode", "EVIDENCE_INSUFFICIENT"))
                .post("/api/subsidies/claims/" + claimId + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));

        applicantLookUp(claimNumber, owner)
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("申请材料不全或不清晰"))
                .body("nextStep", containsString("复核"));
        gateway()
                .contentType(ContentType.JSON)
                .body(Map.of("claimNumber", claimNumber, "idNumber", owner, "reason", "身份证扫描件已重新上传，请复核"))
                .post("/api/subsidies/public/claim-appeals")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPEALED"));
        gateway()
                .multiPart("claimNumber", claimNumber)
                .multiPart("idNumber", owner)
                .multiPart("kind", "APPLICANT_ID")
                .multiPart("file", "id-card.pdf", scan("身份证（清晰）", 200_000), "application/pdf")
                .post("/api/subsidies/public/claim-appeals/evidence")
                .then()
                .statusCode(201)
                .body("uploadedBy", equalTo("applicant"));

        as(rejecter)
                .body(Map.of("decision", "UPHOLD"))
                .post("/api/subsidies/claims/" + claimId + "/appeal/decision")
                .then()
                .statusCode(403);
        as(colleague)
                .body(Map.of("decision", "UPHOLD", "note", "补充材料清晰"))
                .post("/api/subsidies/claims/" + claimId + "/appeal/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("UPHELD"));
        int version = as(colleague)
                .get("/api/subsidies/claims/" + claimId)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("evidence.uploadedBy", hasItem("applicant"))
                .extract()
                .path("version");
        as(colleague)
                .body(Map.of("version", version))
                .post("/api/subsidies/claims/" + claimId + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));

        JsonPath batch = as(token(Map.of("role", "county-officer", "county", COUNTY)))
                .body(Map.of("programmeId", "CAR-SCRAPPAGE", "county", COUNTY))
                .post("/api/subsidies/payment-batches")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        int itemNo = batch.getInt("items.find { it.claimId == '" + claimId + "' }.itemNo");
        as(token(Map.of("role", "system-client")))
                .body(Map.of("results", List.of(Map.of("itemNo", itemNo, "outcome", "PAID", "bankReference", "SYS-2"))))
                .post("/api/subsidies/payment-batches/" + batch.getString("id") + "/results")
                .then()
                .statusCode(200);
        applicantLookUp(claimNumber, owner).then().statusCode(200).body("status", equalTo("PAID"));

        // submitted, rejected, approved and paid: each an SMS naming the claim number
        Path smsLog = suite.logsDirectory().resolve("sms.log");
        await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Files.exists(smsLog)
                        && Files.readAllLines(smsLog, StandardCharsets.UTF_8).stream()
                                        .filter(line -> line.contains(claimNumber))
                                        .count()
                                >= 4);
        String sms = Files.readString(smsLog, StandardCharsets.UTF_8);
        assertThat(sms)
                .doesNotContain(owner)
                .doesNotContain("6222020200112233445")
                .doesNotContain("孙七");
    }

    /** The OBS_VALUE of an indicator for the county and period in an SDMX-CSV export. */
    private static double observation(String sdmx, String indicator, String period) {
        for (String line : sdmx.split("\n")) {
            String[] cells = line.split(",", -1);
            if (cells.length > 6 && cells[3].equals(indicator) && cells[4].equals(COUNTY) && cells[5].equals(period)) {
                return Double.parseDouble(cells[6]);
            }
        }
        throw new AssertionError(indicator + " " + COUNTY + " " + period + " not in the export:\n" + sdmx);
    }

    /** The bureau's event of this type and subject, read back through the backfill API (JSON text). */
    private static String bureauEvent(String bureau, String type, String subject) {
        return await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> polling(bureau)
                                .queryParam("type", type)
                                .queryParam("from", startedAt.toString())
                                .queryParam("size", 500)
                                .get("/api/tasks/statistics/events")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .<Map<String, Object>>getList("items")
                                .stream()
                                .filter(e -> subject.equals(e.get("subject")))
                                .map(Object::toString)
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
    }

    @Test
    void aClaimFiledBeforeItsCertificateWaitsPassesWhenRecyclingRecordsItAndFailsWhenItIsVoided() {
        String owner = TestIdentifiers.residentId();
        String oldVin = TestIdentifiers.vin();
        String number = newCertificateNumber();
        Response filed = fileCarClaim(number, oldVin, owner);
        filed.then().statusCode(201).body("status", equalTo("VERIFYING")).body("waitingForCertificate", equalTo(true));
        String claimId = filed.path("id");

        issueCertificate(number, oldVin, owner);
        await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> polling(dealerToken)
                        .get("/api/subsidies/claims/" + claimId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("PENDING_REVIEW")));

        as(dismantlerToken)
                .body(Map.of("reason", "系统测试：重复签发"))
                .post("/api/recycling/scrap-certificates/" + number + "/void")
                .then()
                .statusCode(200);
        awaitCertificateOnSubsidySide(number, "VOIDED");
        await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> polling(dealerToken)
                        .get("/api/subsidies/claims/" + claimId)
                        .then()
                        .body("status", equalTo("REJECTED"))
                        .body("reasonCode", equalTo("CERTIFICATE_NOT_VALID")));
    }

    @Test
    void retiredEquipmentOpensADisposalRecordInRecycling() {
        String unit = TestIdentifiers.creditCode();
        as(adminToken)
                .body(Map.of(
                        "creditCode", unit,
                        "name", "吕梁跨服务测试焦化有限公司",
                        "county", COUNTY,
                        "sector", "coking",
                        "type", "ENTERPRISE",
                        "contactName", "周八",
                        "contactPhone", "13812345678"))
                .post("/api/equipment/units")
                .then()
                .statusCode(201);
        Map<String, Object> equipment = new LinkedHashMap<>();
        equipment.put("unitCreditCode", unit);
        equipment.put("assetTag", "SYS-" + UUID.randomUUID().toString().substring(0, 8));
        equipment.put("name", "4.3米焦炉");
        equipment.put("model", "JN43-80");
        equipment.put("category", "INDUSTRIAL_PRODUCTION");
        equipment.put("quantity", 1);
        equipment.put("commissionedOn", "2005-06-01");
        equipment.put("designLifeYears", 15);
        equipment.put("efficiencyTier", "ENTRY");
        equipment.put("emissionGrade", "C");
        equipment.put("originalValueFen", 1_250_000_000L);
        JsonPath created = as(adminToken)
                .body(equipment)
                .post("/api/equipment/records")
                .then()
                .statusCode(201)
                .body("flags.ruleCode", hasItem("BEYOND_DESIGN_LIFE"))
                .extract()
                .jsonPath();
        long id = created.getLong("id");
        int version = as(adminToken)
                .body(Map.of(
                        "retirementStandard",
                        "4.3米焦炉",
                        "legalBasis",
                        "《产业结构调整指导目录（2024年本）》",
                        "plannedOn",
                        today.plusMonths(1).toString(),
                        "version",
                        created.getInt("version")))
                .post("/api/equipment/records/" + id + "/retirement-schedule")
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        as(adminToken)
                .body(Map.of("retiredOn", today.toString(), "disposal", "SCRAPPED", "version", version))
                .post("/api/equipment/records/" + id + "/retirement")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"));

        await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> polling(adminToken)
                        .queryParam("equipmentId", String.valueOf(id))
                        .get("/api/recycling/disposals")
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(1))
                        .body("items[0].county", equalTo(COUNTY)));
    }

    /**
     * Issue 21's farmer through the gateway: a county clerk registers the farmer (ID number, no credit
     * code) and the old tractor in equipment-inventory-service; a qualified farm-machinery dismantler
     * issues the farm-machinery scrap certificate (农机报废回收证明) in recycling-service; the machinery
     * dealer files the claim, which the certificate event lets through, and a reviewer approves it at
     * the amount table's band (2025: tractor 36.8–73.5 kW, 8,000 yuan).
     */
    @Test
    void aFarmersOldTractorIsScrappedByAFarmMachineryDismantlerAndItsClaimIsApprovedAtTheTablesAmount() {
        String farmer = TestIdentifiers.residentId();
        String clerk = token(Map.of("role", "county-officer", "county", COUNTY, "subject", "clerk-zhao"));
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("type", "PERSON");
        person.put("idNumber", farmer);
        person.put("name", "李大壮");
        person.put("county", COUNTY);
        Response unit = as(clerk).body(person).post("/api/equipment/units");
        unit.then()
                .statusCode(201)
                .body("idNumber", equalTo(farmer.substring(0, 4) + "**********" + farmer.substring(14)))
                .body("name", equalTo("李**"));
        String unitCode = unit.path("creditCode");
        Map<String, Object> tractor = new LinkedHashMap<>();
        tractor.put("unitCreditCode", unitCode);
        tractor.put(
                "assetTag", "NJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        tractor.put("name", "轮式拖拉机");
        tractor.put("model", "东方红 LX804");
        tractor.put("category", "FARM_MACHINERY");
        tractor.put("quantity", 1);
        tractor.put("commissionedOn", "2008-04-01");
        tractor.put("designLifeYears", 10);
        tractor.put("originalValueFen", 9_800_000L);
        as(clerk).body(tractor).post("/api/equipment/records").then().statusCode(201);

        String farmDismantler = TestIdentifiers.creditCode();
        SuiteRequests.registerQualified(
                suite.gatewayUrl(), adminToken, farmDismantler, COUNTY, "FARM_MACHINERY_DISMANTLER", "农业机械回收拆解");
        String number =
                "NJ-FLOW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> owner = Map.of("kind", "PERSON", "name", "李大壮", "idNumber", farmer);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("county", COUNTY);
        content.put("machineType", "TRACTOR");
        content.put("powerKw", 58.8);
        content.put(
                "factoryNumber",
                "DF2008-04-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        content.put("makeAndModel", "东方红 LX804");
        content.put("handoverDate", today.minusDays(1).toString());
        content.put("owner", owner);
        as(token(Map.of("role", "dismantler", "enterprise", farmDismantler)))
                .body(Map.of("certificateNumber", number, "dismantlerCreditCode", farmDismantler, "content", content))
                .post("/api/recycling/farm-machinery-certificates")
                .then()
                .statusCode(201)
                .body("status", equalTo("ISSUED"));

        as(adminToken)
                .body(Map.of("programmeId", "FARM-MACHINERY", "county", COUNTY, "amountFen", 10_000_000))
                .post("/api/subsidies/budget/allocations")
                .then()
                .statusCode(201);
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("programmeId", "FARM-MACHINERY");
        claim.put("county", COUNTY);
        claim.put("sellerCreditCode", dealer);
        claim.put(
                "applicant",
                Map.of(
                        "name",
                        "李大壮",
                        "idNumber",
                        farmer,
                        "phone",
                        "13912345678",
                        "bankAccount",
                        "6222020200112233446"));
        claim.put("purchaseDate", "2025-05-01");
        claim.put("farmMachinery", Map.of("certificateNumber", number, "machineType", "TRACTOR", "powerKw", 58.8));
        Response filed = as(dealerToken).body(claim).post("/api/subsidies/claims");
        filed.then().statusCode(201).body("category", equalTo("FARM_MACHINERY_SCRAPPAGE"));
        String claimId = filed.path("id");
        // the certificate event may still be on its way: the claim waits for it, then goes to review
        await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> as(reviewerToken)
                        .get("/api/subsidies/claims/" + claimId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("PENDING_REVIEW"))
                        .body("amountFen", equalTo(800_000)));
        for (String kind : List.of("APPLICANT_ID", "SCRAP_CERTIFICATE", "BANK_ACCOUNT")) {
            uploadEvidence(claimId, kind, scan(kind, 10_000)).then().statusCode(201);
        }
        int version = as(reviewerToken).get("/api/subsidies/claims/" + claimId).path("version");
        as(reviewerToken)
                .body(Map.of("version", version))
                .post("/api/subsidies/claims/" + claimId + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("amountFen", equalTo(800_000));
    }

    /**
     * Issue 20's acceptance through the gateway, with dev tokens carrying the directory codes (in the
     * realm's upper case): 市工信局 (gxj) lists the industrial equipment of every county and gets 404
     * on an elevator; 市商务局 (swj) lists claims, masked, and budget use, and gets 403 approving.
     */
    @Test
    void departmentOfficersSeeWhatThePolicyMakesThemResponsibleFor() {
        String industry = token(Map.of("role", "department-officer", "department", "GXJ"));
        List<Object> ovens = new java.util.ArrayList<>();
        for (String county : List.of(COUNTY, "141181")) {
            String coking = unit(county, "coking");
            long oven = equipment(coking, "INDUSTRIAL_PRODUCTION", "4.3米焦炉");
            as(industry)
                    .queryParam("unitCreditCode", coking)
                    .get("/api/equipment/records")
                    .then()
                    .statusCode(200)
                    .body("items.id", hasItem((int) oven))
                    .body("items.county", org.hamcrest.Matchers.everyItem(equalTo(county)));
            ovens.add(oven);
        }
        assertThat(ovens).hasSize(2);
        long elevator = equipment(unit(COUNTY, null), "ELEVATOR", "住宅电梯");
        as(industry).get("/api/equipment/records/" + elevator).then().statusCode(404);
        as(adminToken).get("/api/equipment/records/" + elevator).then().statusCode(200);

        String owner = TestIdentifiers.residentId();
        Response filed = certifiedCarClaim(owner);
        filed.then().statusCode(201);
        String claimId = filed.path("id");
        String commerce = token(Map.of("role", "department-officer", "department", "SWJ"));
        JsonPath claims = as(commerce)
                .queryParam("programmeId", "CAR-SCRAPPAGE")
                .queryParam("size", 200)
                .get("/api/subsidies/claims")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(claimId))
                .extract()
                .jsonPath();
        String shownId = claims.getString("items.find { it.id == '" + claimId + "' }.applicant.idNumber");
        assertThat(shownId).isNotEqualTo(owner).contains("*");
        as(commerce)
                .queryParam("programmeId", "CAR-SCRAPPAGE")
                .get("/api/subsidies/budget/accounts")
                .then()
                .statusCode(200)
                .body(containsString(COUNTY));
        as(commerce)
                .body(Map.of("version", filed.<Integer>path("version")))
                .post("/api/subsidies/claims/" + claimId + "/approve")
                .then()
                .statusCode(403);
        as(adminToken)
                .get("/api/subsidies/claims/" + claimId)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_REVIEW"));
    }

    /** A car claim of the owner on a certificate recycling-service issued and subsidy has applied. */
    private static Response certifiedCarClaim(String owner) {
        String oldVin = TestIdentifiers.vin();
        String number = newCertificateNumber();
        issueCertificate(number, oldVin, owner);
        awaitCertificateOnSubsidySide(number, "VALID");
        return fileCarClaim(number, oldVin, owner);
    }

    /** A unit of the county (with a sector, or none); its credit code. */
    private static String unit(String county, String sector) {
        String creditCode = TestIdentifiers.creditCode();
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("creditCode", creditCode);
        unit.put("name", "吕梁跨服务范围测试单位" + creditCode.substring(10));
        unit.put("county", county);
        unit.put("type", "ENTERPRISE");
        if (sector != null) {
            unit.put("sector", sector);
        }
        as(adminToken).body(unit).post("/api/equipment/units").then().statusCode(201);
        return creditCode;
    }

    /** An equipment record of the unit; its id. */
    private static long equipment(String unit, String category, String name) {
        Map<String, Object> equipment = new LinkedHashMap<>();
        equipment.put("unitCreditCode", unit);
        equipment.put("assetTag", "SYS-" + UUID.randomUUID().toString().substring(0, 8));
        equipment.put("name", name);
        equipment.put("model", "M-1");
        equipment.put("category", category);
        equipment.put("quantity", 1);
        equipment.put("commissionedOn", "2010-06-01");
        equipment.put("designLifeYears", 15);
        equipment.put("efficiencyTier", "ENTRY");
        equipment.put("emissionGrade", "C");
        equipment.put("originalValueFen", 1_250_000_000L);
        if (category.equals("ELEVATOR")) {
            equipment.put("registrationCode", "梯11晋J" + unit.substring(12));
        }
        return as(adminToken)
                .body(equipment)
                .post("/api/equipment/records")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }
}
