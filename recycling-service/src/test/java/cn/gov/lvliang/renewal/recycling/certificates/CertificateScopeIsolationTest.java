package cn.gov.lvliang.renewal.recycling.certificates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.Fixtures;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** County 141102 cannot read or write a 141123 scrap certificate, by list or by number. */
@QuarkusTest
class CertificateScopeIsolationTest {

    private static final String PATH = "/api/recycling/scrap-certificates";

    private static String number;
    private static String vin;

    /** Once per class: RestAssured knows the app's port only from the first test on. */
    @BeforeEach
    void aCertificateIn141123() {
        if (number != null) {
            return;
        }
        String dismantler = Fixtures.qualified("DISMANTLER", "141123");
        number = "LL-SCOPE-" + System.nanoTime() % 1_000_000_000;
        vin = TestIdentifiers.vin();
        Map<String, Object> body =
                ScrapCertificateResourceTest.certificate(dismantler, number, TestIdentifiers.residentId(), vin);
        body.put("county", "141123");
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.DISMANTLER, dismantler))
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(201);
    }

    @Test
    void readsByNumberAndByListShowNothing() {
        String officer = TestTokens.countyOfficer("141102");
        for (String path : List.of(PATH + "/" + number, PATH + "/" + number + "/versions")) {
            given().auth()
                    .oauth2(officer)
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("$", not(hasKey("vin")))
                    .body("$", not(hasKey("ownerIdNumber")));
        }
        for (String query : List.of("?vin=" + vin, "?county=141123", "?size=200")) {
            String body = given().auth()
                    .oauth2(officer)
                    .get(PATH + query)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(body).as("list " + query).doesNotContain(number).doesNotContain(vin);
        }
        given().auth()
                .oauth2(TestTokens.countyOfficer("141123"))
                .get(PATH + "/" + number)
                .then()
                .statusCode(200);
    }

    @Test
    void writesAre404() {
        given().auth()
                .oauth2(TestTokens.countyOfficer("141102"))
                .contentType(ContentType.JSON)
                .body(Map.of("deregisteredOn", "2024-08-20"))
                .put(PATH + "/" + number + "/deregistration")
                .then()
                .statusCode(404)
                .body("$", not(hasKey("vin")));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141123"))
                .get(PATH + "/" + number)
                .then()
                .statusCode(200)
                .body("deregisteredOn", org.hamcrest.Matchers.nullValue());
    }
}
