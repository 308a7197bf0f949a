package cn.gov.lvliang.renewal.equipment.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/equipment/imports?kind=} replaced {@code POST /api/equipment/imports/{kind}},
 * which a router or generated client could not tell from {@code GET /api/equipment/imports/{id}};
 * the old path keeps working for one release and says so in its headers (decision 0025).
 */
@QuarkusTest
class ImportPathsTest {

    private final String county = TestTokens.countyOfficer("141181");

    private byte[] emptyStatusTemplate() {
        return given().auth()
                .oauth2(county)
                .get("/api/equipment/lists/status/template")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    @Test
    void theNewPathTakesTheListAsAQueryParameterAndIsNotDeprecated() {
        given().auth()
                .oauth2(county)
                .multiPart("file", "status.xlsx", emptyStatusTemplate())
                .queryParam("kind", "status")
                .post("/api/equipment/imports")
                .then()
                .statusCode(200)
                .header("Deprecation", nullValue())
                .body("list", equalTo("status"))
                .body("status", equalTo("COMPLETED"));
    }

    @Test
    void theNewPathWithoutAListIsABadRequest() {
        given().auth()
                .oauth2(county)
                .multiPart("file", "status.xlsx", emptyStatusTemplate())
                .post("/api/equipment/imports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void theOldPathStillWorksWithDeprecationAndSunsetHeaders() {
        given().auth()
                .oauth2(county)
                .multiPart("file", "status.xlsx", emptyStatusTemplate())
                .post("/api/equipment/imports/status")
                .then()
                .statusCode(200)
                .header("Deprecation", equalTo(ImportResource.DEPRECATION))
                .header("Sunset", equalTo(ImportResource.SUNSET))
                .header("Link", equalTo(ImportResource.SUCCESSOR))
                .body("status", equalTo("COMPLETED"));
    }
}
