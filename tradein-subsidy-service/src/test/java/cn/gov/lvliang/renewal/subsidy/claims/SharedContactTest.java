package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.CLAIMS;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static cn.gov.lvliang.renewal.subsidy.Fixtures.retailer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 同一收款账户 / 同一手机号 against the real database: at filing, and in the nightly sweep
 * (decision 0038).
 */
@QuarkusTest
class SharedContactTest {

    private static final String COUNTY = "141102";

    @Inject
    CrossClaimSweep sweep;

    @SuppressWarnings("unchecked")
    private static Response file(String programme, String seller, String phone, String bankAccount) {
        Map<String, Object> body = applianceClaim(
                programme, seller, COUNTY, TestIdentifiers.residentId(), "REFRIGERATOR", 1, 300_000, "2025-05-01");
        Map<String, Object> applicant = (Map<String, Object>) body.get("applicant");
        applicant.put("phone", phone);
        applicant.put("bankAccount", bankAccount);
        return given().auth()
                .oauth2(retailer(seller))
                .contentType(ContentType.JSON)
                .body(body)
                .post(CLAIMS);
    }

    private static Response read(String seller, String id) {
        return given().auth().oauth2(retailer(seller)).get(CLAIMS + "/" + id);
    }

    private static Response listed(String programme, String riskLevel) {
        return given().auth()
                .oauth2(Fixtures.reviewer(null))
                .queryParam("programmeId", programme)
                .queryParam("riskLevel", riskLevel)
                .get(CLAIMS);
    }

    @Test
    void theFourthClaimPayingIntoOneAccountIsFlaggedAndTheSweepFlagsTheOlderOnes() {
        String programme = Fixtures.applianceProgramme("SHARED-", Map.of());
        String seller = TestIdentifiers.creditCode();
        String account = Fixtures.uniqueBankAccount();
        List<String> ids = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Response filed = file(programme, seller, Fixtures.uniquePhone(), account);
            filed.then()
                    .statusCode(201)
                    .body("status", equalTo("PENDING_REVIEW"))
                    .body("flags", empty())
                    .body("checks.find { it.code == 'SHARED_BANK_ACCOUNT' }.outcome", equalTo("PASSED"));
            ids.add(filed.path("id"));
            numbers.add(filed.path("claimNumber"));
        }

        Response fourth = file(programme, seller, Fixtures.uniquePhone(), account);
        fourth.then()
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("flags", hasItem("SHARED_BANK_ACCOUNT"))
                .body("flags", not(hasItem("SHARED_PHONE")))
                .body("checks.find { it.code == 'SHARED_BANK_ACCOUNT' }.outcome", equalTo("FLAGGED"));
        String evidence = fourth.path("checks.find { it.code == 'SHARED_BANK_ACCOUNT' }.evidence");
        assertThat(evidence).startsWith("4 claim(s) within 365 days pay into this bank account");
        assertThat(evidence).contains(String.join(", ", numbers));
        assertThat(evidence).doesNotContain(account);

        fourth.then()
                .body("risk.level", equalTo("HIGH"))
                .body("risk.reasons[0].flag", equalTo("SHARED_BANK_ACCOUNT"))
                .body("risk.reasons[0].level", equalTo("HIGH"));
        // the reviewers' list filters by risk level
        listed(programme, "HIGH").then().statusCode(200).body("items.id", contains(fourth.<String>path("id")));
        listed(programme, "LOW").then().statusCode(200).body("items.id", containsInAnyOrder(ids.toArray()));

        read(seller, ids.get(0)).then().statusCode(200).body("flags", empty()).body("risk.level", equalTo("LOW"));
        assertThat(sweep.run()).isGreaterThanOrEqualTo(3);
        for (String id : ids) {
            read(seller, id)
                    .then()
                    .statusCode(200)
                    .body("flags", hasItem("SHARED_BANK_ACCOUNT"))
                    .body(
                            "checks.find { it.code == 'SHARED_BANK_ACCOUNT' && it.outcome == 'FLAGGED' }.evidence",
                            org.hamcrest.Matchers.containsString(fourth.path("claimNumber")));
        }
        listed(programme, "LOW").then().statusCode(200).body("total", equalTo(0));
        listed(programme, "HIGH").then().statusCode(200).body("total", equalTo(4));
        // a second night raises nothing new on them
        int before = read(seller, ids.get(0)).path("checks.size()");
        sweep.run();
        read(seller, ids.get(0)).then().body("checks.size()", equalTo(before));
    }

    @Test
    void aRuleVersionSetsItsOwnThresholdAndAPhoneSharedByMoreClaimsIsFlagged() {
        String programme = Fixtures.applianceProgramme(
                "SHARED-PHONE-",
                Map.of(
                        "parameters",
                        Map.of(
                                "amount", Map.of("kind", "PERCENT_OF_PRICE", "rateBp", 1500, "capFen", 200_000),
                                "eligibility", Map.of("worstGrade", 2),
                                "limits", Map.of(),
                                "fraudChecks", Map.of("sharedContactMaxClaims", 1, "sharedContactPeriodDays", 30))));
        String seller = TestIdentifiers.creditCode();
        String phone = Fixtures.uniquePhone();
        Response first = file(programme, seller, phone, Fixtures.uniqueBankAccount());
        first.then().statusCode(201).body("flags", empty());
        file(programme, seller, phone, Fixtures.uniqueBankAccount())
                .then()
                .statusCode(201)
                .body("flags", hasItem("SHARED_PHONE"))
                .body(
                        "checks.find { it.code == 'SHARED_PHONE' }.evidence",
                        org.hamcrest.Matchers.containsString("2 claim(s) within 30 days give this phone"))
                .body(
                        "checks.find { it.code == 'SHARED_PHONE' }.evidence",
                        org.hamcrest.Matchers.containsString(first.path("claimNumber")));
    }

    @Test
    void aKeyedHashOfTheBankAccountIsStoredNeverTheAccount() {
        String programme = Fixtures.applianceProgramme("SHARED-HASH-", Map.of());
        String seller = TestIdentifiers.creditCode();
        String account = Fixtures.uniqueBankAccount();
        String id = file(programme, seller, Fixtures.uniquePhone(), account).path("id");
        assertThat(Fixtures.count(
                        "select count(*) from claim where id = ?::uuid and bank_account_hash is not null"
                                + " and length(bank_account_hash) = 64 and position(? in bank_account_hash) = 0",
                        id,
                        account))
                .isEqualTo(1);
    }
}
