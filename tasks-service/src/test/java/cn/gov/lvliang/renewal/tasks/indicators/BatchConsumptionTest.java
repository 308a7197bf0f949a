package cn.gov.lvliang.renewal.tasks.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.platform.events.PoisonEventException;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@link EventConsumer#consumeAll}: the records of one poll are applied in one transaction, a
 * redelivered poll changes nothing, and one failing event neither blocks nor loses the others.
 */
@QuarkusTest
class BatchConsumptionTest {

    private static final String TOPIC = "tasks.events";

    @Inject
    EventConsumer events;

    @Inject
    EntityManager em;

    @Test
    void aPollIsAppliedInOneTransactionAndARedeliveryChangesNothing() {
        String consumer = "batch-test-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> poll = List.of(record(0), record(1), record(2), record(3));
        List<String> transactions = new CopyOnWriteArrayList<>();

        events.consumeAll(consumer, poll, event -> transactions.add(currentTransaction()));

        assertThat(transactions).hasSize(4);
        assertThat(Set.copyOf(transactions)).hasSize(1);

        events.consumeAll(consumer, poll, event -> transactions.add(currentTransaction()));
        assertThat(transactions).hasSize(4);
    }

    @Test
    void aBatchHandlerGetsOnlyTheEventsNotAppliedBeforeEachOnceInOrder() {
        String consumer = "batch-test-" + UUID.randomUUID();
        ConsumerRecord<String, String> first = record(0);
        ConsumerRecord<String, String> second = record(1);
        ConsumerRecord<String, String> third = record(2);
        events.consumeAll(consumer, List.of(first), event -> {});
        List<List<String>> batches = new CopyOnWriteArrayList<>();

        // first was applied before; second arrives twice in the same poll
        events.consumeBatch(
                consumer,
                List.of(first, second, third, second),
                fresh -> batches.add(fresh.stream().map(e -> e.id()).toList()));

        assertThat(batches).containsExactly(List.of(id(second), id(third)));
        assertThat(inbox(consumer)).containsExactlyInAnyOrder(id(first), id(second), id(third));
    }

    @Test
    void aFailingEventIsDeadLetteredAndTheRestOfThePollIsAppliedOnce() {
        String consumer = "batch-test-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            poll.add(record(i));
        }
        String poisonId = id(poll.get(2));
        List<String> applied = new CopyOnWriteArrayList<>();

        events.consumeAll(consumer, poll, event -> {
            if (event.id().equals(poisonId)) {
                throw new PoisonEventException("rejected by the test");
            }
            applied.add(event.id());
        });

        // The batch transaction was rolled back and each record processed alone: four applied once each.
        List<String> inbox = inbox(consumer);
        assertThat(inbox).containsExactlyInAnyOrder(id(poll.get(0)), id(poll.get(1)), id(poll.get(3)), id(poll.get(4)));
        var dead = KafkaTestClient.await(
                TOPIC + EventConsumer.DLQ_SUFFIX, r -> poll.get(2).key().equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(new String(dead.get(0).headers().lastHeader("dlq-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("rejected by the test");
        assertThat(new String(dead.get(0).headers().lastHeader("dlq-consumer").value(), StandardCharsets.UTF_8))
                .isEqualTo(consumer);
        assertThat(applied).containsSubsequence(id(poll.get(0)), id(poll.get(1)), id(poll.get(3)), id(poll.get(4)));
    }

    private String currentTransaction() {
        return em.createNativeQuery("select cast(txid_current() as text)")
                .getSingleResult()
                .toString();
    }

    @SuppressWarnings("unchecked")
    private List<String> inbox(String consumer) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select event_id from inbox_event where consumer = ?1")
                        .setParameter(1, consumer)
                        .getResultList());
    }

    private static ConsumerRecord<String, String> record(int offset) {
        String id = UUID.randomUUID().toString();
        String value = """
                {"specversion":"1.0","id":"%s","source":"/test","type":"cn.gov.lvliang.test.nothing.happened.v1",
                 "subject":"batch","time":"2025-05-01T00:00:00Z","datacontenttype":"application/json","data":{}}
                """.formatted(id);
        return new ConsumerRecord<>(TOPIC, 0, offset, "batch-" + id, value);
    }

    private static String id(ConsumerRecord<String, String> record) {
        return record.key().substring("batch-".length());
    }
}
