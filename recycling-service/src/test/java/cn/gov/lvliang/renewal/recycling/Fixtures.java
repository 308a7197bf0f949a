package cn.gov.lvliang.renewal.recycling;

import static io.restassured.RestAssured.given;

import cn.gov.lvliang.renewal.recycling.messaging.RecyclingEvents;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.TestIdentifiers;
import cn.gov.lvliang.renewal.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Test data made through the API, as a user would. */
public final class Fixtures {

    public static final String ENTERPRISES = "/api/recycling/enterprises";

    private Fixtures() {}

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public static Map<String, Object> enterprise(
            String creditCode, String type, String county, LocalDate validFrom, LocalDate validTo, String status) {
        Map<String, Object> qualification = new HashMap<>();
        qualification.put("licenceNumber", "LIC-" + UUID.randomUUID());
        qualification.put("scope", "报废机动车回收拆解");
        qualification.put("validFrom", validFrom.toString());
        qualification.put("validTo", validTo.toString());
        qualification.put("status", status);
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", creditCode);
        body.put("name", "吕梁测试企业" + creditCode.substring(10));
        body.put("type", type);
        body.put("county", county);
        body.put("address", "吕梁市离石区测试路 1 号");
        body.put("contactName", "李四光");
        body.put("contactPhone", "13812345678");
        body.put("qualification", qualification);
        return body;
    }

    /** Registers an enterprise of {@code type} whose qualification is valid from a year ago for a year ahead. */
    public static String qualified(String type, String county) {
        String creditCode = TestIdentifiers.creditCode();
        register(enterprise(creditCode, type, county, today().minusYears(1), today().plusYears(1), "VALID"));
        return creditCode;
    }

    public static void register(Map<String, Object> body) {
        given().auth()
                .oauth2(TestTokens.cityAdmin())
                .contentType(ContentType.JSON)
                .body(body)
                .post(ENTERPRISES)
                .then()
                .statusCode(201);
    }

    /** The events on {@code recycling.events} with this key and type, waiting up to 20 s for {@code count}. */
    public static List<JsonNode> events(String key, String type, int count) {
        ObjectMapper json = new ObjectMapper();
        List<ConsumerRecord<String, String>> records = KafkaTestClient.await(
                RecyclingEvents.TOPIC,
                r -> key.equals(r.key()) && r.value().contains("\"" + type + "\""),
                count,
                Duration.ofSeconds(20));
        return records.stream()
                .map(r -> {
                    try {
                        return json.readTree(r.value());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
