package cn.gov.lvliang.renewal.tasks.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every topic this service consumes: a poison record lands on {@code <topic>.dlq} with its reason
 * and the consumer's name, and the good event behind it is applied, so the stream goes on.
 */
@QuarkusTest
class PoisonEventsTest {

    @ParameterizedTest
    @ValueSource(strings = {"recycling.events", "subsidy.events", "equipment.events"})
    void aPoisonRecordIsDeadLetteredWithItsReasonAndTheNextEventIsApplied(String topic) throws Exception {
        String key = "poison-" + UUID.randomUUID();
        String goodId = UUID.randomUUID().toString();
        KafkaTestClient.send(topic, key, "{\"specversion\":\"1.0\",\"id\":"); // truncated JSON
        KafkaTestClient.send(topic, key, """
                {"specversion":"1.0","id":"%s","source":"/test","type":"cn.gov.lvliang.test.nothing.happened.v1",
                 "subject":"%s","time":"2025-05-01T00:00:00Z","datacontenttype":"application/json","data":{}}
                """.formatted(goodId, key));

        var dead = KafkaTestClient.await(topic + ".dlq", r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, String> record = dead.get(0);
        assertThat(header(record, "dlq-consumer")).isEqualTo("indicator-actuals");
        assertThat(header(record, "dlq-source-topic")).isEqualTo(topic);
        assertThat(header(record, "dlq-reason")).contains("not a CloudEvents JSON envelope");

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> inbox(goodId) == 1);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static long inbox(String eventId) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        SuiteInfrastructure.postgres().jdbcUrl("app"), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from inbox_event where consumer = 'indicator-actuals' and event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
