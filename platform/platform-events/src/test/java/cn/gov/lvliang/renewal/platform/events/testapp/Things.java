package cn.gov.lvliang.renewal.platform.events.testapp;

import cn.gov.lvliang.renewal.platform.events.EventConsumer;
import cn.gov.lvliang.renewal.platform.events.EventHandlers;
import cn.gov.lvliang.renewal.platform.events.EventSubscriber;
import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.events.PoisonEventException;
import cn.gov.lvliang.renewal.platform.events.Received;
import cn.gov.lvliang.renewal.platform.events.Subscriber;
import cn.gov.lvliang.renewal.platform.events.Subscription;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.MDC;

/**
 * The test app's stream, its consumer and its handler: a {@code thing.happened.v1} stores an
 * {@link AppliedThing}; a name the test marks as refused is rejected as poison until the test
 * lifts the refusal (a dead letter that a replay can then apply).
 */
public final class Things {

    public static final String TOPIC = "platform-test.things";
    public static final String TYPE = "cn.gov.lvliang.test.thing.happened.v1";
    public static final String CONSUMER = "applied-things";
    /** Where the handler announces the things it applied whose name starts with {@value #ECHO_PREFIX}. */
    public static final String ECHO_TOPIC = "platform-test.echoes";

    public static final String ECHO_TYPE = "cn.gov.lvliang.test.thing.echoed.v1";
    public static final String ECHO_PREFIX = "echo-";

    /** The log context's trace id while the handler applied an echoed thing, by name. */
    public static final Map<String, String> LOGGED_TRACE_IDS = new ConcurrentHashMap<>();

    /** Names the handler rejects as poison for now. */
    public static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

    private Things() {}

    /** The data of {@value #TYPE}. */
    public record ThingHappened(@NotBlank String name) {}

    /** The feature's handler. */
    @ApplicationScoped
    public static class Handler implements EventSubscriber {

        private final Outbox outbox;

        public Handler(Outbox outbox) {
            this.outbox = outbox;
        }

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
            if (thing.name.startsWith(ECHO_PREFIX)) {
                // a handler's own event, in the handler's transaction (and trace)
                LOGGED_TRACE_IDS.put(thing.name, String.valueOf(MDC.get("traceId")));
                outbox.publish(ECHO_TOPIC, thing.name, ECHO_TYPE, Map.of("name", thing.name));
            }
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
