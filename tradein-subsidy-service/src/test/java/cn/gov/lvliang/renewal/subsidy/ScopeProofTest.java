package cn.gov.lvliang.renewal.subsidy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import cn.gov.lvliang.renewal.testing.security.ScopeProof;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every scoped read of this service, proven per role (docs/security.md "How the scope is proven"):
 * side A is a home-appliance programme with an approved claim of retailer A in 中阳县 (141129), in a
 * payment batch, read by 市体育局 (tyj) as its responsibility; side B a digital-product programme
 * with the same in 柳林县 (141125), read by 市文旅局 (wlj); each side also has a scrap certificate of
 * its county on the read model.
 */
@QuarkusTest
class ScopeProofTest extends ScopeProof {

    private static final String COUNTY_A = "141129";
    private static final String COUNTY_B = "141125";
    private static final String DEPARTMENT_A = "tyj";
    private static final String DEPARTMENT_B = "wlj";

    private static Fixture fixture;

    @Override
    protected String module() {
        return "tradein-subsidy-service";
    }

    @Override
    protected Map<String, String> exclusions() {
        return Map.of(
                // Lists only the accounts whose balances disagree with their journal. Every write goes
                // through the guarded journal, so no API call can make one disagree; only a row changed
                // behind the service's back can, and that would also raise the mismatch gauge and alert
                // that other tests assert stays at 0. It reads the accounts with budget/accounts' scope
                // condition (BudgetService), which this proof covers.
                "GET /api/subsidies/budget/reconciliation",
                "lists only accounts that disagree with their journal, which no API call can produce");
    }

    private record Records(
            String programme,
            String seller,
            String claim,
            String invoice,
            String evidence,
            String batch,
            String certificate,
            String appealed) {}

    @Override
    protected Fixture fixture() {
        if (fixture != null) {
            return fixture;
        }
        // Claims are open for the product categories only, and 市商务局 and 市财政局 read both: the
        // proof gives each of two departments without trade-in duties one of them.
        responsibility(DEPARTMENT_A, "HOME_APPLIANCE");
        responsibility(DEPARTMENT_B, "DIGITAL_PRODUCT");
        Records a = records("SCOPE-A-", "HOME_APPLIANCE", COUNTY_A);
        Records b = records("SCOPE-B-", "DIGITAL_PRODUCT", COUNTY_B);
        Map<String, Reach> reaches = new HashMap<>();
        Map<String, String> wide = Map.of("size", "200");
        reaches.put(
                "GET /api/subsidies/claims",
                Reach.list(a.claim(), b.claim())
                        .narrowedBy(Map.of("programmeId", a.programme()), Map.of("programmeId", b.programme()))
                        .with(wide));
        reaches.put("GET /api/subsidies/claims/{id}", Reach.byId("id", a.claim(), b.claim()));
        // the totals name the programme: each side's programme has claims of its side only
        reaches.put(
                "GET /api/subsidies/claims/monthly-totals",
                Reach.list(a.programme(), b.programme())
                        .narrowedBy(Map.of("programmeId", a.programme()), Map.of("programmeId", b.programme())));

        reaches.put(
                "GET /api/subsidies/claims/search",
                Reach.list(a.claim(), b.claim())
                        .narrowedBy(Map.of("invoiceNumber", a.invoice()), Map.of("invoiceNumber", b.invoice())));
        reaches.put(
                "GET /api/subsidies/claims/{id}/evidence/{evidenceId}",
                Reach.byId(
                        Map.of("id", a.claim(), "evidenceId", a.evidence()),
                        Map.of("id", b.claim(), "evidenceId", b.evidence())));
        for (String budget : List.of("accounts", "reconciliation")) {
            reaches.put(
                    "GET /api/subsidies/budget/" + budget,
                    Reach.list(a.programme(), b.programme())
                            .narrowedBy(Map.of("programmeId", a.programme()), Map.of("programmeId", b.programme())));
        }
        reaches.put(
                "GET /api/subsidies/payment-batches",
                Reach.list(a.batch(), b.batch())
                        .narrowedBy(Map.of("programmeId", a.programme()), Map.of("programmeId", b.programme()))
                        .with(wide));
        reaches.put("GET /api/subsidies/payment-batches/{id}", Reach.byId("id", a.batch(), b.batch()));
        reaches.put("GET /api/subsidies/payment-batches/{id}/treasury.csv", Reach.byId("id", a.batch(), b.batch()));
        reaches.put(
                "GET /api/subsidies/programmes",
                Reach.list(a.programme(), b.programme()).with(wide));
        reaches.put("GET /api/subsidies/programmes/{id}", Reach.byId("id", a.programme(), b.programme()));
        reaches.put(
                "GET /api/subsidies/scrap-certificates/{certificateNumber}",
                Reach.byId("certificateNumber", a.certificate(), b.certificate()));
        reaches.put(
                "GET /api/subsidies/appeals",
                Reach.list(a.appealed(), b.appealed()).with(wide));
        reaches.put(
                "GET /api/subsidies/responsibilities/{department}",
                Reach.byId("department", DEPARTMENT_A, DEPARTMENT_B));
        fixture = new Fixture(
                side("A", COUNTY_A, DEPARTMENT_A.toUpperCase(java.util.Locale.ROOT), a.seller()),
                side("B", COUNTY_B, DEPARTMENT_B, b.seller()),
                reaches);
        return fixture;
    }

    private static void responsibility(String department, String category) {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("categories", List.of(category)))
                .put("/api/subsidies/responsibilities/" + department)
                .then()
                .statusCode(200);
    }

    private static Side side(String name, String county, String department, String seller) {
        return Side.of(name, county, department, seller);
    }

    /** A programme of the category, its budget in the county, one approved claim paid in a batch. */
    private static Records records(String prefix, String category, String county) {
        String programme = Fixtures.productProgramme(prefix, category, Map.of());
        Fixtures.allocate(programme, county, 10_000_000);

        String seller = TestIdentifiers.creditCode();
        Map<String, Object> body = Fixtures.applianceClaim(
                programme, seller, county, TestIdentifiers.residentId(), "TELEVISION", 1, 500_000, "2025-04-01");
        @SuppressWarnings("unchecked")
        String invoice = (String) ((Map<String, Object>) body.get("appliance")).get("invoiceNumber");
        Response filed = given().auth()
                .oauth2(Fixtures.retailer(seller))
                .contentType(ContentType.JSON)
                .body(body)
                .post(Fixtures.CLAIMS);
        filed.then().statusCode(201);
        String claim = filed.path("id");
        String evidence = Fixtures.uploadEvidence(
                        claim, Fixtures.retailer(seller), "INVOICE", "invoice.pdf", Fixtures.pdf(claim))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        review(claim, county, "approve", Map.of());
        String batch = given().auth()
                .oauth2(TestTokens.countyOfficer(county))
                .contentType(ContentType.JSON)
                .body(Map.of("programmeId", programme, "county", county))
                .post("/api/subsidies/payment-batches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new Records(
                programme, seller, claim, invoice, evidence, batch, certificate(county), appealed(programme, county));
    }

    /** A second claim of the programme, rejected by the county's reviewer and appealed by its filer; its id. */
    private static String appealed(String programme, String county) {
        String seller = TestIdentifiers.creditCode();
        String filer = Fixtures.retailer(seller);
        String claim = given().auth()
                .oauth2(filer)
                .contentType(ContentType.JSON)
                .body(Fixtures.applianceClaim(
                        programme,
                        seller,
                        county,
                        TestIdentifiers.residentId(),
                        "TELEVISION",
                        1,
                        500_000,
                        "2025-04-01"))
                .post(Fixtures.CLAIMS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Fixtures.supplyEvidence(claim, filer);
        review(claim, county, "reject", Map.of("reasonCode", "EVIDENCE_INSUFFICIENT"));
        given().auth()
                .oauth2(filer)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "发票已补开，请重新审核"))
                .post(Fixtures.CLAIMS + "/" + claim + "/appeal")
                .then()
                .statusCode(200);
        return claim;
    }

    /** The county's reviewer approves or rejects the claim at its current version. */
    private static void review(String claim, String county, String action, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put(
                "version",
                given().auth()
                        .oauth2(TestTokens.cityAdmin())
                        .get(Fixtures.CLAIMS + "/" + claim)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("version"));
        given().auth()
                .oauth2(Fixtures.reviewer(county))
                .contentType(ContentType.JSON)
                .body(body)
                .post(Fixtures.CLAIMS + "/" + claim + "/" + action)
                .then()
                .statusCode(200);
    }

    /** A scrap certificate of the county, as recycling-service announces it, once on the read model. */
    private static String certificate(String county) {
        String number = Fixtures.unique("LL-SCOPE-");
        KafkaTestClient.send(
                "recycling.events",
                number,
                Fixtures.scrapCertificateEvent(
                        "cn.gov.lvliang.recycling.vehicle.scrapped.v1",
                        number,
                        TestIdentifiers.vin(),
                        java.util.UUID.randomUUID().toString().replace("-", "")
                                + java.util.UUID.randomUUID().toString().replace("-", ""),
                        county,
                        "NEV",
                        "2017-05-01",
                        ""));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.cityAdmin())
                        .get("/api/subsidies/scrap-certificates/" + number)
                        .then()
                        .statusCode(200));
        return number;
    }
}
