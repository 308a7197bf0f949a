package cn.gov.lvliang.renewal.equipment.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.equipment.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import cn.gov.lvliang.renewal.testing.corpus.HostileText;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SQL, markup, path traversal and CRLF in inputs are stored and returned as plain text, never run. */
@QuarkusTest
class InjectionTest {

    private static final String RECORDS = "/api/equipment/records";

    @TestHTTPResource
    URI root;

    @ParameterizedTest
    @MethodSource("cn.gov.lvliang.renewal.testing.corpus.HostileText#payloads")
    void aHostileModelIsStoredAndReturnedVerbatimAsJson(String hostile) {
        String credit = TestIdentifiers.creditCode();
        Fixtures.unit(credit, "141181", "coking");
        Map<String, Object> body = Fixtures.equipment(credit, "2018-01-01", 20);
        body.put("model", hostile);
        Map<String, Object> created = Fixtures.register(TestTokens.cityAdmin(), body);
        assertThat(created).containsEntry("model", hostile);

        given().auth()
                .oauth2(TestTokens.countyOfficer("141181"))
                .get(RECORDS + "/" + created.get("id"))
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("model", equalTo(hostile));
        assertThat(HostileText.rows("equipment")).isPositive();
        assertThat(HostileText.rows("outbox_event")).isPositive();
    }

    @Test
    void hostileQueryValuesAreParametersNotSql() {
        HostileText.assertTreatedAsAValue(given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("unitCreditCode", HostileText.SQL_IN_QUERY)
                .get(RECORDS));
    }

    @Test
    void aCrlfInAHeaderCannotInjectAResponseHeader() {
        HostileText.assertCrInHeaderInjectsNothing(root, RECORDS, TestTokens.cityAdmin());
    }
}
