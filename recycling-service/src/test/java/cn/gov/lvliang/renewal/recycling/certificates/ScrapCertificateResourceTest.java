package cn.gov.lvliang.renewal.recycling.certificates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.recycling.RecyclingEvents;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScrapCertificateResourceTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PATH = "/api/recycling/scrap-certificates";

    private final String dismantler = TestIdentifiers.creditCode();
    private final String dismantlerToken = TestTokens.enterprise(Roles.DISMANTLER, dismantler);

    private Map<String, Object> certificate(String number, String ownerId, String vin) {
        return Map.of(
                "certificateNumber", number,
                "dismantlerCreditCode", dismantler,
                "county", "141124",
                "vin", vin,
                "ownerName", "张三丰",
                "ownerIdNumber", ownerId,
                "plate", "晋J12345",
                "firstRegistrationDate", "2010-05-01",
                "handoverDate", "2024-08-01",
                "powerType", "FUEL");
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
                            .doesNotContain("张三丰");
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
        assertThat(events.get(0).value()).doesNotContain(ownerId).doesNotContain("张三丰");
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
