package cn.gov.lvliang.renewal.recycling.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.recycling.Fixtures;
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
    void aHostileEnterpriseNameIsStoredAndReturnedVerbatimAsJson(String hostile) {
        String creditCode = TestIdentifiers.creditCode();
        Map<String, Object> body = Fixtures.enterprise(
                creditCode,
                "DISMANTLER",
                "141102",
                Fixtures.today().minusYears(1),
                Fixtures.today().plusYears(1),
                "VALID");
        body.put("name", hostile);
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .post(Fixtures.ENTERPRISES)
                .then()
                .statusCode(201)
                .contentType("application/json")
                .body("name", equalTo(hostile));

        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .get(Fixtures.ENTERPRISES + "/" + creditCode)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("name", equalTo(hostile));
        assertThat(HostileText.rows("enterprise")).isPositive();
        assertThat(HostileText.rows("outbox_event")).isNotNegative();
    }

    @Test
    void hostileQueryValuesAreParametersNotSql() {
        HostileText.assertTreatedAsAValue(given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("county", HostileText.SQL_IN_QUERY)
                .get(Fixtures.ENTERPRISES));
    }

    @Test
    void aCrlfInAHeaderCannotInjectAResponseHeader() {
        HostileText.assertCrInHeaderInjectsNothing(root, Fixtures.ENTERPRISES, TestTokens.cityAdmin());
    }
}
