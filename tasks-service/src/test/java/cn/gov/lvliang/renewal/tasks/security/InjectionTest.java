package cn.gov.lvliang.renewal.tasks.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.testing.TestTokens;
import cn.gov.lvliang.renewal.testing.corpus.HostileText;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SQL, markup, path traversal and CRLF in inputs are stored and returned as plain text, never run. */
@QuarkusTest
class InjectionTest {

    private static final String UNITS = "/api/tasks/implementing-units";

    @TestHTTPResource
    URI root;

    @ParameterizedTest
    @MethodSource("cn.gov.lvliang.renewal.testing.corpus.HostileText#payloads")
    void aHostileUnitNameIsStoredAndReturnedVerbatimAsJson(String hostile) {
        String code = "INJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", hostile, "kind", "DEVELOPMENT_ZONE"))
                .post(UNITS)
                .then()
                .statusCode(201)
                .contentType("application/json")
                .body("name", equalTo(hostile));

        List<Map<String, Object>> units = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get(UNITS)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(units)
                .filteredOn(unit -> code.equals(unit.get("code")))
                .singleElement()
                .satisfies(unit -> assertThat(unit).containsEntry("name", hostile));
        assertThat(HostileText.rows("implementing_unit")).isPositive();
        assertThat(HostileText.rows("outbox_event")).isNotNegative();
    }

    @Test
    void hostileQueryValuesAreParametersNotSql() {
        HostileText.assertTreatedAsAValue(given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("county", HostileText.SQL_IN_QUERY)
                .get("/api/tasks/assignments"));
    }

    @Test
    void aCrlfInAHeaderCannotInjectAResponseHeader() {
        HostileText.assertCrInHeaderInjectsNothing(root, UNITS, TestTokens.cityAdmin());
    }
}
