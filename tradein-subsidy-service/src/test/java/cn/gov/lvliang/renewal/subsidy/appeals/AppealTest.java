package cn.gov.lvliang.renewal.subsidy.appeals;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Appeals (复核) through the API on the real database: reject → appeal → a different reviewer
 * upholds → approve (budget reserved) → pay; the rejecting reviewer's 403; once per claim; the
 * rule version's window; dismissal is final; overdue appeals in supervision and the gauge.
 */
@QuarkusTest
class AppealTest {

    private static final String COUNTY = "141124";
    private static final int WINDOW_DAYS = 10;
    private static final String REJECTER = reviewerNamed("reviewer-wang");
    private static final String OTHER_REVIEWER = reviewerNamed("reviewer-li");

    @Inject
    MutableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private static String reviewerNamed(String subject) {
        return TestTokens.token(subject, Roles.REVIEWER, Map.of(Caller.COUNTY_CLAIM, COUNTY));
    }

    private record Filed(String id, String number, String filer, String idNumber, String programme) {}

    /** A programme of its own (its own budget), with a 10-day appeal window. */
    private static String programme() {
        String id = Fixtures.applianceProgramme("APL-", Map.of("appealWindowDays", WINDOW_DAYS));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/subsidies/programmes/" + id)
                .then()
                .statusCode(200)
                .body("ruleVersions[0].appealWindowDays", equalTo(WINDOW_DAYS));
        return id;
    }

    private static Filed rejected(String programme) {
        String seller = TestIdentifiers.creditCode();
        String idNumber = TestIdentifiers.residentId();
        Response filed = given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(applianceClaim(programme, seller, COUNTY, idNumber, "TELEVISION", 2, 500_000, "2025-04-01"))
                .post(CLAIMS);
        filed.then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
        Filed claim = new Filed(filed.path("id"), filed.path("claimNumber"), retailer(seller), idNumber, programme);
        Fixtures.supplyEvidence(claim.id(), claim.filer());
        review(claim, REJECTER, "reject", Map.of("reasonCode", "EVIDENCE_INSUFFICIENT"))
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        return claim;
    }

    private static int version(Filed claim) {
        return given().auth()
                .oauth2(claim.filer())
                .get(CLAIMS + "/" + claim.id())
                .path("version");
    }

    private static Response review(Filed claim, String reviewer, String action, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("version", version(claim));
        return given().auth()
                .oauth2(reviewer)
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS + "/" + claim.id() + "/" + action);
    }

    private static Response appeal(Filed claim) {
        // by the claim number: accepted wherever the id is
        return given().auth()
                .oauth2(claim.filer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "发票已补开，请重新审核"))
                .post(CLAIMS + "/" + claim.number() + "/appeal");
    }

    private static Response decide(Filed claim, String reviewer, String decision) {
        return given().auth()
                .oauth2(reviewer)
                .contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "note", "复核意见"))
                .post(CLAIMS + "/" + claim.id() + "/appeal/decision");
    }

    @Test
    void rejectAppealUpholdApprovePay() {
        String programme = programme();
        Fixtures.allocate(programme, COUNTY, 1_000_000);
        Filed claim = rejected(programme);

        appeal(claim)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPEALED"))
                .body("appellant", equalTo("FILER"))
                .body("claimNumber", equalTo(claim.number()))
                .body("rejectedBy", equalTo("reviewer-wang"))
                .body("claimStatus", equalTo("APPEALED"));
        assertThat(Fixtures.count(
                        "select count(*) from outbox_event where aggregate_id = ? and type = ?",
                        claim.id(),
                        "cn.gov.lvliang.subsidy.claim.appealed.v1"))
                .isEqualTo(1);

        // the reviewer who rejected it may not decide: 403 problem+json, nothing changes
        decide(claim, REJECTER, "UPHOLD")
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:lvliang:renewal:problem:appeal-own-rejection"));
        given().auth()
                .oauth2(claim.filer())
                .get(CLAIMS + "/" + claim.id())
                .then()
                .body("status", equalTo("APPEALED"));

        decide(claim, OTHER_REVIEWER, "UPHOLD")
                .then()
                .statusCode(200)
                .body("status", equalTo("UPHELD"))
                .body("decidedBy", equalTo("reviewer-li"))
                .body("claimStatus", equalTo("PENDING_REVIEW"));
        assertThat(Fixtures.count(
                        "select count(*) from outbox_event where aggregate_id = ? and type = ?",
                        claim.id(),
                        "cn.gov.lvliang.subsidy.claim.appeal-decided.v1"))
                .isEqualTo(1);
        // decided once
        decide(claim, OTHER_REVIEWER, "DISMISS").then().statusCode(409);

        review(claim, OTHER_REVIEWER, "approve", Map.of())
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
        assertThat(Fixtures.count(
                        "select count(*) from budget_journal where claim_id = ?::uuid and entry_type = 'RESERVE'",
                        claim.id()))
                .isPositive();

        Fixtures.payTheApprovedClaim(programme, COUNTY);
        given().auth()
                .oauth2(claim.filer())
                .get(CLAIMS + "/" + claim.number())
                .then()
                .statusCode(200)
                .body("id", equalTo(claim.id()))
                .body("status", equalTo("PAID"))
                .body("paidAmountFen", equalTo(75_000));
    }

    @Test
    void anUpheldClaimIsNeverApprovedOverBudget() {
        String programme = programme();
        Filed claim = rejected(programme);
        appeal(claim).then().statusCode(200);
        decide(claim, OTHER_REVIEWER, "UPHOLD").then().statusCode(200);
        // no money allocated: the programme queues approvals it cannot cover
        review(claim, OTHER_REVIEWER, "approve", Map.of())
                .then()
                .statusCode(200)
                .body("status", equalTo("QUEUED"));
    }

    @Test
    void aClaimIsAppealedOnceAndADismissalIsFinal() {
        Filed claim = rejected(programme());
        appeal(claim).then().statusCode(200);
        appeal(claim).then().statusCode(409).body("type", equalTo("urn:lvliang:renewal:problem:appeal-once"));
        decide(claim, OTHER_REVIEWER, "DISMISS")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISMISSED"))
                .body("claimStatus", equalTo("REJECTED"));
        appeal(claim).then().statusCode(409).body("type", equalTo("urn:lvliang:renewal:problem:appeal-once"));
        // the applicant cannot appeal it either
        given().contentType(ContentType.JSON)
                .body(Map.of("claimNumber", claim.number(), "idNumber", claim.idNumber(), "reason", "再次申请"))
                .post("/api/subsidies/public/claim-appeals")
                .then()
                .statusCode(409);
    }

    @Test
    void anAppealNeedsARejectedClaim() {
        String seller = TestIdentifiers.creditCode();
        Response filed = given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(applianceClaim(
                        programme(),
                        seller,
                        COUNTY,
                        TestIdentifiers.residentId(),
                        "TELEVISION",
                        2,
                        500_000,
                        "2025-04-01"))
                .post(CLAIMS);
        given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "理由"))
                .post(CLAIMS + "/" + filed.path("id") + "/appeal")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:lvliang:renewal:problem:claim-state"));
        // another enterprise does not see it
        given().auth()
                .oauth2(retailer(TestIdentifiers.creditCode()))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "理由"))
                .post(CLAIMS + "/" + filed.path("claimNumber") + "/appeal")
                .then()
                .statusCode(404);
    }

    @Test
    void theWindowIsTheRuleVersions() {
        String programme = programme();
        clock.pin(Instant.parse("2026-03-01T02:00:00Z"));
        Filed late = rejected(programme);
        Filed inTime = rejected(programme);
        clock.advance(Duration.ofDays(WINDOW_DAYS).minusHours(1));
        appeal(inTime).then().statusCode(200);
        clock.advance(Duration.ofHours(2));
        appeal(late).then().statusCode(422).body("type", equalTo("urn:lvliang:renewal:problem:appeal-window-closed"));
    }

    @Test
    void anUndecidedAppealIsOverdueAfter15DaysInSupervisionAndTheGauge() {
        clock.pin(Instant.parse("2026-04-01T02:00:00Z"));
        Filed claim = rejected(programme());
        appeal(claim).then().statusCode(200);
        clock.advance(Duration.ofDays(15).plusMinutes(1));
        given().auth()
                .oauth2(TestTokens.token(Roles.REVIEWER, Map.of(Caller.COUNTY_CLAIM, COUNTY)))
                .queryParam("overdue", true)
                .queryParam("size", 200)
                .get("/api/subsidies/appeals")
                .then()
                .statusCode(200)
                .body("items.claimNumber", hasItem(claim.number()))
                .body("items.find { it.claimNumber == '" + claim.number() + "' }.overdue", equalTo(true));
        // another county's reviewer does not see it
        given().auth()
                .oauth2(TestTokens.token(Roles.REVIEWER, Map.of(Caller.COUNTY_CLAIM, "141102")))
                .queryParam("size", 200)
                .get("/api/subsidies/appeals")
                .then()
                .statusCode(200)
                .body("items.claimNumber", not(hasItem(claim.number())));
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("(?m)^subsidy_appeals_overdue(\\{[^}]*\\})? [1-9]");
        decide(claim, OTHER_REVIEWER, "DISMISS").then().statusCode(200);
    }
}
