package cn.gov.lvliang.renewal.subsidy.claims;

import static cn.gov.lvliang.renewal.subsidy.Fixtures.applianceClaim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 受理范围: a programme's jurisdiction decides which counties' claims it takes (decision 0038). */
@QuarkusTest
class CountyProgrammeTest {

    /** A home-appliance programme of 离石区 (141102) only, with a 2025 rule version. */
    private static String countyProgramme() {
        String id = Fixtures.unique("LISHI-");
        Fixtures.createProgramme(id, "离石区家电以旧换新", "HOME_APPLIANCE", Map.of("jurisdiction", "141102"));
        Fixtures.addRuleVersion(id, Map.of());
        return id;
    }

    private static Response file(String programme, String county) {
        String seller = TestIdentifiers.creditCode();
        return Fixtures.fileClaim(
                seller,
                applianceClaim(
                        programme,
                        seller,
                        county,
                        TestIdentifiers.residentId(),
                        "TELEVISION",
                        1,
                        300_000,
                        "2025-05-01"));
    }

    @Test
    void aCountyProgrammeOf141102Refuses141124ClaimsWith422AndStoresNothing() {
        String programme = countyProgramme();
        file(programme, "141124")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("outside-jurisdiction"))
                .body("errors[0].field", equalTo("county"));
        assertThat(Fixtures.count("select count(*) from claim where programme_id = ?", programme))
                .isZero();

        file(programme, "141102").then().statusCode(201).body("county", equalTo("141102"));
    }

    @Test
    void aCityProgrammeTakesItsCountiesClaims() {
        String programme = Fixtures.applianceProgramme("CITY-", Map.of());
        file(programme, "141124").then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
        file(programme, "141102").then().statusCode(201).body("status", equalTo("PENDING_REVIEW"));
    }
}
