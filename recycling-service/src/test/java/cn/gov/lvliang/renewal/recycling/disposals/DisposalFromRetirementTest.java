package cn.gov.lvliang.renewal.recycling.disposals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.lvliang.renewal.recycling.Fixtures;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Retirement events from equipment-inventory-service open disposal records, closed with their outcome. */
@QuarkusTest
class DisposalFromRetirementTest {

    private static final String TOPIC = "equipment.events";
    private static final String PATH = "/api/recycling/disposals";

    /** An event in equipment-inventory-service's documented format, with a field we do not know. */
    static String equipmentRetired(String eventId, String equipmentId, String county) {
        return """
                {"specversion":"1.0","id":"%s","source":"/equipment-inventory-service",
                 "type":"cn.gov.lvliang.equipment.equipment.retired.v1","subject":"%s",
                 "time":"2026-11-29T08:00:00Z","datacontenttype":"application/json",
                 "data":{"equipmentId":"%s","unitCreditCode":"%s","county":"%s","name":"燃煤锅炉 4t/h",
                   "category":"工业锅炉","retiredOn":"2025-03-01","disposal":"SCRAP","sector":"焦化"}}
                """.formatted(eventId, equipmentId, equipmentId, TestIdentifiers.creditCode(), county);
    }

    private static long awaitRecord(String equipmentId) {
        long[] id = new long[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    id[0] = given().auth()
                            .oauth2(TestTokens.cityAdmin())
                            .queryParam("equipmentId", equipmentId)
                            .get(PATH)
                            .then()
                            .statusCode(200)
                            .body("total", equalTo(1))
                            .extract()
                            .jsonPath()
                            .getLong("items[0].id");
                });
        return id[0];
    }

    @Test
    void aRetirementOpensOneDisposalThatIsClosedWithItsOutcome() {
        String equipmentId = "EQ-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        KafkaTestClient.send(TOPIC, equipmentId, equipmentRetired(eventId, equipmentId, "141121"));
        // redelivery and a second announcement of the same equipment change nothing
        KafkaTestClient.send(TOPIC, equipmentId, equipmentRetired(eventId, equipmentId, "141121"));
        KafkaTestClient.send(
                TOPIC, equipmentId, equipmentRetired(UUID.randomUUID().toString(), equipmentId, "141121"));
        long id = awaitRecord(equipmentId);
        String marker = "EQ-" + UUID.randomUUID();
        KafkaTestClient.send(
                TOPIC, equipmentId, equipmentRetired(UUID.randomUUID().toString(), marker, "141121"));
        awaitRecord(marker);
        awaitRecord(equipmentId);

        given().auth()
                .oauth2(TestTokens.countyOfficer("141121"))
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("plannedDisposal", equalTo("SCRAP"))
                .body("retiredOn", equalTo("2025-03-01"));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141124"))
                .get(PATH + "/" + id)
                .then()
                .statusCode(404);

        String dismantler = Fixtures.qualified("DISMANTLER", "141121");
        Map<String, Object> close = Map.of(
                "outcome",
                "SCRAPPED",
                "handlerCreditCode",
                dismantler,
                "closedOn",
                Fixtures.today().toString(),
                "materials",
                Map.of("steelKg", 3200, "nonFerrousKg", 150, "plasticsKg", 0, "glassKg", 0, "otherKg", 80));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141124"))
                .contentType(ContentType.JSON)
                .body(close)
                .post(PATH + "/" + id + "/outcome")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.countyOfficer("141121"))
                .contentType(ContentType.JSON)
                .body(close)
                .post(PATH + "/" + id + "/outcome")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("outcome", equalTo("SCRAPPED"))
                .body("handlerCreditCode", equalTo(dismantler))
                .body("materials.steelKg", equalTo(3200));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141121"))
                .contentType(ContentType.JSON)
                .body(close)
                .post(PATH + "/" + id + "/outcome")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:lvliang:renewal:problem:disposal-closed"));
        // the handling enterprise now reads it
        given().auth()
                .oauth2(TestTokens.enterprise("dismantler", dismantler))
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.equipmentId", hasItem(equipmentId));
    }

    @Test
    void aRetirementWithoutTheEquipmentIdIsDeadLetteredAndTheStreamGoesOn() {
        String key = "EQ-BAD-" + UUID.randomUUID();
        KafkaTestClient.send(TOPIC, key, """
                {"specversion":"1.0","id":"%s","source":"/equipment-inventory-service",
                 "type":"cn.gov.lvliang.equipment.equipment.retired.v1",
                 "data":{"unitCreditCode":"91141100MA0K0000XA","county":"141121","name":"锅炉","retiredOn":"2025-03-01"}}
                """.formatted(UUID.randomUUID()));
        String after = "EQ-" + UUID.randomUUID();
        KafkaTestClient.send(TOPIC, after, equipmentRetired(UUID.randomUUID().toString(), after, "141121"));
        awaitRecord(after);

        List<ConsumerRecord<String, String>> dead =
                KafkaTestClient.await(TOPIC + ".dlq", r -> key.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dlq-consumer").value(), StandardCharsets.UTF_8))
                .isEqualTo("disposal-records");
        assertThat(new String(dead.get(0).headers().lastHeader("dlq-reason").value(), StandardCharsets.UTF_8))
                .contains("equipmentId");
    }
}
