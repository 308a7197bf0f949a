package cn.gov.lvliang.renewal.subsidy.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import cn.gov.lvliang.renewal.testing.corpus.HostileText;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SQL, markup, path traversal and CRLF in inputs are stored and returned as plain text, never run. */
@QuarkusTest
class InjectionTest {

    @TestHTTPResource
    URI root;

    @ParameterizedTest
    @MethodSource("cn.gov.lvliang.renewal.testing.corpus.HostileText#payloads")
    void aHostileModelIsStoredAndReturnedVerbatimAsJson(String hostile) {
        String seller = TestIdentifiers.creditCode();
        Map<String, Object> body = Fixtures.applianceClaim(
                "HOME-APPLIANCE",
                seller,
                "141102",
                TestIdentifiers.residentId(),
                "AIR_CONDITIONER",
                1,
                300_000,
                "2025-03-01");
        @SuppressWarnings("unchecked")
        Map<String, Object> appliance = (Map<String, Object>) body.get("appliance");
        appliance.put("model", hostile);
        String id = given().auth()
                .oauth2(Fixtures.retailer(seller))
                .contentType(ContentType.JSON)
                .body(body)
                .post(Fixtures.CLAIMS)
                .then()
                .statusCode(201)
                .contentType("application/json")
                .extract()
                .path("id");

        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get(Fixtures.CLAIMS + "/" + id)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("item.model", equalTo(hostile));
        assertThat(Fixtures.count("select count(*) from claim")).isPositive();
        assertThat(HostileText.rows("outbox_event")).isPositive();
    }

    @Test
    void hostileQueryValuesAreParametersNotSql() {
        HostileText.assertTreatedAsAValue(given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("county", HostileText.SQL_IN_QUERY)
                .get(Fixtures.CLAIMS));
    }

    @Test
    void aCrlfInAHeaderCannotInjectAResponseHeader() {
        HostileText.assertCrInHeaderInjectsNothing(root, Fixtures.CLAIMS, TestTokens.cityAdmin());
    }
}
