package cn.gov.lvliang.renewal.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.renewal.platform.events.testapp.AppliedThing;
import cn.gov.lvliang.renewal.platform.events.testapp.Things;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The event platform on its own, against a real PostgreSQL and a real broker: the outbox and its
 * relay, the inbox, the typed registry behind a real {@code @Incoming} consumer, dead letters and
 * their replay (the test app: {@link Things}).
 */
@QuarkusTest
class EventPlatformTest {

    @Inject
    Outbox outbox;

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Test
    void anEventCommittedWithItsChangeIsRelayedConsumedAndAppliedOnce() throws Exception {
        String name = "thing-" + UUID.randomUUID();

        CloudEvent published = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(Things.TOPIC, name, Things.TYPE, Map.of("name", name)));

        // the relay sent it: on the topic, as a CloudEvent keyed by the aggregate
        List<ConsumerRecord<String, String>> onTopic =
                KafkaTestClient.await(Things.TOPIC, r -> name.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(onTopic).hasSize(1);
        CloudEvent relayed = json.readValue(onTopic.get(0).value(), CloudEvent.class);
        assertThat(relayed.id()).isEqualTo(published.id());
        assertThat(relayed.type()).isEqualTo(Things.TYPE);
        assertThat(relayed.source()).isEqualTo("/platform-events-test");
        assertThat(relayed.data().get("name").asText()).isEqualTo(name);
        await().atMost(Duration.ofSeconds(30)).until(() -> sentAt(published.id()) != null);

        // the @Incoming consumer applied it through the registry, once, and noted it in the inbox
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(published.id()) == 1);
        assertThat(inbox.applied(Things.CONSUMER, published.id())).isTrue();

        // delivered again, by hand, twice in one poll: nothing changes
        Subscription subscription = subscription();
        subscription.consume(List.of(onTopic.get(0), onTopic.get(0)));
        subscription.consume(List.of(onTopic.get(0)));
        assertThat(applied(published.id())).isEqualTo(1);
    }

    @Test
    void anEventRolledBackWithItsChangeIsNeverRelayed() {
        String name = "rolled-back-" + UUID.randomUUID();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    outbox.publish(Things.TOPIC, name, Things.TYPE, Map.of("name", name));
                    throw new IllegalStateException("the change fails");
                }))
                .hasMessage("the change fails");

        assertThat(outboxRows(name)).isZero();
        // a later event of the same topic arrives; the rolled-back one never does
        String later = "later-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.publish(Things.TOPIC, later, Things.TYPE, Map.of("name", later)));
        assertThat(KafkaTestClient.await(Things.TOPIC, r -> later.equals(r.key()), 1, Duration.ofSeconds(30)))
                .hasSize(1);
        assertThat(KafkaTestClient.await(Things.TOPIC, r -> name.equals(r.key()), 1, Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void theInboxTakesEachEventOnceAlsoInOneStatementForAPoll() {
        CloudEvent first = event("inbox-a");
        CloudEvent second = event("inbox-b");
        String consumer = "inbox-test-" + UUID.randomUUID();

        List<CloudEvent> fresh = QuarkusTransaction.requiringNew()
                .call(() -> inbox.firstDeliveries(consumer, List.of(first, second, first)));
        boolean again = QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(consumer, second));
        List<CloudEvent> none =
                QuarkusTransaction.requiringNew().call(() -> inbox.firstDeliveries(consumer, List.of(first, second)));

        assertThat(fresh).extracting(CloudEvent::id).containsExactly(first.id(), second.id());
        assertThat(again).isFalse();
        assertThat(none).isEmpty();
        assertThat(inbox.applied(consumer, first.id())).isTrue();
        assertThat(inbox.applied("another-consumer", first.id())).isFalse();
    }

    @Test
    void aPoisonEventIsDeadLetteredListedAndReplayedOnceItCanBeApplied() {
        String name = "refused-" + UUID.randomUUID();
        Things.REFUSED.add(name);
        CloudEvent published = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(Things.TOPIC, name, Things.TYPE, Map.of("name", name)));

        // the consumer dead-letters it with the handler's reason, and the stream moves on
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.await(
                Things.TOPIC + EventConsumer.DLQ_SUFFIX, r -> name.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), "dlq-reason")).isEqualTo("refused by the test: " + name);
        assertThat(header(dead.get(0), "dlq-consumer")).isEqualTo(Things.CONSUMER);
        assertThat(applied(published.id())).isZero();

        // listed among this service's dead letters, not applied
        DeadLetter letter = deadLetters.list(Things.TOPIC, false, 0, Page.MAX_SIZE).items().stream()
                .filter(l -> published.id().equals(l.eventId()))
                .findFirst()
                .orElseThrow();
        assertThat(letter.consumer()).isEqualTo(Things.CONSUMER);
        assertThat(letter.eventType()).isEqualTo(Things.TYPE);

        // replayed while still refused: back to the DLQ; once accepted: applied, and only once
        ReplayReport refused = deadLetters.replay(Things.TOPIC, letter.partition(), letter.offset());
        assertThat(refused.records())
                .extracting(Replayed::outcome)
                .containsExactly(DeadLetters.Outcome.DEAD_LETTERED_AGAIN);
        Things.REFUSED.remove(name);
        ReplayReport applied = deadLetters.replay(Things.TOPIC, letter.partition(), letter.offset());
        ReplayReport again = deadLetters.replay(Things.TOPIC, letter.partition(), letter.offset());

        assertThat(applied.records()).extracting(Replayed::outcome).containsExactly(DeadLetters.Outcome.APPLIED);
        assertThat(again.records()).extracting(Replayed::outcome).containsExactly(DeadLetters.Outcome.ALREADY_APPLIED);
        assertThat(applied(published.id())).isEqualTo(1);
    }

    private Subscription subscription() {
        return io.quarkus.arc.Arc.container()
                .instance(Things.Consumer.class)
                .get()
                .subscription();
    }

    private long applied(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> AppliedThing.count("eventId", eventId));
    }

    private Object sentAt(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select sent_at from outbox_event where event_id = cast(?1 as uuid)")
                        .setParameter(1, eventId)
                        .getSingleResult());
    }

    private long outboxRows(String aggregateId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from outbox_event where aggregate_id = ?1")
                                .setParameter(1, aggregateId)
                                .getSingleResult())
                        .longValue());
    }

    private CloudEvent event(String name) {
        return new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                "/test",
                Things.TYPE,
                name,
                java.time.Instant.now(),
                "application/json",
                null,
                json.valueToTree(Map.of("name", name)),
                null,
                null);
    }

    private static String header(ConsumerRecord<String, String> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
