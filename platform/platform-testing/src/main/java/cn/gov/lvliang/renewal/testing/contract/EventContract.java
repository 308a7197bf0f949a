package cn.gov.lvliang.renewal.testing.contract;

import cn.gov.lvliang.renewal.testing.SuiteInfrastructure;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The event contract of a service (事件契约), for its tests: every type its code declares is in the
 * catalogue, and every record really published on its topic during the module's tests conforms.
 */
public final class EventContract {

    private static final String PREFIX = "cn.gov.lvliang.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContract() {}

    /**
     * The CloudEvents types a service declares: the values of the public static final String
     * constants of its events classes (such as {@code RecyclingEvents}) that name a type.
     */
    public static Set<String> declaredTypes(Class<?>... eventsClasses) {
        Set<String> out = new TreeSet<>();
        for (Class<?> c : eventsClasses) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                    try {
                        f.setAccessible(true);
                        String value = (String) f.get(null);
                        if (value != null && value.startsWith(PREFIX) && value.matches(".+\\.v[0-9]+")) {
                            out.add(value);
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return out;
    }

    /** The types in {@code declared} that the catalogue lacks. */
    public static Set<String> undocumented(EventCatalogue catalogue, Set<String> declared) {
        Set<String> out = new TreeSet<>(declared);
        out.removeAll(catalogue.types());
        return out;
    }

    /** What was found on a topic. */
    public record Report(int records, Set<String> typesSeen, List<String> violations) {}

    /**
     * Reads every record on {@code topic} of the test broker, from the beginning to the current
     * end, and checks each one against the catalogue.
     */
    public static Report check(EventCatalogue catalogue, String topic, Duration timeout) {
        Properties props = new Properties();
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SuiteInfrastructure.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "contract-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Set<String> seen = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        int records = 0;
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    records++;
                    List<String> problems = catalogue.violations(topic, record.value());
                    if (problems.isEmpty()) {
                        seen.add(type(record.value()));
                    } else {
                        violations.add(topic + "@" + record.partition() + ":" + record.offset() + " " + problems);
                    }
                }
            }
            if (!reached(consumer, end)) {
                violations.add("could not read " + topic + " to its end within " + timeout);
            }
        }
        return new Report(records, seen, violations);
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static String type(String value) {
        try {
            return JSON.readTree(value).path("type").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
