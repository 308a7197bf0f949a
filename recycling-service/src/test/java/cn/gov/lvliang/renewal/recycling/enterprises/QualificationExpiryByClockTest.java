package cn.gov.lvliang.renewal.recycling.enterprises;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.Fixtures;
import cn.gov.lvliang.renewal.recycling.TestClock;
import cn.gov.lvliang.renewal.recycling.certificates.ScrapCertificateResourceTestAccess;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Expiry is decided by the service's injected clock: moving it past validTo expires the licence. */
@QuarkusTest
class QualificationExpiryByClockTest {

    @AfterEach
    void backToNow() {
        TestClock.reset();
    }

    @Test
    void whenTheClockPassesValidToTheDismantlerIsRefusedAndListedAsExpired() {
        String code = TestIdentifiers.creditCode();
        Fixtures.register(Fixtures.enterprise(
                code,
                "DISMANTLER",
                "141123",
                Fixtures.today().minusYears(1),
                Fixtures.today().plusDays(3),
                "VALID"));
        String token = TestTokens.enterprise(Roles.DISMANTLER, code);

        // two days on: still valid, and warned about with one day left
        TestClock.shift(Duration.ofDays(2));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("withinDays", 1)
                .queryParam("size", 200)
                .get(Fixtures.ENTERPRISES + "/expiring-qualifications")
                .then()
                .statusCode(200)
                .body("items.find { it.creditCode == '" + code + "' }.daysLeft", equalTo(1));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(ScrapCertificateResourceTestAccess.certificate(code, newNumber()))
                .post("/api/recycling/scrap-certificates")
                .then()
                .statusCode(201);

        // five days on: expired
        TestClock.shift(Duration.ofDays(5));
        given().auth()
                .oauth2(token)
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(ScrapCertificateResourceTestAccess.certificate(code, newNumber()))
                .post("/api/recycling/scrap-certificates")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:lvliang:renewal:problem:not-qualified"))
                .body("detail", containsString("EXPIRED"));
        given().queryParam("county", "141123")
                .queryParam("licenceStatus", "EXPIRED")
                .queryParam("size", 200)
                .get("/api/recycling/public/enterprises")
                .then()
                .statusCode(200)
                .body("items.creditCode", hasItem(code));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("withinDays", 30)
                .queryParam("size", 200)
                .get(Fixtures.ENTERPRISES + "/expiring-qualifications")
                .then()
                .statusCode(200)
                .body("items.creditCode", not(hasItem(code)));
    }

    private static String newNumber() {
        return "LL-CLK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
