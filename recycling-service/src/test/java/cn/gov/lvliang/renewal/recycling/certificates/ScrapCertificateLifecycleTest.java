package cn.gov.lvliang.renewal.recycling.certificates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.Fixtures;
import cn.gov.lvliang.renewal.recycling.messaging.RecyclingEvents;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Qualification rule, corrections as versions, voiding and deregistration of scrap certificates. */
@QuarkusTest
class ScrapCertificateLifecycleTest {

    private static final String PATH = "/api/recycling/scrap-certificates";

    private static String newNumber() {
        return "LL-LC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static void issue(String token, Map<String, Object> body, int status, String problemType) {
        var response = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(status);
        if (problemType != null) {
            response.contentType("application/problem+json")
                    .body("type", equalTo("urn:lvliang:renewal:problem:" + problemType));
        }
    }

    private static String issued(String dismantler) {
        String number = newNumber();
        issue(
                TestTokens.enterprise(Roles.DISMANTLER, dismantler),
                ScrapCertificateResourceTest.certificate(
                        dismantler, number, TestIdentifiers.residentId(), TestIdentifiers.vin()),
                201,
                null);
        return number;
    }

    @Test
    void onlyADismantlerWithAValidUnexpiredQualificationMayIssue() {
        // expired yesterday
        String expired = TestIdentifiers.creditCode();
        Fixtures.register(Fixtures.enterprise(
                expired,
                "DISMANTLER",
                "141124",
                Fixtures.today().minusYears(3),
                Fixtures.today().minusDays(1),
                "VALID"));
        // suspended
        String suspended = TestIdentifiers.creditCode();
        Fixtures.register(Fixtures.enterprise(
                suspended,
                "DISMANTLER",
                "141124",
                Fixtures.today().minusYears(1),
                Fixtures.today().plusYears(1),
                "SUSPENDED"));
        // valid, but a recycler, not a dismantler
        String recycler = Fixtures.qualified("RENEWABLE_RESOURCE_RECYCLER", "141124");
        // never registered
        String unknown = TestIdentifiers.creditCode();

        for (String creditCode : List.of(expired, suspended, recycler, unknown)) {
            String number = newNumber();
            issue(
                    TestTokens.enterprise(Roles.DISMANTLER, creditCode),
                    ScrapCertificateResourceTest.certificate(
                            creditCode, number, TestIdentifiers.residentId(), TestIdentifiers.vin()),
                    403,
                    "not-qualified");
            given().auth()
                    .oauth2(TestTokens.cityAdmin())
                    .get(PATH + "/" + number)
                    .then()
                    .statusCode(404);
        }
        // the same request from a qualified dismantler passes
        issued(Fixtures.qualified("DISMANTLER", "141124"));
    }

    @Test
    void aBadPlateIs400NamingTheField() {
        String dismantler = Fixtures.qualified("DISMANTLER", "141124");
        Map<String, Object> body = ScrapCertificateResourceTest.certificate(
                dismantler, newNumber(), TestIdentifiers.residentId(), TestIdentifiers.vin());
        body.put("plate", "JJ12345");
        body.put("ownerPhone", "12345");
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.DISMANTLER, dismantler))
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("plate"))
                .body("errors.field", hasItem("ownerPhone"));
    }

    @Test
    void aCorrectionAddsAVersionKeepsTheIssuedOneAndIsAnnounced() {
        String dismantler = Fixtures.qualified("DISMANTLER", "141124");
        String token = TestTokens.enterprise(Roles.DISMANTLER, dismantler);
        String number = issued(dismantler);

        Map<String, Object> corrected = ScrapCertificateResourceTest.certificate(
                dismantler, number, TestIdentifiers.residentId(), TestIdentifiers.vin());
        corrected.remove("certificateNumber");
        corrected.remove("dismantlerCreditCode");
        corrected.put("engineNumber", "CEA999999");
        Map<String, Object> correction = new HashMap<>();
        correction.put("corrected", corrected);
        correction.put("reason", "发动机号录入错误");
        correction.put("version", 1);

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(correction)
                .post(PATH + "/" + number + "/corrections")
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("engineNumber", equalTo("CEA999999"));
        // correcting version 1 again is stale
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(correction)
                .post(PATH + "/" + number + "/corrections")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // another dismantler cannot see it, let alone correct it
        String other = Fixtures.qualified("DISMANTLER", "141124");
        correction.put("version", 2);
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.DISMANTLER, other))
                .contentType(ContentType.JSON)
                .body(correction)
                .post(PATH + "/" + number + "/corrections")
                .then()
                .statusCode(404);

        given().auth()
                .oauth2(TestTokens.countyOfficer("141124"))
                .get(PATH + "/" + number + "/versions")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].version", equalTo(1))
                .body("[0].engineNumber", equalTo("CEA123456"))
                .body("[0].reason", equalTo("issued"))
                .body("[1].version", equalTo(2))
                .body("[1].engineNumber", equalTo("CEA999999"))
                .body("[1].reason", equalTo("发动机号录入错误"))
                .body("[1].owner.name", equalTo("张**"));

        List<JsonNode> events = Fixtures.events(number, RecyclingEvents.CERTIFICATE_CORRECTED, 1);
        assertThat(events).hasSize(1);
        JsonNode data = events.get(0).path("data");
        assertThat(data.path("version").asInt()).isEqualTo(2);
        assertThat(data.path("engineNumber").asText()).isEqualTo("CEA999999");
        assertThat(data.path("certificateNumber").asText()).isEqualTo(number);
        assertThat(data.path("owner").path("idNumberHash").asText()).hasSize(64);
        assertThat(events.get(0).toString()).doesNotContain("张三丰").doesNotContain("13912345678");
    }

    @Test
    void voidingNeedsAReasonIsAnnouncedOnKafkaAndFreezesTheCertificate() {
        String dismantler = Fixtures.qualified("DISMANTLER", "141124");
        String token = TestTokens.enterprise(Roles.DISMANTLER, dismantler);
        String number = issued(dismantler);

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", " "))
                .post(PATH + "/" + number + "/void")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "重复签发"))
                .post(PATH + "/" + number + "/void")
                .then()
                .statusCode(200)
                .body("status", equalTo("VOIDED"))
                .body("voidReason", equalTo("重复签发"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .post(PATH + "/" + number + "/void")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:lvliang:renewal:problem:certificate-voided"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("deregisteredOn", "2024-08-20"))
                .put(PATH + "/" + number + "/deregistration")
                .then()
                .statusCode(409);

        List<JsonNode> events = Fixtures.events(number, RecyclingEvents.CERTIFICATE_VOIDED, 1);
        assertThat(events).hasSize(1);
        JsonNode data = events.get(0).path("data");
        assertThat(data.path("certificateNumber").asText()).isEqualTo(number);
        assertThat(data.path("reason").asText()).isEqualTo("重复签发");
        assertThat(data.path("voidedAt").asText()).isNotBlank();
        assertThat(events.get(0).path("subject").asText()).isEqualTo(number);
    }

    @Test
    void deregistrationIsRecordedOnceAndAnnounced() {
        String dismantler = Fixtures.qualified("DISMANTLER", "141124");
        String number = issued(dismantler);
        String officer = TestTokens.countyOfficer("141124");

        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Map.of("deregisteredOn", "2024-07-01"))
                .put(PATH + "/" + number + "/deregistration")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("deregisteredOn"));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141123"))
                .contentType(ContentType.JSON)
                .body(Map.of("deregisteredOn", "2024-08-20"))
                .put(PATH + "/" + number + "/deregistration")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Map.of("deregisteredOn", "2024-08-20"))
                .put(PATH + "/" + number + "/deregistration")
                .then()
                .statusCode(200)
                .body("deregisteredOn", equalTo("2024-08-20"));
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Map.of("deregisteredOn", "2024-08-21"))
                .put(PATH + "/" + number + "/deregistration")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:lvliang:renewal:problem:already-deregistered"));

        List<JsonNode> events = Fixtures.events(number, RecyclingEvents.VEHICLE_DEREGISTERED, 1);
        assertThat(events).hasSize(1);
        JsonNode data = events.get(0).path("data");
        assertThat(data.path("certificateNumber").asText()).isEqualTo(number);
        assertThat(data.path("county").asText()).isEqualTo("141124");
        assertThat(data.path("deregisteredOn").asText()).isEqualTo("2024-08-20");
    }
}
