package cn.gov.lvliang.renewal.platform.events;

import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The dead letters (死信) of this service's consumers: what {@link EventConsumer} sent to {@code
 * <topic>.dlq}, listed and replayed.
 *
 * <p>A DLQ topic is shared by every service that consumes the source topic; each service sees and
 * replays only the records its own consumers dead-lettered ({@code dlq-consumer} header). The list
 * shows the envelope only (ids, type, key, reason, times), never the event's data.
 *
 * <p>Replay feeds a record through the same handlers, in this process, with {@link
 * Subscription#replay}: the inbox makes it idempotent (an event already applied changes nothing),
 * and a record that still fails is dead-lettered again, as a new DLQ record with the new reason.
 * Nothing is ever published to the source topic, which belongs to the service that produces it.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REASON = 500;

    /** What happened to one replayed record. */
    public enum Outcome {
        /** Applied now. */
        APPLIED,
        /** Already applied before (by the stream or an earlier replay): nothing changed. */
        ALREADY_APPLIED,
        /** Failed again and went back to the DLQ with the new reason. */
        DEAD_LETTERED_AGAIN
    }

    private final Instance<Subscriber> consumers;
    private final Inbox inbox;
    private final ObjectMapper json;
    private final String bootstrapServers;

    public DeadLetters(
            @Any Instance<Subscriber> consumers,
            Inbox inbox,
            ObjectMapper json,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.consumers = consumers;
        this.inbox = inbox;
        this.json = json;
        this.bootstrapServers = bootstrapServers;
    }

    /** The topics this service consumes, whose dead letters it can list and replay. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (Subscriber consumer : consumers) {
            topics.addAll(consumer.subscription().topics());
        }
        return topics;
    }

    /**
     * One page of this service's dead letters of {@code topic}, oldest first. The DLQ topic is read
     * to its end on every call (at most {@code READ_TIMEOUT}); the inbox is asked about the page's
     * letters only, or about every letter when {@code applied} filters on it. A DLQ that large is a
     * cause to fix first (docs/runbooks/dead-letters.md).
     *
     * @param applied only the letters whose event has ({@code true}) or has not ({@code false})
     *     been applied since; null for all
     * @throws cn.gov.lvliang.renewal.platform.problem.ProblemException 400 for a topic this service
     *     does not consume
     */
    public Page<DeadLetter> list(String topic, Boolean applied, int page, int size) {
        Map<String, Subscription> readers = readersOf(topic);
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        for (ConsumerRecord<String, String> record : read(topic + EventConsumer.DLQ_SUFFIX)) {
            String consumer = header(record, "dlq-consumer");
            if (consumer != null && readers.containsKey(consumer)) {
                mine.add(record);
            }
        }
        if (applied == null) {
            // nothing to filter on: only the page's letters are looked up in the inbox
            List<DeadLetter> items =
                    slice(mine, page, size).stream().map(this::describe).toList();
            return new Page<>(items, mine.size(), page, size);
        }
        List<DeadLetter> letters = mine.stream()
                .map(this::describe)
                .filter(letter -> letter.applied() == applied)
                .toList();
        return new Page<>(slice(letters, page, size), letters.size(), page, size);
    }

    private static <T> List<T> slice(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        return List.copyOf(all.subList(from, Math.min(from + size, all.size())));
    }

    /**
     * Replays one dead letter ({@code partition} and {@code offset} of the DLQ record) or, with
     * both null, every dead letter of this service's consumers of {@code topic} not applied yet
     * (the newest DLQ record of each source record, so that one that failed again is tried once).
     */
    public ReplayReport replay(String topic, Integer partition, Long offset) {
        Map<String, Subscription> readers = readersOf(topic);
        if ((partition == null) != (offset == null)) {
            throw Problems.invalidField(
                    partition == null ? "partition" : "offset",
                    null,
                    "field.dead-letter-position",
                    partition == null ? "partition" : "offset");
        }
        List<ConsumerRecord<String, String>> chosen = new ArrayList<>();
        Map<String, ConsumerRecord<String, String>> newestPerSource = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : read(topic + EventConsumer.DLQ_SUFFIX)) {
            String consumer = header(record, "dlq-consumer");
            if (consumer == null || !readers.containsKey(consumer)) {
                continue;
            }
            if (partition != null) {
                if (record.partition() == partition && record.offset() == offset) {
                    chosen.add(record);
                }
            } else {
                newestPerSource.put(
                        consumer + "|" + header(record, "dlq-source-topic") + "|"
                                + header(record, "dlq-source-partition") + "|" + header(record, "dlq-source-offset"),
                        record);
            }
        }
        if (partition != null && chosen.isEmpty()) {
            throw Problems.notFound(
                    "resource.dead-letter", topic + EventConsumer.DLQ_SUFFIX + "-" + partition + "@" + offset);
        }
        chosen.addAll(newestPerSource.values());
        chosen.sort(Comparator.comparingLong((ConsumerRecord<String, String> r) -> r.offset())
                .thenComparingInt(ConsumerRecord::partition));

        List<Replayed> replayed = new ArrayList<>();
        for (ConsumerRecord<String, String> record : chosen) {
            Subscription consumer = readers.get(header(record, "dlq-consumer"));
            String eventId = envelope(record.value()).map(e -> text(e, "id")).orElse(null);
            boolean before = eventId != null && inbox.applied(consumer.consumer(), eventId);
            Outcome outcome;
            if (before) {
                outcome = Outcome.ALREADY_APPLIED;
            } else {
                consumer.replay(original(record));
                outcome = eventId != null && inbox.applied(consumer.consumer(), eventId)
                        ? Outcome.APPLIED
                        : Outcome.DEAD_LETTERED_AGAIN;
            }
            LOG.infof(
                    "Replayed dead letter %s-%d@%d (event %s) for %s: %s",
                    record.topic(), record.partition(), record.offset(), eventId, consumer.consumer(), outcome);
            replayed.add(new Replayed(record.partition(), record.offset(), eventId, consumer.consumer(), outcome));
        }
        return ReplayReport.of(topic, replayed);
    }

    private Map<String, Subscription> readersOf(String topic) {
        Map<String, Subscription> readers = new LinkedHashMap<>();
        for (Subscriber consumer : consumers) {
            Subscription subscription = consumer.subscription();
            if (subscription.topics().contains(topic)) {
                readers.put(subscription.consumer(), subscription);
            }
        }
        if (readers.isEmpty()) {
            throw Problems.invalidField("topic", topic, "field.unknown-consumed-topic", String.join(", ", topics()));
        }
        return readers;
    }

    /** The record as it was on its source topic, without the dead-letter headers. */
    private static ConsumerRecord<String, String> original(ConsumerRecord<String, String> dead) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : dead.headers()) {
            if (!h.key().startsWith("dlq-")) {
                headers.add(h);
            }
        }
        String topic = Optional.ofNullable(header(dead, "dlq-source-topic"))
                .orElse(dead.topic().substring(0, dead.topic().length() - EventConsumer.DLQ_SUFFIX.length()));
        return new ConsumerRecord<>(
                topic,
                number(header(dead, "dlq-source-partition"), dead.partition()).intValue(),
                number(header(dead, "dlq-source-offset"), dead.offset()),
                dead.timestamp(),
                TimestampType.CREATE_TIME,
                -1,
                -1,
                dead.key(),
                dead.value(),
                headers,
                Optional.empty());
    }

    private DeadLetter describe(ConsumerRecord<String, String> record) {
        String consumer = header(record, "dlq-consumer");
        Optional<JsonNode> envelope = envelope(record.value());
        String eventId = envelope.map(e -> text(e, "id")).orElse(null);
        String reason = header(record, "dlq-reason");
        if (reason != null && reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON) + "…";
        }
        return new DeadLetter(
                record.partition(),
                record.offset(),
                record.key(),
                consumer,
                reason,
                instant(header(record, "dlq-time")),
                header(record, "dlq-source-topic"),
                number(header(record, "dlq-source-partition"), -1).intValue(),
                number(header(record, "dlq-source-offset"), -1),
                eventId,
                envelope.map(e -> text(e, "type")).orElse(null),
                envelope.map(e -> text(e, "source")).orElse(null),
                envelope.map(e -> text(e, "subject")).orElse(null),
                envelope.map(e -> instant(text(e, "time"))).orElse(null),
                eventId != null && inbox.applied(consumer, eventId));
    }

    /** The CloudEvents envelope, if the value is a JSON object; its data is never looked at. */
    private Optional<JsonNode> envelope(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(value);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode envelope, String field) {
        JsonNode value = envelope.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    /** Every record of {@code dlqTopic} up to its current end; none when the topic does not exist. */
    private List<ConsumerRecord<String, String>> read(String dlqTopic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.listTopics(READ_TIMEOUT).get(dlqTopic);
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "could not read " + dlqTopic + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
        }
        records.sort(Comparator.comparing((ConsumerRecord<String, String> r) -> r.timestamp())
                .thenComparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), READ_TIMEOUT) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static String header(ConsumerRecord<String, String> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long number(String text, long otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
