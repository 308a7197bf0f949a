package cn.gov.lvliang.renewal.recycling.certificates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.Fixtures;
import cn.gov.lvliang.renewal.recycling.messaging.RecyclingEvents;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScrapCertificateResourceTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PATH = "/api/recycling/scrap-certificates";

    private String dismantler;
    private String dismantlerToken;

    @BeforeEach
    void registerAQualifiedDismantler() {
        dismantler = Fixtures.qualified("DISMANTLER", "141124");
        dismantlerToken = TestTokens.enterprise(Roles.DISMANTLER, dismantler);
    }

    static Map<String, Object> certificate(String dismantler, String number, String ownerId, String vin) {
        Map<String, Object> body = new HashMap<>();
        body.put("certificateNumber", number);
        body.put("dismantlerCreditCode", dismantler);
        body.put("county", "141124");
        body.put("vin", vin);
        body.put("ownerName", "张三丰");
        body.put("ownerIdNumber", ownerId);
        body.put("ownerPhone", "13912345678");
        body.put("ownerAddress", "吕梁市临县城庄镇某村 1 号");
        body.put("plate", "晋J12345");
        body.put("firstRegistrationDate", "2010-05-01");
        body.put("handoverDate", "2024-08-01");
        body.put("powerType", "FUEL");
        body.put("vehicleType", "小型普通客车");
        body.put("vehicleUse", "非营运");
        body.put("makeAndModel", "大众 SVW7182");
        body.put("kerbWeightKg", 1320);
        body.put("engineNumber", "CEA123456");
        return body;
    }

    private Map<String, Object> certificate(String number, String ownerId, String vin) {
        return certificate(dismantler, number, ownerId, vin);
    }

    private static String newNumber() {
        return "LL-TEST-" + System.nanoTime() % 1_000_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    @Test
    void issuesACertificateStoresNoPlaintextIdAndPublishesTheEventThroughTheOutbox() throws Exception {
        String number = newNumber();
        String ownerId = TestIdentifiers.residentId();
        String vin = TestIdentifiers.vin();

        given().auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body(certificate(number, ownerId, vin))
                .when()
                .post(PATH)
                .then()
                .statusCode(201)
                .header("Location", containsString(PATH + "/" + number))
                .body("certificateNumber", equalTo(number))
                .body("owner.idNumber", equalTo(ownerId.substring(0, 4) + "**********" + ownerId.substring(14)))
                .body("owner.name", equalTo("张**"))
                .body("owner.phone", equalTo("139****5678"))
                .body("owner.address", equalTo("吕梁市临县城****"))
                .body("kerbWeightKg", equalTo(1320))
                .body("version", equalTo(1))
                .body("status", equalTo("ISSUED"));

        try (Connection c = DriverManager.getConnection(
                        SuiteInfrastructure.postgres().jdbcUrl("app"), "postgres", "postgres");
                PreparedStatement s =
                        c.prepareStatement("select * from scrap_certificate where certificate_number = ?")) {
            s.setString(1, number);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertThat(String.valueOf(rs.getObject(i)))
                            .as(rs.getMetaData().getColumnName(i))
                            .doesNotContain(ownerId)
                            .doesNotContain("张三丰")
                            .doesNotContain("13912345678")
                            .doesNotContain("城庄镇");
                }
            }
        }

        try (Connection c = DriverManager.getConnection(
                        SuiteInfrastructure.postgres().jdbcUrl("app"), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("select r.* from scrap_certificate_revision r"
                        + " join scrap_certificate c on c.id = r.certificate_id where c.certificate_number = ?")) {
            s.setString(1, number);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("version 1 is stored").isTrue();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertThat(String.valueOf(rs.getObject(i)))
                            .as(rs.getMetaData().getColumnName(i))
                            .doesNotContain(ownerId)
                            .doesNotContain("张三丰")
                            .doesNotContain("13912345678")
                            .doesNotContain("城庄镇");
                }
            }
        }

        List<ConsumerRecord<String, String>> events =
                KafkaTestClient.await(RecyclingEvents.TOPIC, r -> number.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        JsonNode event = new ObjectMapper().readTree(events.get(0).value());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("type").asText()).isEqualTo(RecyclingEvents.VEHICLE_SCRAPPED);
        assertThat(event.path("subject").asText()).isEqualTo(number);
        assertThat(event.path("data").path("vin").asText()).isEqualTo(vin);
        assertThat(event.path("data").path("owner").path("idNumberHash").asText())
                .hasSize(64);
        assertThat(event.path("data").path("makeAndModel").asText()).isEqualTo("大众 SVW7182");
        assertThat(event.path("data").path("version").asInt()).isEqualTo(1);
        assertThat(events.get(0).value())
                .doesNotContain(ownerId)
                .doesNotContain("张三丰")
                .doesNotContain("13912345678")
                .doesNotContain("城庄镇");
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        given().contentType(ContentType.JSON)
                .body(certificate(newNumber(), TestIdentifiers.residentId(), TestIdentifiers.vin()))
                .when()
                .post(PATH)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("title", equalTo("未认证"));
    }

    @Test
    void aWrongVinCheckDigitIs400NamingTheFieldInChineseOrEnglish() {
        Map<String, Object> body =
                certificate(newNumber(), TestIdentifiers.residentId(), TestIdentifiers.vinWithWrongCheckDigit());
        given().auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lvliang:renewal:problem:validation"))
                .body("errors.field", hasItem("vin"))
                .body("errors.message", hasItem(containsString("GB 16735")))
                .body("errors.message", hasItem(containsString("校验位")))
                .body("$", not(org.hamcrest.Matchers.hasKey("stackTrace")));

        given().auth()
                .oauth2(dismantlerToken)
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(PATH)
                .then()
                .statusCode(400)
                .body("title", equalTo("Validation failed"))
                .body("errors.message", hasItem(containsString("check digit")));
    }

    @Test
    void malformedJsonAndWrongTypesAreProblemsNotServerErrors() {
        given().auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body("{\"certificateNumber\": ")
                .when()
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body("{\"handoverDate\": \"yesterday\"}")
                .when()
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("handoverDate"));
        given().auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body("{\"status\": \"VOIDED\"}")
                .when()
                .post(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void anotherEnterprisesCertificateCannotBeIssuedAndDuplicatesConflict() {
        String number = newNumber();
        Map<String, Object> body = certificate(number, TestIdentifiers.residentId(), TestIdentifiers.vin());
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.DISMANTLER, TestIdentifiers.creditCode()))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(PATH)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        // A dismantler role with another (unregistered) credit code naming itself: not qualified.
        String stranger = TestIdentifiers.creditCode();
        Map<String, Object> strangers =
                certificate(stranger, newNumber(), TestIdentifiers.residentId(), TestIdentifiers.vin());
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.DISMANTLER, stranger))
                .contentType(ContentType.JSON)
                .body(strangers)
                .when()
                .post(PATH)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:lvliang:renewal:problem:not-qualified"));
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.DEALER, dismantler))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(PATH)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(PATH)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:lvliang:renewal:problem:certificate-exists"));
    }

    @Test
    void readsAreScopedToTheCountyAndTheDismantler() {
        String number = newNumber();
        given().auth()
                .oauth2(dismantlerToken)
                .contentType(ContentType.JSON)
                .body(certificate(number, TestIdentifiers.residentId(), TestIdentifiers.vin()))
                .post(PATH)
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(TestTokens.countyOfficer("141124"))
                .get(PATH + "/" + number)
                .then()
                .statusCode(200);
        given().auth().oauth2(dismantlerToken).get(PATH + "/" + number).then().statusCode(200);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141123"))
                .get(PATH + "/" + number)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("$", not(org.hamcrest.Matchers.hasKey("vin")));
        given().auth()
                .oauth2(TestTokens.enterprise(Roles.DISMANTLER, TestIdentifiers.creditCode()))
                .get(PATH + "/" + number)
                .then()
                .statusCode(404);
    }

    @Test
    void theOutboxRelayExposesItsBacklogAndThroughputAsMetrics() {
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("outbox_backlog"))
                .body(containsString("outbox_published_total"));
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get("/api/recycling/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
