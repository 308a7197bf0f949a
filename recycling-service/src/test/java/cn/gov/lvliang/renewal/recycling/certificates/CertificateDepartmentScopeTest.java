package cn.gov.lvliang.renewal.recycling.certificates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Department officers read the recycling areas of their responsibility (issue 20 §2): 市商务局
 * (swj) reads scrap certificates of every county, 市工信局 (gxj) does not, until the city changes its
 * responsibility. An unknown department code answers 403.
 */
@QuarkusTest
class CertificateDepartmentScopeTest {

    private static final String PATH = "/api/recycling/scrap-certificates";

    @Test
    void commerceReadsCertificatesAndIndustryDoesNotUntilTheCitySaysSo() {
        String dismantler = Fixtures.qualified("DISMANTLER", "141126");
        String number = "LL-DEPT-" + System.nanoTime() % 1_000_000_000;
        Map<String, Object> body = ScrapCertificateResourceTest.certificate(
                dismantler, number, TestIdentifiers.residentId(), TestIdentifiers.vin());
        body.put("county", "141126");
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.DISMANTLER, dismantler))
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(201);

        given().auth().oauth2(officer("SWJ")).get(PATH + "/" + number).then().statusCode(200);
        assertThat(list(officer("swj"))).contains(number);
        given().auth().oauth2(officer("gxj")).get(PATH + "/" + number).then().statusCode(404);
        assertThat(list(officer("gxj"))).doesNotContain(number);

        try {
            areas("GXJ", List.of("REMANUFACTURING", "BATTERIES", "SCRAP_CERTIFICATES"));
            given().auth()
                    .oauth2(officer("gxj"))
                    .get(PATH + "/" + number)
                    .then()
                    .statusCode(200);
        } finally {
            areas("gxj", List.of("REMANUFACTURING", "BATTERIES"));
        }
        given().auth().oauth2(officer("gxj")).get(PATH + "/" + number).then().statusCode(404);
    }

    @Test
    void anUnknownDepartmentCodeAnswers403() {
        given().auth()
                .oauth2(officer("commerce"))
                .get(PATH)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lvliang:renewal:problem:unknown-scope"));
    }

    private static List<String> list(String token) {
        return given().auth()
                .oauth2(token)
                .queryParam("size", 200)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("items.certificateNumber");
    }

    private static void areas(String department, List<String> areas) {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("areas", areas))
                .put("/api/recycling/responsibilities/" + department)
                .then()
                .statusCode(200)
                .body("department", equalTo("gxj"));
    }

    private static String officer(String department) {
        return TestTokens.token(Roles.DEPARTMENT_OFFICER, Map.of(Caller.DEPARTMENT_CLAIM, department));
    }
}
