package cn.gov.lvliang.renewal.recycling.deadletters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Dead letters of recycling-service's consumer of {@code equipment.events}, end to end on the real
 * broker and database: a retirement that cannot be stored (a trigger in the real database refuses
 * its disposal record, standing in for a fault that is later fixed) lands on {@code
 * equipment.events.dlq}; the listing shows it without the event's data; replayed while the fault is
 * still there it goes back to the DLQ; once the fault is gone, a replay applies it once and every
 * further replay changes nothing.
 */
@QuarkusTest
class DeadLetterReplayTest {

    private static final String TOPIC = "equipment.events";
    private static final String PATH = "/api/recycling/dead-letters";
    private static final String EQUIPMENT_NAME = "燃煤锅炉 4t/h 死信测试";

    private static Connection database() throws Exception {
        return DriverManager.getConnection(SuiteInfrastructure.postgres().jdbcUrl("app"), "postgres", "postgres");
    }

    private static String retired(String eventId, String equipmentId, String unitCreditCode) {
        return """
                {"specversion":"1.0","id":"%s","source":"/equipment-inventory-service",
                 "type":"cn.gov.lvliang.equipment.equipment.retired.v1","subject":"%s",
                 "time":"2026-11-29T08:00:00Z","datacontenttype":"application/json",
                 "data":{"equipmentId":"%s","unitCreditCode":"%s","county":"141121","name":"%s",
                   "category":"工业锅炉","retiredOn":"2025-03-01","disposal":"SCRAP"}}
                """.formatted(eventId, equipmentId, equipmentId, unitCreditCode, EQUIPMENT_NAME);
    }

    private static long disposals(String equipmentId) throws Exception {
        try (Connection c = database();
                PreparedStatement s =
                        c.prepareStatement("select count(*) from disposal_record where equipment_id = ?")) {
            s.setString(1, equipmentId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JsonPath list() {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("topic", TOPIC)
                .queryParam("size", 200)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath replay(Map<String, Object> body) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH + "/replay")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aDeadLetterIsListedWithoutItsDataAndReplayedOnceAfterTheFaultIsFixed() throws Exception {
        String equipmentId = "EQ-DLQ-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String unit = TestIdentifiers.creditCode();
        String trigger = "test_block_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = database();
                Statement s = c.createStatement()) {
            s.execute("create function " + trigger + "() returns trigger language plpgsql as $$ begin"
                    + " if new.equipment_id = '" + equipmentId + "' then"
                    + " raise exception 'disposal of % refused for the test', new.equipment_id; end if;"
                    + " return new; end $$");
            s.execute("create trigger " + trigger + " before insert on disposal_record for each row execute function "
                    + trigger + "()");
        }
        try {
            KafkaTestClient.send(TOPIC, equipmentId, retired(eventId, equipmentId, unit));
            List<ConsumerRecord<String, String>> dead =
                    KafkaTestClient.await(TOPIC + ".dlq", r -> equipmentId.equals(r.key()), 1, Duration.ofSeconds(60));
            assertThat(dead).hasSize(1);
            int partition = dead.get(0).partition();
            long offset = dead.get(0).offset();
            assertThat(disposals(equipmentId)).isZero();

            // the listing: envelope and reason, not the data
            String listing = given().auth()
                    .oauth2(TestTokens.cityAdmin())
                    .queryParam("topic", TOPIC)
                    .get(PATH)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(listing)
                    .doesNotContain(EQUIPMENT_NAME)
                    .doesNotContain(unit)
                    .doesNotContain("\"data\"");
            Map<String, Object> letter = entry(list(), equipmentId, offset);
            assertThat(letter)
                    .containsEntry("partition", partition)
                    .containsEntry("consumer", "disposal-records")
                    .containsEntry("eventId", eventId)
                    .containsEntry("eventType", "cn.gov.lvliang.equipment.equipment.retired.v1")
                    .containsEntry("subject", equipmentId)
                    .containsEntry("sourceTopic", TOPIC)
                    .containsEntry("applied", false);
            assertThat((String) letter.get("reason")).contains("refused for the test");
            assertThat(letter.get("deadLetteredAt")).isNotNull();

            // replayed while the fault is still there: back to the DLQ, nothing stored
            JsonPath failed = replay(Map.of("topic", TOPIC, "partition", partition, "offset", offset));
            assertThat(failed.getString("records[0].outcome")).isEqualTo("DEAD_LETTERED_AGAIN");
            assertThat(failed.getInt("deadLetteredAgain")).isEqualTo(1);
            assertThat(KafkaTestClient.await(
                            TOPIC + ".dlq", r -> equipmentId.equals(r.key()), 2, Duration.ofSeconds(30)))
                    .hasSize(2);
            assertThat(disposals(equipmentId)).isZero();

            // the fault is fixed: the replay applies the event, once
            try (Connection c = database();
                    Statement s = c.createStatement()) {
                s.execute("drop trigger " + trigger + " on disposal_record");
            }
            JsonPath applied = replay(Map.of("topic", TOPIC, "partition", partition, "offset", offset));
            assertThat(applied.getString("records[0].outcome")).isEqualTo("APPLIED");
            assertThat(applied.getString("records[0].eventId")).isEqualTo(eventId);
            assertThat(disposals(equipmentId)).isEqualTo(1);

            // again, one record or all of them: nothing changes
            JsonPath again = replay(Map.of("topic", TOPIC, "partition", partition, "offset", offset));
            assertThat(again.getString("records[0].outcome")).isEqualTo("ALREADY_APPLIED");
            JsonPath all = replay(Map.of("topic", TOPIC));
            List<Map<String, Object>> mine = all.<Map<String, Object>>getList("records").stream()
                    .filter(r -> eventId.equals(r.get("eventId")))
                    .toList();
            assertThat(mine).hasSize(1); // the newest dead letter of that source record only
            assertThat(mine.get(0)).containsEntry("outcome", "ALREADY_APPLIED");
            assertThat(disposals(equipmentId)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () -> assertThat(entry(list(), equipmentId, offset)).containsEntry("applied", true));
        } finally {
            try (Connection c = database();
                    Statement s = c.createStatement()) {
                s.execute("drop trigger if exists " + trigger + " on disposal_record");
                s.execute("drop function if exists " + trigger + "()");
            }
        }
    }

    @Test
    void aTopicThisServiceDoesNotConsumeOrAHalfPositionIsRefusedWithProblemJson() {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .header("Accept-Language", "en")
                .queryParam("topic", "subsidy.events")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("topic"));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("topic", "recycling.events.dlq"))
                .post(PATH + "/replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("topic"));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("topic", TOPIC, "partition", 0))
                .post(PATH + "/replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("offset"));
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("topic", TOPIC, "partition", 0, "offset", Long.MAX_VALUE - 1))
                .post(PATH + "/replay")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().auth()
                .oauth2(TestTokens.countyOfficer("141121"))
                .queryParam("topic", TOPIC)
                .get(PATH)
                .then()
                .statusCode(403);
    }

    @Test
    void theListingComesAPageAtATimeAndCanLeaveOutWhatWasApplied() {
        String key = "DLQ-PAGE-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            KafkaTestClient.send(TOPIC, key, "not a CloudEvent " + i); // poison: dead-lettered at once
        }
        KafkaTestClient.await(TOPIC + ".dlq", r -> key.equals(r.key()), 3, Duration.ofSeconds(60));

        JsonPath first = page(0, 2, false);
        long total = first.getLong("total");
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.getList("items")).hasSize(2);
        assertThat(first.getInt("page")).isZero();
        assertThat(first.getInt("size")).isEqualTo(2);
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; page * 2L < total; page++) {
            all.addAll(page(page, 2, false).getList("items"));
        }
        assertThat(all).hasSize((int) total);
        assertThat(all.stream().filter(e -> key.equals(e.get("key"))).toList())
                .hasSize(3)
                .allSatisfy(e -> assertThat(e).containsEntry("applied", false));
        assertThat(page((int) total, 2, false).getList("items")).isEmpty();
        assertThat(page(0, 200, true).<Map<String, Object>>getList("items")).noneMatch(e -> key.equals(e.get("key")));

        for (String size : List.of("0", "201")) {
            given().auth()
                    .oauth2(TestTokens.cityAdmin())
                    .queryParam("topic", TOPIC)
                    .queryParam("size", size)
                    .get(PATH)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("size"));
        }
    }

    private static JsonPath page(int page, int size, boolean applied) {
        return given().auth()
                .oauth2(TestTokens.cityAdmin())
                .queryParam("topic", TOPIC)
                .queryParam("applied", applied)
                .queryParam("page", page)
                .queryParam("size", size)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> entry(JsonPath listing, String key, long offset) {
        List<Map<String, Object>> entries = listing.getList("items");
        return entries.stream()
                .filter(e -> key.equals(e.get("key")) && ((Number) e.get("offset")).longValue() == offset)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter " + key + " at offset " + offset));
    }
}
