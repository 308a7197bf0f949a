package cn.gov.lvliang.renewal.platform.events.testapp;

import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.platform.events.EventHandlers;
import cn.gov.lvliang.renewal.platform.events.EventSubscriber;
import cn.gov.lvliang.renewal.platform.events.PoisonEventException;
import cn.gov.lvliang.renewal.platform.events.Received;
import cn.gov.lvliang.renewal.platform.events.Subscriber;
import cn.gov.lvliang.renewal.platform.events.Subscription;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The test app's stream, its consumer and its handler: a {@code thing.happened.v1} stores an
 * {@link AppliedThing}; a name the test marks as refused is rejected as poison until the test
 * lifts the refusal (a dead letter that a replay can then apply).
 */
public final class Things {

    public static final String TOPIC = "platform-test.things";
    public static final String TYPE = "cn.gov.lvliang.test.thing.happened.v1";
    public static final String CONSUMER = "applied-things";

    /** Names the handler rejects as poison for now. */
    public static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

    private Things() {}

    /** The data of {@value #TYPE}. */
    public record ThingHappened(@NotBlank String name) {}

    /** The feature's handler. */
    @ApplicationScoped
    public static class Handler implements EventSubscriber {

        @Override
        public void subscribe(EventHandlers.Builder handlers) {
            handlers.on(TYPE, ThingHappened.class, this::happened);
        }

        void happened(Received<ThingHappened> event) {
            if (REFUSED.contains(event.data().name())) {
                throw new PoisonEventException(
                        "refused by the test: " + event.data().name());
            }
            AppliedThing thing = new AppliedThing();
            thing.eventId = event.id();
            thing.name = event.data().name();
            thing.persist();
        }
    }

    /** The {@code @Incoming} adapter. */
    @ApplicationScoped
    public static class Consumer implements Subscriber {

        private final Subscription subscription;

        public Consumer(EventConsumer events) {
            this.subscription = events.subscription(CONSUMER, "things");
        }

        @Incoming("things")
        @Blocking
        public void onRecords(ConsumerRecords<String, String> records) {
            subscription.consume(records);
        }

        @Override
        public Subscription subscription() {
            return subscription;
        }
    }
}
