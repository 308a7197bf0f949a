package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.reviewer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 家装厨卫“焕新” and 适老化改造 claims through the API against the seeded 2025 rule versions (V18,
 * decision 0040): per-item amounts and caps, the household limit, invoices, the catalogue, the
 * elderly member's evidence, and the field errors of a bad item.
 */
@QuarkusTest
class HomeItemClaimTest {

    private static final String COUNTY = "141124";
    private static final String RENOVATION = "HOME-RENOVATION";
    private static final String RETROFIT = "ELDERLY-RETROFIT";

    /** One item of the {@code renovation} section, with an invoice of its own. */
    private static Map<String, Object> item(String code, long priceFen) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("itemCode", code);
        item.put("description", code + " 规格型号");
        item.put("priceFen", priceFen);
        item.put("invoiceNumber", Fixtures.unique("HINV"));
        return item;
    }

    /** A claim body of a programme of items, for the applicant, with a phone and account of its own. */
    private static Map<String, Object> claim(
            String programme, String seller, String idNumber, List<Map<String, Object>> items) {
        Map<String, Object> applicant = Fixtures.applicant(idNumber);
        applicant.put("phone", Fixtures.uniquePhone());
        applicant.put("bankAccount", Fixtures.uniqueBankAccount());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programmeId", programme);
        body.put("county", COUNTY);
        body.put("sellerCreditCode", seller);
        body.put("applicant", applicant);
        body.put("purchaseDate", "2025-05-10");
        body.put("renovation", Map.of("items", items));
        return body;
    }

    private static Response file(String seller, Map<String, Object> body) {
        return Fixtures.fileClaim(seller, body);
    }

    @Test
    void aKitchenAndBathClaimOverThePerItemCapIsCappedNotRefused() {
        String seller = TestIdentifiers.creditCode();
        // 30,000 yuan of tiles: 15 % would be 4,500 yuan, capped at 2,000; a 4,000-yuan toilet: 600
        file(
                        seller,
                        claim(
                                RENOVATION,
                                seller,
                                TestIdentifiers.residentId(),
                                List.of(item("TILE", 3_000_000), item("TOILET", 400_000))))
                .then()
                .statusCode(201)
                .body("category", equalTo("HOME_RENOVATION"))
                .body("status", equalTo("PENDING_REVIEW"))
                .body("amountFen", equalTo(260_000))
                .body("item.priceFen", equalTo(3_400_000))
                .body("item.renovationItems.size()", equalTo(2))
                .body("item.renovationItems[0].itemCode", equalTo("TILE"))
                .body("item.renovationItems[0].amountFen", equalTo(200_000))
                .body("item.renovationItems[0].capped", equalTo(true))
                .body("item.renovationItems[1].amountFen", equalTo(60_000))
                .body("item.renovationItems[1].capped", equalTo(false))
                .body("computation", containsString("TILE 3000000 fen × 1500 bp = 450000 fen, capped at 200000 fen"))
                .body("computation", containsString("total 260000 fen"))
                .body("checks.code", hasItems("ELIGIBILITY", "INVOICE_UNUSED", "HOUSEHOLD_LIMIT"))
                .body("checks.outcome", org.hamcrest.Matchers.everyItem(equalTo("PASSED")));
    }

    @Test
    void aHouseholdsClaimBeyondItsLimitIsRejectedWithTheReasonCode() {
        String seller = TestIdentifiers.creditCode();
        String household = TestIdentifiers.residentId();
        // ten capped items reach the 20,000-yuan household limit exactly
        List<Map<String, Object>> tenTiles = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tenTiles.add(item("TILE", 2_000_000));
        }
        file(seller, claim(RENOVATION, seller, household, tenTiles))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("amountFen", equalTo(2_000_000));

        file(seller, claim(RENOVATION, seller, household, List.of(item("TOILET", 400_000))))
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("HOUSEHOLD_LIMIT_REACHED"))
                .body("checks.find { it.code == 'HOUSEHOLD_LIMIT' }.outcome", equalTo("FAILED"))
                .body(
                        "checks.find { it.code == 'HOUSEHOLD_LIMIT' }.evidence",
                        containsString("2000000 fen claimed by the household"));

        // another household is not affected
        file(seller, claim(RENOVATION, seller, TestIdentifiers.residentId(), List.of(item("TOILET", 400_000))))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"));
    }

    @Test
    void theLastClaimUnderTheLimitIsLimitedToWhatIsLeft() {
        String seller = TestIdentifiers.creditCode();
        String household = TestIdentifiers.residentId();
        // two care beds at their 2,000-yuan caps: 4,000 of the 5,000-yuan retrofit limit
        file(seller, claim(RETROFIT, seller, household, List.of(item("CARE_BED", 800_000), item("CARE_BED", 800_000))))
                .then()
                .statusCode(201)
                .body("amountFen", equalTo(400_000));
        // 30 % of 8,000 yuan is 2,400 yuan, and only 1,000 are left
        file(seller, claim(RETROFIT, seller, household, List.of(item("ANTI_SLIP_FLOOR", 800_000))))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("amountFen", equalTo(100_000))
                .body("item.renovationItems[0].amountFen", equalTo(200_000))
                .body("computation", containsString("limited to the household's remaining 100000 fen"));
        file(seller, claim(RETROFIT, seller, household, List.of(item("GRAB_BAR", 80_000))))
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("HOUSEHOLD_LIMIT_REACHED"));
    }

    @Test
    void anElderlyRetrofitClaimNeedsTheElderlyMembersProofBeforeApproval() {
        String seller = TestIdentifiers.creditCode();
        Fixtures.allocate(RETROFIT, COUNTY, 100_000_000);
        String filer = retailer(seller);
        Response filed = file(
                seller,
                claim(
                        RETROFIT,
                        seller,
                        TestIdentifiers.residentId(),
                        List.of(item("GRAB_BAR", 80_000), item("RAISED_TOILET_SEAT", 30_000))));
        filed.then()
                .statusCode(201)
                .body("category", equalTo("ELDERLY_RETROFIT"))
                .body("amountFen", equalTo(24_000 + 9_000))
                .body("evidenceCompleteness.kind", hasItem("ELDERLY_MEMBER_PROOF"))
                .body("evidenceCompleteness.find { it.kind == 'ELDERLY_MEMBER_PROOF' }.state", equalTo("MISSING"));
        String id = filed.path("id");

        approve(id, filer)
                .then()
                .statusCode(409)
                .body("type", endsWith("evidence-missing"))
                .body("detail", containsString("ELDERLY_MEMBER_PROOF"));

        Fixtures.supplyEvidence(id, filer);
        approve(id, filer)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("amountFen", equalTo(33_000));
    }

    /** The county's reviewer approves the claim at the version its filer reads now. */
    private static Response approve(String id, String filer) {
        return Fixtures.approve(id, currentVersion(id, filer), reviewer(COUNTY));
    }

    private static int currentVersion(String id, String token) {
        return given().auth().oauth2(token).get(CLAIMS + "/" + id).path("version");
    }

    @Test
    void anInvoiceBacksOneClaimOnlyButSeveralItemsOfOneClaim() {
        String seller = TestIdentifiers.creditCode();
        Map<String, Object> tile = item("TILE", 100_000);
        Map<String, Object> paint = item("PAINT", 100_000);
        paint.put("invoiceNumber", tile.get("invoiceNumber"));
        file(seller, claim(RENOVATION, seller, TestIdentifiers.residentId(), List.of(tile, paint)))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"));

        Map<String, Object> again = item("TOILET", 100_000);
        again.put("invoiceNumber", tile.get("invoiceNumber"));
        file(seller, claim(RENOVATION, seller, TestIdentifiers.residentId(), List.of(again)))
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasonCode", equalTo("INVOICE_ALREADY_USED"));
    }

    /** 申请查询 by invoice finds a claim of items by any of its items' invoices, not only the first. */
    @Test
    void aClaimOfItemsIsFoundByTheInvoiceOfEachOfItsItems() {
        String seller = TestIdentifiers.creditCode();
        Map<String, Object> tile = item("TILE", 100_000);
        Map<String, Object> toilet = item("TOILET", 100_000);
        String id = file(seller, claim(RENOVATION, seller, TestIdentifiers.residentId(), List.of(tile, toilet)))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (Map<String, Object> item : List.of(tile, toilet)) {
            given().auth()
                    .oauth2(TestTokens.cityAdmin())
                    .queryParam("invoiceNumber", item.get("invoiceNumber"))
                    .get(CLAIMS + "/search")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].id", equalTo(id));
        }
    }

    @Test
    void anItemNotInTheCatalogueIs422WithAFieldErrorAndNothingIsStored() {
        String seller = TestIdentifiers.creditCode();
        Map<String, Object> grabBar = item("GRAB_BAR", 80_000);
        file(seller, claim(RENOVATION, seller, TestIdentifiers.residentId(), List.of(item("TILE", 100_000), grabBar)))
                .then()
                .statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("type", endsWith("item-not-covered"))
                .body("errors.field", equalTo(List.of("renovation.items[1].itemCode")))
                .body("errors[0].value", equalTo("GRAB_BAR"));
        assertThat(Fixtures.count(
                        "select count(*) from claim_home_item where invoice_number = ?", grabBar.get("invoiceNumber")))
                .isZero();
    }

    @Test
    void aBadItemOrAMissingOrForeignSectionIsAFieldError() {
        String seller = TestIdentifiers.creditCode();
        Map<String, Object> bad = item("tile", -5);
        bad.remove("invoiceNumber");
        file(seller, claim(RENOVATION, seller, TestIdentifiers.residentId(), List.of(bad)))
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        hasItems(
                                "renovation.items[0].itemCode",
                                "renovation.items[0].priceFen",
                                "renovation.items[0].invoiceNumber"));

        Map<String, Object> none = claim(RENOVATION, seller, TestIdentifiers.residentId(), List.of());
        file(seller, none).then().statusCode(400).body("errors.field", hasItem("renovation.items"));
        none.remove("renovation");
        file(seller, none).then().statusCode(400).body("errors.field", equalTo(List.of("renovation")));

        Map<String, Object> appliance = Fixtures.applianceClaim(
                "HOME-APPLIANCE",
                seller,
                COUNTY,
                TestIdentifiers.residentId(),
                "AIR_CONDITIONER",
                1,
                500_000,
                "2025-03-01");
        appliance.put("renovation", Map.of("items", List.of(item("TILE", 100_000))));
        file(seller, appliance).then().statusCode(400).body("errors.field", equalTo(List.of("renovation")));
    }

    @Test
    void aReturnedClaimOfItemsIsResubmittedWithANewBankAccountButNotANewInvoice() {
        String seller = TestIdentifiers.creditCode();
        String id = file(
                        seller, claim(RENOVATION, seller, TestIdentifiers.residentId(), List.of(item("TILE", 100_000))))
                .path("id");
        int version = given().auth()
                .oauth2(reviewer(COUNTY))
                .contentType(ContentType.JSON)
                .body(Map.of("version", currentVersion(id, retailer(seller)), "reasonCode", "DATA_INCORRECT"))
                .post(CLAIMS + "/" + id + "/return")
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        resubmit(seller, id, Map.of("version", version, "corrections", Map.of("invoiceNumber", "NEW-123")))
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("corrections.invoiceNumber")));
        resubmit(
                        seller,
                        id,
                        Map.of("version", version, "corrections", Map.of("bankAccount", Fixtures.uniqueBankAccount())))
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("amountFen", equalTo(15_000))
                .body("checks.findAll { it.run == 2 }.code", hasItems("INVOICE_UNUSED", "HOUSEHOLD_LIMIT"))
                .body("checks.findAll { it.run == 2 }.outcome", org.hamcrest.Matchers.everyItem(equalTo("PASSED")));
    }

    private static Response resubmit(String seller, String id, Map<String, Object> body) {
        return given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS + "/" + id + "/resubmit");
    }

    @Test
    void aPerItemRuleVersionIsForProgrammesOfItemsOnly() {
        String appliances = Fixtures.unique("APPL-");
        Fixtures.createProgramme(appliances, "家电 per item?", "HOME_APPLIANCE");
        String renovation = Fixtures.unique("RENO-");
        Fixtures.createProgramme(renovation, "家装 per price?", "HOME_RENOVATION");
        Map<String, Object> perItem = Map.of(
                "amount",
                Map.of("kind", "PERCENT_PER_ITEM"),
                "eligibility",
                Map.of(),
                "limits",
                Map.of(),
                "catalogue",
                Map.of(
                        "householdLimitFen",
                        100_000,
                        "items",
                        List.of(Map.of("code", "TILE", "name", "瓷砖", "rateBp", 1500, "capFen", 20_000))));
        Map<String, Object> perPrice = Map.of(
                "amount",
                Map.of("kind", "PERCENT_OF_PRICE", "rateBp", 1500, "capFen", 200_000),
                "eligibility",
                Map.of(),
                "limits",
                Map.of());
        addVersion(appliances, perItem)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("parameters.amount.kind")));
        addVersion(renovation, perPrice)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("parameters.amount.kind")));
        addVersion(renovation, perItem)
                .then()
                .statusCode(201)
                .body("parameters.catalogue.items[0].code", equalTo("TILE"));
    }

    private static Response addVersion(String programme, Map<String, Object> parameters) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "effectiveFrom",
                        "2025-01-01",
                        "parameters",
                        parameters,
                        "evidenceRequired",
                        List.of("INVOICE"),
                        "collectionRequired",
                        false,
                        "legalBasis",
                        "地方默认值 / local default, test"))
                .post("/api/subsidies/programmes/" + programme + "/rule-versions");
    }

    @Test
    void theCatalogueIsReadableWithTheProgrammesRuleVersion() {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/subsidies/programmes/" + RETROFIT)
                .then()
                .statusCode(200)
                .body("category", equalTo("ELDERLY_RETROFIT"))
                .body("ruleVersions[0].parameters.amount.kind", equalTo("PERCENT_PER_ITEM"))
                .body("ruleVersions[0].parameters.catalogue.householdLimitFen", equalTo(500_000))
                .body(
                        "ruleVersions[0].parameters.catalogue.items.code",
                        hasItems("GRAB_BAR", "ANTI_SLIP_FLOOR", "RAMP"))
                .body("ruleVersions[0].parameters.catalogue.items.find { it.code == 'GRAB_BAR' }.name", equalTo("扶手"))
                .body("ruleVersions[0].legalBasis", containsString("商办消费函〔2025〕29号"))
                .body("ruleVersions[0].legalBasis", containsString("local default"))
                .body("ruleVersions[0].parameters.fraudChecks", nullValue());
    }
}
