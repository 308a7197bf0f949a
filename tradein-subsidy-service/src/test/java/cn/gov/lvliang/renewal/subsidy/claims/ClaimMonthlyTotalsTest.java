package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.subsidy.MutableClock;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 分项目分月申请与补贴汇总: {@code GET /api/subsidies/claims/monthly-totals} counts and sums the claims of
 * two programmes over two months, by the month of submission in Shanghai, with its filters, its bad
 * input and the caller's scope. Each test run files its claims in programmes of its own, so the rows
 * of other tests' claims are told apart by programme.
 */
@QuarkusTest
class ClaimMonthlyTotalsTest {

    private static final String TOTALS = CLAIMS + "/monthly-totals";
    private static final String COUNTY_A = "141124";
    private static final String COUNTY_B = "141102";

    @Inject
    MutableClock clock;

    @Inject
    ClaimMonthlyTotals monthlyTotals;

    @Inject
    ClaimMonthFold monthFold;

    // filed once for the class (the first test), each test reading them
    private static String appliances;
    private static String digital;
    private static String sellerA;

    /**
     * Appliances: 75,000 fen filed 2026-03-10 in A and paid; 60,000 fen filed 2026-03-31T17:00Z in A
     * (01:00 on 1 April in Shanghai); 30,000 fen filed 2026-04-15 in B. Digital products: 45,000 fen
     * filed 2026-03-31T15:59Z in B (23:59 on 31 March in Shanghai). 15 % of each price.
     */
    @BeforeEach
    void fileClaims() {
        if (appliances != null) {
            return;
        }
        appliances = Fixtures.productProgramme("TOTALS-A-", "HOME_APPLIANCE", Map.of());
        digital = Fixtures.productProgramme("TOTALS-D-", "DIGITAL_PRODUCT", Map.of());
        for (String county : List.of(COUNTY_A, COUNTY_B)) {
            Fixtures.allocate(appliances, county, 10_000_000);
            Fixtures.allocate(digital, county, 10_000_000);
        }
        sellerA = TestIdentifiers.creditCode();
        String sellerB = TestIdentifiers.creditCode();
        String paid = file("2026-03-10T02:00:00Z", appliances, sellerA, COUNTY_A, 500_000);
        file("2026-03-31T17:00:00Z", appliances, sellerA, COUNTY_A, 400_000);
        file("2026-04-15T00:00:00Z", appliances, sellerB, COUNTY_B, 200_000);
        file("2026-03-31T15:59:00Z", digital, sellerB, COUNTY_B, 300_000);
        clock.reset();
        approve(paid, sellerA);
        Fixtures.payTheApprovedClaim(appliances, COUNTY_A);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void countsAndSumsPerProgrammeAndMonthOfSubmissionInShanghai() {
        List<Map<String, Object>> rows = totals(TestTokens.cityAdmin(), Map.of());
        assertThat(ours(rows))
                .containsExactly(
                        row(appliances, "2026-03", 1, 75_000, 75_000),
                        row(appliances, "2026-04", 2, 90_000, 0),
                        row(digital, "2026-03", 1, 45_000, 0));
        // the statistics bureau reads the same totals (no personal data in them)
        assertThat(ours(totals(TestTokens.token(Roles.STATISTICS_BUREAU, Map.of()), Map.of())))
                .isEqualTo(ours(rows));
    }

    @Test
    void filtersByMonthsCountyAndProgramme() {
        assertThat(ours(totals(TestTokens.cityAdmin(), Map.of("from", "2026-04"))))
                .containsExactly(row(appliances, "2026-04", 2, 90_000, 0));
        assertThat(ours(totals(TestTokens.cityAdmin(), Map.of("to", "2026-03"))))
                .containsExactly(row(appliances, "2026-03", 1, 75_000, 75_000), row(digital, "2026-03", 1, 45_000, 0));
        assertThat(ours(totals(TestTokens.cityAdmin(), Map.of("from", "2026-04", "to", "2026-04"))))
                .containsExactly(row(appliances, "2026-04", 2, 90_000, 0));
        assertThat(ours(totals(TestTokens.cityAdmin(), Map.of("from", "2026-05"))))
                .isEmpty();
        assertThat(ours(totals(TestTokens.cityAdmin(), Map.of("county", COUNTY_A))))
                .containsExactly(
                        row(appliances, "2026-03", 1, 75_000, 75_000), row(appliances, "2026-04", 1, 60_000, 0));
        assertThat(totals(TestTokens.cityAdmin(), Map.of("programmeId", digital)))
                .containsExactly(row(digital, "2026-03", 1, 45_000, 0));
    }

    @Test
    void countsOnlyTheClaimsTheCallerMayList() {
        // a county officer of B: B's claims only, even when asking for A
        assertThat(ours(totals(TestTokens.countyOfficer(COUNTY_B), Map.of())))
                .containsExactly(row(appliances, "2026-04", 1, 30_000, 0), row(digital, "2026-03", 1, 45_000, 0));
        assertThat(ours(totals(TestTokens.countyOfficer(COUNTY_B), Map.of("county", COUNTY_A))))
                .isEmpty();
        // a retailer: the claims it filed
        assertThat(ours(totals(Fixtures.retailer(sellerA), Map.of())))
                .containsExactly(
                        row(appliances, "2026-03", 1, 75_000, 75_000), row(appliances, "2026-04", 1, 60_000, 0));
        assertThat(totals(Fixtures.dealer(TestIdentifiers.creditCode()), Map.of()))
                .isEmpty();
        // a reviewer of A: A's county
        assertThat(ours(totals(Fixtures.reviewer(COUNTY_A), Map.of())))
                .containsExactly(
                        row(appliances, "2026-03", 1, 75_000, 75_000), row(appliances, "2026-04", 1, 60_000, 0));
        // roles that list no claims read no totals
        given().auth()
                .oauth2(TestTokens.token(Roles.DISMANTLER, Map.of("enterprise", TestIdentifiers.creditCode())))
                .get(TOTALS)
                .then()
                .statusCode(403);
    }

    @Test
    void refusesAMalformedMonthOrFromAfterToWithFieldErrors() {
        for (Map<String, String> query : List.of(
                Map.of("from", "2026-13"),
                Map.of("from", "2026-3"),
                Map.of("to", "202604"),
                Map.of("county", "lishi"),
                Map.of("programmeId", "x' or '1'='1"))) {
            String field = query.keySet().iterator().next();
            given().auth()
                    .oauth2(TestTokens.cityAdmin())
                    .queryParams(query)
                    .get(TOTALS)
                    .then()
                    .statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("errors.field", contains(field));
        }
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .header("Accept-Language", "en")
                .queryParams(Map.of("from", "2026-05", "to", "2026-04"))
                .get(TOTALS)
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", contains("to"))
                .body("errors[0].value", equalTo("2026-04"));
    }

    @Test
    void theSummaryAgreesWithACountOfEveryClaimBeforeAndAfterItsDeltasAreFolded() {
        String programme = Fixtures.productProgramme("TOTALS-S-", "HOME_APPLIANCE", Map.of());
        Fixtures.allocate(programme, COUNTY_A, 10_000_000);
        String claim = file("2026-04-20T02:00:00Z", programme, sellerA, COUNTY_A, 100_000);
        clock.reset();
        assertThat(ClaimMonthDelta.count()).as("filing appended a delta").isPositive();
        theSummaryAgreesWithTheCount();

        monthFold.fold();
        assertThat(ClaimMonthDelta.count()).as("every delta folded").isZero();
        theSummaryAgreesWithTheCount();

        approve(claim, sellerA);
        assertThat(ClaimMonthDelta.count())
                .as("a change of status moves no amount and appends no delta")
                .isZero();
        Fixtures.payTheApprovedClaim(programme, COUNTY_A);
        assertThat(ClaimMonthDelta.count())
                .as("the payment moved the paid amount")
                .isPositive();
        theSummaryAgreesWithTheCount();
        assertThat(totals(TestTokens.cityAdmin(), Map.of("programmeId", programme)))
                .containsExactly(row(programme, "2026-04", 1, 15_000, 15_000));
    }

    /** The summary's answer equals the count over every claim, for the city, each county and a month filter. */
    private void theSummaryAgreesWithTheCount() {
        for (CallerScope scope : List.of(
                CallerScope.CITY,
                new CallerScope(CallerScope.Kind.COUNTY, COUNTY_A),
                new CallerScope(CallerScope.Kind.COUNTY, COUNTY_B))) {
            for (ClaimMonthlyTotals.Filter filter : List.of(
                    new ClaimMonthlyTotals.Filter(null, null, null, null),
                    new ClaimMonthlyTotals.Filter(YearMonth.of(2026, 4), YearMonth.of(2026, 4), null, null),
                    new ClaimMonthlyTotals.Filter(null, null, COUNTY_A, appliances))) {
                assertThat(monthlyTotals.summarised(filter, scope))
                        .as("%s, %s", scope, filter)
                        .isEqualTo(monthlyTotals.counted(filter, ClaimScope.of(scope)));
            }
        }
    }

    private static List<Map<String, Object>> ours(List<Map<String, Object>> rows) {
        return rows.stream()
                .filter(r -> r.get("programmeId").equals(appliances)
                        || r.get("programmeId").equals(digital))
                .toList();
    }

    private static Map<String, Object> row(String programme, String month, int claims, int amount, int paid) {
        return Map.of(
                "programmeId", programme,
                "month", month,
                "claims", claims,
                "amountFen", amount,
                "paidAmountFen", paid);
    }

    private static List<Map<String, Object>> totals(String token, Map<String, String> query) {
        return given().auth()
                .oauth2(token)
                .queryParams(query)
                .get(TOTALS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    /** Files an appliance claim (grade 1 television) at {@code at}; returns its id. */
    private String file(String at, String programme, String seller, String county, long priceFen) {
        clock.pin(Instant.parse(at));
        return Fixtures.fileClaim(
                        seller,
                        Fixtures.applianceClaim(
                                programme,
                                seller,
                                county,
                                TestIdentifiers.residentId(),
                                "TELEVISION",
                                1,
                                priceFen,
                                "2025-04-01"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The county's reviewer approves the claim, its evidence supplied by its filer. */
    private static void approve(String claim, String seller) {
        Fixtures.supplyEvidence(claim, Fixtures.retailer(seller));
        int version = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get(CLAIMS + "/" + claim)
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        given().auth()
                .oauth2(Fixtures.reviewer(COUNTY_A))
                .contentType(ContentType.JSON)
                .body(Map.of("version", version))
                .post(CLAIMS + "/" + claim + "/approve")
                .then()
                .statusCode(200);
    }
}
