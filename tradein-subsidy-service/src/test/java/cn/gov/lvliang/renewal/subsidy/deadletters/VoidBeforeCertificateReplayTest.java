package cn.gov.lvliang.renewal.subsidy.deadletters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A certificate.voided that arrives before its certificate (whose vehicle.scrapped was dead-lettered
 * or is late) is dead-lettered, not dropped; once the certificate is there, replaying the void
 * through this service's dead-letter endpoint voids it, once. Real broker and database.
 */
@QuarkusTest
class VoidBeforeCertificateReplayTest {

    private static final String TOPIC = "recycling.events";
    private static final String DEAD_LETTERS = "/api/subsidies/dead-letters";
    private static final String CERTIFICATES = "/api/subsidies/scrap-certificates/";

    private static String scrapped(String number) {
        return """
                {"specversion":"1.0","id":"%s","source":"/recycling-service",
                 "type":"cn.gov.lvliang.recycling.vehicle.scrapped.v1","subject":"%s",
                 "time":"2026-11-29T08:00:00Z","datacontenttype":"application/json",
                 "data":{"certificateNumber":"%s","dismantlerCreditCode":"%s","county":"141124","vin":"%s",
                   "firstRegistrationDate":"2010-05-01","handoverDate":"2024-08-01","powerType":"FUEL",
                   "owner":{"idNumberHash":"%s","idNumberMasked":"1411**********123X","nameMasked":"张*"}}}
                """.formatted(
                        UUID.randomUUID(),
                        number,
                        number,
                        TestIdentifiers.creditCode(),
                        TestIdentifiers.vin(),
                        "cd".repeat(32));
    }

    private static JsonPath replay(Map<String, Object> body) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .post(DEAD_LETTERS + "/replay")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aVoidBeforeItsCertificateIsDeadLetteredAndVoidsItWhenReplayedAfterIt() {
        String number = "LL-DLQ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String voidId = UUID.randomUUID().toString();
        KafkaTestClient.send(TOPIC, number, """
                {"specversion":"1.0","id":"%s","source":"/recycling-service",
                 "type":"cn.gov.lvliang.recycling.certificate.voided.v1","subject":"%s",
                 "data":{"certificateNumber":"%s","reason":"重复签发","voidedAt":"2024-10-05T03:00:00Z"}}
                """.formatted(voidId, number, number));
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.await(
                TOPIC + ".dlq",
                r -> number.equals(r.key()) && "scrap-certificate-read-model".equals(header(r, "dlq-consumer")),
                1,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), "dlq-reason")).contains("never recorded here");

        // the certificate arrives (late, or replayed from the DLQ): valid until the void is replayed
        KafkaTestClient.send(TOPIC, number, scrapped(number));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.cityAdmin())
                        .get(CERTIFICATES + number)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("VALID")));

        Map<String, Object> position = Map.of(
                "topic",
                TOPIC,
                "partition",
                dead.get(0).partition(),
                "offset",
                dead.get(0).offset());
        assertThat(replay(position).getString("records[0].outcome")).isEqualTo("APPLIED");
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .get(CERTIFICATES + number)
                .then()
                .statusCode(200)
                .body("status", equalTo("VOIDED"));
        assertThat(replay(position).getString("records[0].outcome")).isEqualTo("ALREADY_APPLIED");

        List<Map<String, Object>> listed = given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("topic", TOPIC)
                .queryParam("applied", true)
                .queryParam("size", 200)
                .get(DEAD_LETTERS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        List<Map<String, Object>> mine =
                listed.stream().filter(e -> voidId.equals(e.get("eventId"))).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0)).containsEntry("applied", true).containsEntry("subject", number);
    }

    private static String header(ConsumerRecord<String, String> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
