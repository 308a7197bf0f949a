package cn.gov.lvliang.renewal.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalInfraTest {

    @TempDir
    Path temp;

    @Test
    void postgresKeepsDataAcrossRestartAndRefusesATakenPort() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(temp.resolve("pg"), 0)) {
            pg.ensureDatabase("sample");
            pg.ensureDatabase("sample"); // idempotent
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("sample"), "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("create table t(v int)");
                s.execute("insert into t values (42)");
            }
            pg.restart();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("sample"), "postgres", "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select v from t")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
            IllegalStateException taken = assertThrows(
                    IllegalStateException.class, () -> EmbeddedPostgresServer.start(temp.resolve("pg2"), pg.port()));
            assertTrue(taken.getMessage().contains(String.valueOf(pg.port())));
        }
    }

    @Test
    void brokerDeliversRecordsAndSurvivesARestart() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(temp.resolve("kafka"), 0)) {
            send(broker, "before");
            broker.restart();
            send(broker, "after");
            Properties props = new Properties();
            props.putAll(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "local-infra-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("infra-test"));
                List<String> seen = new java.util.ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (seen.size() < 2 && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    records.forEach(r -> seen.add(r.value()));
                }
                assertEquals(List.of("before", "after"), seen);
            }
        }
    }

    private static void send(KafkaBroker broker, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("infra-test", "k", value)).get();
        }
    }
}
