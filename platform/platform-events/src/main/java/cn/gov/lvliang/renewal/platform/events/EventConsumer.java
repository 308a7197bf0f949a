package cn.gov.lvliang.renewal.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Applies Kafka records exactly once in effect, and dead-letters the ones that cannot be applied.
 *
 * <p>For each record: parse the CloudEvent; in one transaction, record its id in the inbox and
 * apply the handler, so that a redelivered event changes nothing. Then:
 *
 * <ul>
 *   <li>a malformed envelope, or a handler's {@link PoisonEventException}, goes to {@code
 *       <topic>.dlq} at once, with the reason in the {@code dlq-reason} header;
 *   <li>a transient failure (database unreachable, lock conflict) is retried with backoff for as
 *       long as it lasts, holding the partition, since the event is not at fault;
 *   <li>any other failure is retried {@code suite.events.consumer.max-attempts} times, then
 *       dead-lettered.
 * </ul>
 *
 * The stream always moves on: the method returns normally unless the service is shutting down.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    /** Its own category, so that operators can quieten the per-event lines of a busy stream. */
    private static final Logger APPLIED = Logger.getLogger("cn.gov.lvliang.renewal.platform.events.applied");

    public static final String DLQ_SUFFIX = ".dlq";

    private final ObjectMapper json;
    private final Inbox inbox;
    private final EventProducer producer;
    private final Validator validator;
    private final EventsConfig.Consumer config;
    private final MeterRegistry metrics;
    private final Instance<EventSubscriber> subscribers;
    private final EventTracing tracing;
    private volatile boolean shuttingDown;

    public EventConsumer(
            ObjectMapper json,
            Inbox inbox,
            EventProducer producer,
            Validator validator,
            EventsConfig config,
            MeterRegistry metrics,
            @Any Instance<EventSubscriber> subscribers,
            EventTracing tracing) {
        this.json = json;
        this.inbox = inbox;
        this.producer = producer;
        this.validator = validator;
        this.config = config.consumer();
        this.metrics = metrics;
        this.subscribers = subscribers;
        this.tracing = tracing;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    /**
     * The consumer {@code consumer} of {@code channels}, with the handlers every {@link
     * EventSubscriber} bean of the service registers (one consumer per service today; a second one
     * would qualify its subscribers).
     */
    public Subscription subscription(String consumer, String... channels) {
        EventHandlers.Builder registry = handlers();
        for (EventSubscriber subscriber : subscribers) {
            subscriber.subscribe(registry);
        }
        return new Subscription(consumer, List.of(channels), registry.build(), this);
    }

    /** An empty registry whose handlers' data is decoded by {@link #data}. */
    public EventHandlers.Builder handlers() {
        return EventHandlers.builder(this::data);
    }

    /** What a consumer does with one event, inside the inbox transaction. */
    @FunctionalInterface
    public interface Handler {
        void apply(CloudEvent event);
    }

    /**
     * Processes one record.
     *
     * @param consumer a stable name of the consuming projection, such as {@code scrap-certificate-read-model}
     */
    public void consume(String consumer, ConsumerRecord<String, String> record, Handler handler) {
        CloudEvent event;
        try {
            event = parse(record.value());
        } catch (PoisonEventException e) {
            deadLetter(consumer, record, e.getMessage());
            return;
        }
        try (EventTracing.Applying span = tracing.applying(consumer, event)) {
            consumeWithRetries(consumer, record, event, handler, span);
        }
    }

    private void consumeWithRetries(
            String consumer,
            ConsumerRecord<String, String> record,
            CloudEvent event,
            Handler handler,
            EventTracing.Applying span) {
        Duration backoff = config.initialBackoff();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, event, handler));
                counted(consumer, applied ? 1 : 0, applied ? 0 : 1);
                logOutcome(consumer, event, applied);
                return;
            } catch (PoisonEventException e) {
                span.failed(e);
                deadLetter(consumer, record, e.getMessage());
                return;
            } catch (RuntimeException e) {
                Throwable cause = unwrap(e);
                if (cause instanceof PoisonEventException poison) {
                    span.failed(poison);
                    deadLetter(consumer, record, poison.getMessage());
                    return;
                }
                boolean transientFailure = TransientFailures.isTransient(cause);
                if (!transientFailure && attempts >= config.maxAttempts()) {
                    span.failed(cause);
                    LOG.errorf(
                            cause, "Event %s (%s) failed %d times in %s", event.id(), event.type(), attempts, consumer);
                    deadLetter(
                            consumer,
                            record,
                            "failed after " + attempts + " attempts: " + OutboxRelay.rootMessage(cause));
                    return;
                }
                LOG.warnf(
                        "Event %s (%s) failed in %s (%s, attempt %d); retrying in %d ms",
                        event.id(),
                        event.type(),
                        consumer,
                        OutboxRelay.rootMessage(cause),
                        attempts,
                        backoff.toMillis());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0
                        ? config.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * What a consumer does with the new events of one poll, inside the inbox transaction: each event
     * is delivered for the first time, in record order. Lets a consumer read and write for the whole
     * poll at once (one query for every record it needs) instead of per event.
     */
    @FunctionalInterface
    public interface BatchHandler {
        void applyAll(List<CloudEvent> events);
    }

    /**
     * Processes the records of one poll, in order, in a single transaction, so that a busy stream
     * costs one commit per poll instead of one per event. Each event still passes the inbox, so a
     * redelivered batch changes nothing. Malformed envelopes are dead-lettered first; if applying
     * any event of the batch fails, the whole transaction is rolled back and the records are
     * processed again one by one through {@link #consume}, which gives the failing one its retries
     * or its dead letter and applies the others.
     *
     * @param consumer a stable name of the consuming projection, such as {@code scrap-certificate-read-model}
     */
    public void consumeAll(String consumer, Iterable<ConsumerRecord<String, String>> records, Handler handler) {
        consumeBatch(consumer, records, fresh -> fresh.forEach(handler::apply));
    }

    /**
     * {@link #consumeAll} with a handler that takes the poll's new events together. The inbox is
     * written for the whole poll in one statement ({@link Inbox#firstDeliveries}); the handler gets
     * the events not applied before. If it fails, the transaction is rolled back and the records
     * are processed one by one through {@link #consume}, the handler getting one event at a time.
     */
    public void consumeBatch(String consumer, Iterable<ConsumerRecord<String, String>> records, BatchHandler handler) {
        List<ConsumerRecord<String, String>> usable = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(parse(record.value()));
                usable.add(record);
            } catch (PoisonEventException e) {
                deadLetter(consumer, record, e.getMessage());
            }
        }
        Handler single = event -> handler.applyAll(List.of(event));
        if (usable.size() <= 1) {
            usable.forEach(record -> consume(consumer, record, single));
            return;
        }
        List<CloudEvent> applied;
        EventTracing.Applying span = tracing.applyingBatch(consumer, events);
        try {
            applied = QuarkusTransaction.requiringNew().call(() -> {
                List<CloudEvent> fresh = inbox.firstDeliveries(consumer, events);
                if (!fresh.isEmpty()) {
                    handler.applyAll(fresh);
                }
                return fresh;
            });
        } catch (RuntimeException e) {
            span.failed(unwrap(e));
            span.close();
            LOG.debugf(
                    "A batch of %d records failed in %s (%s); processing them one by one",
                    usable.size(), consumer, OutboxRelay.rootMessage(unwrap(e)));
            usable.forEach(record -> consume(consumer, record, single));
            return;
        }
        span.close();
        counted(consumer, applied.size(), events.size() - applied.size());
        for (CloudEvent event : applied) {
            tracing.logUnder(event, () -> logOutcome(consumer, event, true));
        }
    }

    /**
     * One line per applied event, in the event's trace: where the action that caused it can be
     * followed into this service. Type and id only; event data never reaches a log line.
     */
    private static void logOutcome(String consumer, CloudEvent event, boolean applied) {
        if (applied) {
            APPLIED.infof("Applied %s %s in %s", event.type(), event.id(), consumer);
        } else {
            APPLIED.debugf("Skipped %s %s in %s: applied before", event.type(), event.id(), consumer);
        }
    }

    /** In the caller's transaction: applies {@code event} unless the inbox has seen it. */
    private boolean applyOnce(String consumer, CloudEvent event, Handler handler) {
        if (!inbox.firstDelivery(consumer, event)) {
            return false;
        }
        handler.apply(event);
        return true;
    }

    private void counted(String consumer, int applied, int duplicates) {
        metrics.counter("events.consumed", "consumer", consumer, "outcome", "applied")
                .increment(applied);
        metrics.counter("events.consumed", "consumer", consumer, "outcome", "duplicate")
                .increment(duplicates);
    }

    /**
     * The event's data as {@code type}, validated with Bean Validation.
     *
     * @throws PoisonEventException when the data does not fit the type or breaks a constraint
     */
    public <T> T data(CloudEvent event, Class<T> type) {
        if (event.data() == null || event.data().isNull()) {
            throw new PoisonEventException("event " + event.id() + " of type " + event.type() + " has no data");
        }
        T data;
        try {
            data = json.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException(
                    "data of " + event.type() + " does not match " + type.getSimpleName() + ": "
                            + OutboxRelay.rootMessage(e),
                    e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            String reasons = violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; "));
            throw new PoisonEventException("invalid data in " + event.type() + ": " + reasons);
        }
        return data;
    }

    private CloudEvent parse(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("empty record value");
        }
        CloudEvent event;
        try {
            event = json.readValue(value, CloudEvent.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new PoisonEventException("not a CloudEvents JSON envelope: " + OutboxRelay.rootMessage(e), e);
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new PoisonEventException("unsupported CloudEvents specversion: " + event.specversion());
        }
        return event;
    }

    private void deadLetter(String consumer, ConsumerRecord<String, String> record, String reason) {
        String topic = record.topic() + DLQ_SUFFIX;
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        dead.headers().add("dlq-reason", bytes(reason));
        dead.headers().add("dlq-consumer", bytes(consumer));
        dead.headers().add("dlq-source-topic", bytes(record.topic()));
        dead.headers().add("dlq-source-partition", bytes(String.valueOf(record.partition())));
        dead.headers().add("dlq-source-offset", bytes(String.valueOf(record.offset())));
        dead.headers().add("dlq-time", bytes(Instant.now().toString()));
        Duration backoff = config.initialBackoff();
        while (true) {
            try {
                producer.producer().send(dead).get(30, TimeUnit.SECONDS);
                metrics.counter("events.dead-lettered", "consumer", consumer).increment();
                LOG.warnf(
                        "Dead-lettered record %s-%d@%d for %s: %s",
                        record.topic(), record.partition(), record.offset(), consumer, reason);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering", e);
            } catch (Exception e) {
                LOG.warnf("Could not dead-letter to %s (%s); retrying", topic, OutboxRelay.rootMessage(e));
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0
                        ? config.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void pause(Duration duration) {
        if (shuttingDown) {
            // Leave the record uncommitted: it is delivered again after the restart.
            throw new IllegalStateException("shutting down; the record will be redelivered");
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted; the record will be redelivered", e);
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t.getClass().getName().contains("QuarkusTransactionException")
                        || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
