package cn.gov.lvliang.renewal.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.lvliang.renewal.gateway.GatewayTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The gateway serves the web console at /console/ and sends / there; it checks no token on the way. */
@QuarkusTest
class ConsoleRouteTest {

    @Test
    void theRootAndBareConsolePathRedirectToTheConsole() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", "/console/");
        given().redirects().follow(false).get("/console").then().statusCode(302).header("Location", "/console/");
    }

    @Test
    void consolePagesArePassedOnWithoutATokenAndWithForwardedHeaders() {
        given().header("Cookie", "console_session=abc")
                .get("/console/dashboard?indicator=SCRAPPED_CARS")
                .then()
                .statusCode(200)
                .header("X-Backend", "console")
                .body("backend", equalTo("console"))
                .body("method", equalTo("GET"))
                .body("uri", equalTo("/console/dashboard?indicator=SCRAPPED_CARS"))
                .body("headers.cookie", equalTo("console_session=abc"))
                .body("headers.x-forwarded-host", startsWith("localhost"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                // not the API's no-referrer, with which browsers post the console's forms as "Origin: null"
                .header("Referrer-Policy", "same-origin")
                .header("Content-Security-Policy", startsWith("default-src 'self'"));
    }

    @Test
    void formPostsKeepTheirBody() {
        given().contentType(ContentType.URLENC)
                .formParam("role", "reviewer")
                .post("/console/sign-in")
                .then()
                .statusCode(201)
                .body("method", equalTo("POST"))
                .body("body", equalTo("role=reviewer"));
    }

    @Test
    void aConsoleThatIsDownIs503() {
        GatewayTestResource.console()
                .whileDown(() -> given().get("/console/")
                        .then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:lvliang:renewal:problem:backend-unavailable")));
    }
}
