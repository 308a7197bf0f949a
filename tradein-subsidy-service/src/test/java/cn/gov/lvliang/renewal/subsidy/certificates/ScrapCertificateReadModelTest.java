package cn.gov.lvliang.renewal.subsidy.certificates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The read model consumes events in the documented format from the real broker: certificates
 * appear, redeliveries change nothing, poison records are dead-lettered and the stream goes on.
 */
@QuarkusTest
class ScrapCertificateReadModelTest {

    private static final String TOPIC = "recycling.events";
    private static final String PATH = "/api/subsidies/scrap-certificates/";

    /** An event exactly as recycling-service publishes it (docs/events/recycling.md). */
    static String vehicleScrapped(String eventId, String number, String county, String vin) {
        return """
                {"specversion":"1.0","id":"%s","source":"/recycling-service",
                 "type":"cn.gov.lvliang.recycling.vehicle.scrapped.v1","subject":"%s",
                 "time":"2026-11-29T08:00:00Z","datacontenttype":"application/json",
                 "data":{"certificateNumber":"%s","dismantlerCreditCode":"%s","county":"%s","vin":"%s",
                   "firstRegistrationDate":"2010-05-01","handoverDate":"2024-08-01","powerType":"FUEL",
                   "owner":{"idNumberHash":"%s","idNumberMasked":"1411**********123X","nameMasked":"张*"}}}
                """.formatted(eventId, number, number, TestIdentifiers.creditCode(), county, vin, "ab".repeat(32));
    }

    private static String newNumber() {
        return "LL-RM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static void awaitKnown(String number) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.cityAdmin())
                        .get(PATH + number)
                        .then()
                        .statusCode(200));
    }

    @Test
    void aCertificateEventBecomesReadableWithTheOwnerMasked() {
        String number = newNumber();
        String vin = TestIdentifiers.vin();
        KafkaTestClient.send(TOPIC, number, vehicleScrapped(UUID.randomUUID().toString(), number, "141124", vin));

        awaitKnown(number);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141124"))
                .get(PATH + number)
                .then()
                .statusCode(200)
                .body("vin", equalTo(vin))
                .body("owner.idNumber", equalTo("1411**********123X"))
                .body("owner.name", equalTo("张*"))
                .body("status", equalTo("VALID"));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141123"))
                .get(PATH + number)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get(PATH + number).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void redeliveringTheSameEventChangesNothing() throws Exception {
        String number = newNumber();
        String eventId = UUID.randomUUID().toString();
        KafkaTestClient.send(TOPIC, number, vehicleScrapped(eventId, number, "141124", TestIdentifiers.vin()));
        awaitKnown(number);
        String before = row(number);

        // The same event again, even with altered data, and a later event as a marker.
        KafkaTestClient.send(TOPIC, number, vehicleScrapped(eventId, number, "141102", TestIdentifiers.vin()));
        KafkaTestClient.send(TOPIC, number, vehicleScrapped(eventId, number, "141102", TestIdentifiers.vin()));
        String marker = newNumber();
        KafkaTestClient.send(
                TOPIC, number, vehicleScrapped(UUID.randomUUID().toString(), marker, "141124", TestIdentifiers.vin()));
        awaitKnown(marker);

        assertThat(row(number)).isEqualTo(before);
        assertThat(count("select count(*) from inbox_event where event_id = ?", eventId))
                .isEqualTo(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheStreamGoesOn() {
        String key = "poison-" + UUID.randomUUID();
        KafkaTestClient.send(TOPIC, key, "{this is not json");
        String missingData = newNumber();
        KafkaTestClient.send(TOPIC, missingData, """
                {"specversion":"1.0","id":"%s","source":"/recycling-service",
                 "type":"cn.gov.lvliang.recycling.vehicle.scrapped.v1","data":{"certificateNumber":"%s"}}
                """.formatted(UUID.randomUUID(), missingData));
        String after = newNumber();
        KafkaTestClient.send(
                TOPIC, after, vehicleScrapped(UUID.randomUUID().toString(), after, "141124", TestIdentifiers.vin()));

        awaitKnown(after);
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.await(
                TOPIC + ".dlq", r -> key.equals(r.key()) || missingData.equals(r.key()), 2, Duration.ofSeconds(20));
        assertThat(dead).hasSize(2);
        for (ConsumerRecord<String, String> record : dead) {
            String reason = new String(record.headers().lastHeader("dlq-reason").value(), StandardCharsets.UTF_8);
            assertThat(reason).isNotBlank();
            if (key.equals(record.key())) {
                assertThat(reason).contains("not a CloudEvents JSON envelope");
            } else {
                assertThat(reason).contains("invalid data").contains("vin");
            }
            assertThat(new String(record.headers().lastHeader("dlq-consumer").value(), StandardCharsets.UTF_8))
                    .isEqualTo("scrap-certificate-read-model");
        }
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get(PATH + missingData)
                .then()
                .statusCode(404);
    }

    private static String row(String number) throws Exception {
        try (Connection c = connect();
                PreparedStatement s =
                        c.prepareStatement("select * from scrap_certificate where certificate_number = ?")) {
            s.setString(1, number);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                StringBuilder all = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    all.append(rs.getMetaData().getColumnName(i))
                            .append('=')
                            .append(rs.getObject(i))
                            .append(';');
                }
                return all.toString();
            }
        }
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(SuiteInfrastructure.postgres().jdbcUrl("app"), "postgres", "postgres");
    }
}
