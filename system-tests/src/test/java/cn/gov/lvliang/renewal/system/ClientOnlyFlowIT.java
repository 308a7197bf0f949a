package cn.gov.lvliang.renewal.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.renewal.client.recycling.api.EnterprisesApi;
import cn.gov.lvliang.renewal.client.recycling.api.ScrapCertificatesApi;
import cn.gov.lvliang.renewal.client.recycling.model.EnterpriseType;
import cn.gov.lvliang.renewal.client.recycling.model.IssueScrapCertificate;
import cn.gov.lvliang.renewal.client.recycling.model.PowerType;
import cn.gov.lvliang.renewal.client.recycling.model.QualificationInput;
import cn.gov.lvliang.renewal.client.recycling.model.QualificationStatus;
import cn.gov.lvliang.renewal.client.recycling.model.RegisterEnterprise;
import cn.gov.lvliang.renewal.client.subsidy.api.BudgetLedgerApi;
import cn.gov.lvliang.renewal.client.subsidy.api.ClaimsApi;
import cn.gov.lvliang.renewal.client.subsidy.api.EvidenceApi;
import cn.gov.lvliang.renewal.client.subsidy.api.ProgrammesApi;
import cn.gov.lvliang.renewal.client.subsidy.model.Allocate;
import cn.gov.lvliang.renewal.client.subsidy.model.AmountKind;
import cn.gov.lvliang.renewal.client.subsidy.model.Applicant;
import cn.gov.lvliang.renewal.client.subsidy.model.CarItem;
import cn.gov.lvliang.renewal.client.subsidy.model.Claim;
import cn.gov.lvliang.renewal.client.subsidy.model.ClaimEvidence;
import cn.gov.lvliang.renewal.client.subsidy.model.ClaimStatus;
import cn.gov.lvliang.renewal.client.subsidy.model.CreateClaim;
import cn.gov.lvliang.renewal.client.subsidy.model.CreateRuleVersion;
import cn.gov.lvliang.renewal.client.subsidy.model.EvidenceWaiverRequest;
import cn.gov.lvliang.renewal.client.subsidy.model.Review;
import cn.gov.lvliang.renewal.client.subsidy.model.RuleAmount;
import cn.gov.lvliang.renewal.client.subsidy.model.RuleEligibility;
import cn.gov.lvliang.renewal.client.subsidy.model.RuleLimits;
import cn.gov.lvliang.renewal.client.subsidy.model.RuleParameters;
import cn.gov.lvliang.renewal.client.subsidy.model.WaiverReason;
import cn.gov.lvliang.renewal.devstack.DevStack;
import cn.gov.lvliang.renewal.devstack.Options;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What another government system does with the suite's published contract: it generates a client
 * from docs/api/ (module api-client) and runs scrap certificate → claim → evidence waived → approval
 * through the gateway with nothing else. Only the bearer tokens come from elsewhere (the gateway's
 * local /dev/token stands in for Keycloak, which is not part of the four documents). A document
 * that no longer matches what the services do fails here (decisions 0025 and 0026).
 */
class ClientOnlyFlowIT {

    private static final String COUNTY = "141124";
    private static final String PROGRAMME = "CAR-SCRAPPAGE";

    private static DevStack suite;
    private static LocalDate today;
    private static String dismantler;
    private static String dealer;

    @BeforeAll
    static void startTheSuite() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath();
        Path state = Files.createTempDirectory("system-test-client");
        System.out.println("Client-only flow suite state (logs, data): " + state);
        suite = DevStack.start(Options.defaults(root).withFreePorts().withStateDirectory(state));
        today = LocalDate.now(ZoneOffset.UTC);
        dismantler = TestIdentifiers.creditCode();
        dealer = TestIdentifiers.creditCode();
    }

    @AfterAll
    static void stopTheSuite() {
        SuiteState.stop(suite);
    }

    /** Signs every request of a generated client with the token of {@code claims}' holder. */
    private static Consumer<HttpRequest.Builder> as(Map<String, String> claims) {
        String token = SuiteRequests.devToken(suite.gatewayUrl(), claims);
        return request -> request.header("Authorization", "Bearer " + token);
    }

    private static cn.gov.lvliang.renewal.client.recycling.ApiClient recycling(Map<String, String> claims) {
        cn.gov.lvliang.renewal.client.recycling.ApiClient client =
                new cn.gov.lvliang.renewal.client.recycling.ApiClient();
        client.updateBaseUri(suite.gatewayUrl());
        client.setRequestInterceptor(as(claims));
        return client;
    }

    private static cn.gov.lvliang.renewal.client.subsidy.ApiClient subsidy(Map<String, String> claims) {
        cn.gov.lvliang.renewal.client.subsidy.ApiClient client = new cn.gov.lvliang.renewal.client.subsidy.ApiClient();
        client.updateBaseUri(suite.gatewayUrl());
        client.setRequestInterceptor(as(claims));
        return client;
    }

    @Test
    void aCertificateIssuedThroughTheClientBacksAClaimThatIsApprovedThroughTheClient() throws Exception {
        Map<String, String> admin = Map.of("role", "city-admin");
        new EnterprisesApi(recycling(admin))
                .registerEnterprise(new RegisterEnterprise()
                        .creditCode(dismantler)
                        .name("吕梁客户端测试拆解有限公司" + dismantler.substring(12))
                        .type(EnterpriseType.DISMANTLER)
                        .county(COUNTY)
                        .address("吕梁市临县测试路 9 号")
                        .contactName("王五")
                        .contactPhone("13812345678")
                        .qualification(new QualificationInput()
                                .licenceNumber("LIC-" + UUID.randomUUID())
                                .scope("报废机动车回收拆解")
                                .validFrom(today.minusYears(1))
                                .validTo(today.plusYears(1))
                                .status(QualificationStatus.VALID)));
        ProgrammesApi programmes = new ProgrammesApi(subsidy(admin));
        programmes.addRuleVersion(
                PROGRAMME,
                new CreateRuleVersion()
                        .effectiveFrom(LocalDate.of(today.getYear(), 1, 1))
                        .effectiveTo(LocalDate.of(today.getYear(), 12, 31))
                        .parameters(new RuleParameters()
                                .amount(new RuleAmount()
                                        .kind(AmountKind.FIXED_BY_NEW_CAR_POWER_TYPE)
                                        .fixedFen(Map.of("NEV", 2_000_000L, "FUEL", 1_500_000L)))
                                // The generated model starts productCategories as [], which the service
                                // reads as "no category is covered": a car programme leaves it out.
                                .eligibility(new RuleEligibility()
                                        .productCategories(null)
                                        .oldCarRegisteredOnOrBefore(Map.of("FUEL", LocalDate.of(2012, 6, 30)))
                                        .maxNewFuelCarDisplacementMl(2000))
                                .limits(new RuleLimits()))
                        .evidenceRequired(List.of("SCRAP_CERTIFICATE", "INVOICE"))
                        .collectionRequired(false)
                        .legalBasis("客户端系统测试 " + today.getYear() + " 年度规则"));
        new BudgetLedgerApi(subsidy(admin))
                .allocateBudget(
                        new Allocate().programmeId(PROGRAMME).county(COUNTY).amountFen(100_000_000L));

        String owner = TestIdentifiers.residentId();
        String oldVin = TestIdentifiers.vin();
        String number =
                "LL-CLIENT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        new ScrapCertificatesApi(recycling(Map.of("role", "dismantler", "enterprise", dismantler)))
                .issueScrapCertificate(new IssueScrapCertificate()
                        .certificateNumber(number)
                        .dismantlerCreditCode(dismantler)
                        .county(COUNTY)
                        .vin(oldVin)
                        .ownerName("孙七")
                        .ownerIdNumber(owner)
                        .ownerPhone("13912345678")
                        .ownerAddress("吕梁市临县城庄镇某村 2 号")
                        .plate("晋J2B345")
                        .firstRegistrationDate(LocalDate.of(2011, 3, 15))
                        .handoverDate(today)
                        .powerType(PowerType.FUEL)
                        .vehicleType("小型普通客车")
                        .vehicleUse("非营运")
                        .makeAndModel("大众 SVW7182")
                        .kerbWeightKg(1320)
                        .engineNumber("CEA"
                                + UUID.randomUUID().toString().substring(0, 6).toUpperCase()));
        cn.gov.lvliang.renewal.client.subsidy.api.ScrapCertificatesApi subsidyCertificates =
                new cn.gov.lvliang.renewal.client.subsidy.api.ScrapCertificatesApi(subsidy(admin));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(subsidyCertificates.getSubsidyScrapCertificate(number))
                        .isNotNull());

        Map<String, String> dealerClaims = Map.of("role", "dealer", "enterprise", dealer);
        Claim filed = new ClaimsApi(subsidy(dealerClaims))
                .fileClaim(
                        new CreateClaim()
                                .programmeId(PROGRAMME)
                                .county(COUNTY)
                                .sellerCreditCode(dealer)
                                .applicant(new Applicant()
                                        .name("孙七")
                                        .idNumber(owner)
                                        .phone("13912345678")
                                        .bankAccount("6222020200112233445"))
                                .purchaseDate(today)
                                .car(new CarItem()
                                        .scrapCertificateNumber(number)
                                        .oldVin(oldVin)
                                        .newVin(TestIdentifiers.vin())
                                        .newCarPowerType("NEV")
                                        .invoiceNumber("INV"
                                                + UUID.randomUUID().toString().substring(0, 12))
                                        .priceFen(15_980_000L)),
                        null);
        assertThat(filed.getStatus())
                .as("reason %s: %s, checks %s", filed.getReasonCode(), filed.getReasonNote(), filed.getChecks())
                .isEqualTo(ClaimStatus.PENDING_REVIEW);
        assertThat(filed.getAmountFen()).isEqualTo(2_000_000L);

        // The dealer uploads the invoice through the client. The JDK's HttpClient sends it over HTTP/2
        // (an h2c upgrade) without a Content-Length; the gateway streams such a body on.
        Path invoice = Files.createTempFile("client-invoice", ".pdf");
        Files.write(invoice, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        ClaimEvidence uploaded =
                new EvidenceApi(subsidy(dealerClaims)).uploadEvidence(filed.getId(), "INVOICE", invoice.toFile());
        assertThat(uploaded.getDetectedType()).isEqualTo("PDF");

        // The scrap certificate is verified by the system, so the reviewer waives its scan.
        Map<String, String> reviewer = Map.of("role", "reviewer", "county", COUNTY);
        Claim waived = new EvidenceApi(subsidy(reviewer))
                .waiveEvidence(
                        filed.getId(),
                        new EvidenceWaiverRequest()
                                .kind("SCRAP_CERTIFICATE")
                                .reasonCode(WaiverReason.VERIFIED_BY_SYSTEM));
        Claim approved =
                new ClaimsApi(subsidy(reviewer)).approveClaim(filed.getId(), new Review().version(waived.getVersion()));

        assertThat(approved.getStatus()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(approved.getAmountFen()).isEqualTo(2_000_000L);
    }
}
