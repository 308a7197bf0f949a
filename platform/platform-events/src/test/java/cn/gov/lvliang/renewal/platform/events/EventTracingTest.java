package cn.gov.lvliang.renewal.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.lvliang.renewal.platform.events.testapp.Things;
import cn.gov.lvliang.renewal.testing.KafkaTestClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One trace across the outbox and Kafka (decision 0031), with the spans Quarkus exports to an
 * in-memory exporter: a business action publishes an event; the outbox row and the Kafka record
 * carry its context; applying the event is a consumer span, child of the action; the event the
 * handler publishes in turn is a child of that consumer span.
 */
@QuarkusTest
class EventTracingTest {

    @Inject
    Outbox outbox;

    @Inject
    Tracer tracer;

    @Inject
    InMemorySpanExporter spans;

    @Inject
    ObjectMapper json;

    @Test
    void theConsumerContinuesThePublishersTraceAndPassesItOn() throws Exception {
        String name = Things.ECHO_PREFIX + UUID.randomUUID();
        Span action = tracer.spanBuilder("issue a thing").startSpan();
        SpanContext actionContext = action.getSpanContext();
        CloudEvent published;
        Scope scope = action.makeCurrent();
        try {
            published = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.publish(Things.TOPIC, name, Things.TYPE, Map.of("name", name)));
        } finally {
            scope.close();
            action.end();
        }

        // the envelope (stored in the outbox row) and the record header carry the action's context
        assertThat(published.traceparent())
                .isEqualTo("00-" + actionContext.getTraceId() + "-" + actionContext.getSpanId() + "-01");
        ConsumerRecord<String, String> record = KafkaTestClient.await(
                        Things.TOPIC, r -> name.equals(r.key()), 1, Duration.ofSeconds(30))
                .get(0);
        assertThat(header(record, "traceparent")).isEqualTo(published.traceparent());
        assertThat(json.readValue(record.value(), CloudEvent.class).traceparent())
                .isEqualTo(published.traceparent());

        // applying it is a consumer span, child of the action, in the same trace
        SpanData applying = await().atMost(Duration.ofSeconds(30))
                .until(() -> consumerSpanOf(published.id()), Optional::isPresent)
                .orElseThrow();
        assertThat(applying.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(applying.getName()).isEqualTo(Things.CONSUMER + " " + Things.TYPE);
        assertThat(applying.getTraceId()).isEqualTo(actionContext.getTraceId());
        assertThat(applying.getParentSpanId()).isEqualTo(actionContext.getSpanId());
        // and its trace id is in the log context while the handler runs (quarkus-opentelemetry's own MDC)
        assertThat(Things.LOGGED_TRACE_IDS.get(name)).isEqualTo(applying.getTraceId());

        // the handler's own event continues the trace from the consumer span
        ConsumerRecord<String, String> echo = KafkaTestClient.await(
                        Things.ECHO_TOPIC, r -> name.equals(r.key()), 1, Duration.ofSeconds(30))
                .get(0);
        CloudEvent echoed = json.readValue(echo.value(), CloudEvent.class);
        assertThat(echoed.traceparent()).isEqualTo("00-" + applying.getTraceId() + "-" + applying.getSpanId() + "-01");
        assertThat(header(echo, "traceparent")).isEqualTo(echoed.traceparent());
    }

    @Test
    void anEventPublishedOutsideATraceCarriesNoContextAndStartsANewTraceWhenApplied() throws Exception {
        String name = "untraced-" + UUID.randomUUID();
        CloudEvent published = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(Things.TOPIC, name, Things.TYPE, Map.of("name", name)));

        assertThat(published.traceparent()).isNull();
        ConsumerRecord<String, String> record = KafkaTestClient.await(
                        Things.TOPIC, r -> name.equals(r.key()), 1, Duration.ofSeconds(30))
                .get(0);
        assertThat(record.headers().lastHeader("traceparent")).isNull();
        SpanData applying = await().atMost(Duration.ofSeconds(30))
                .until(() -> consumerSpanOf(published.id()), Optional::isPresent)
                .orElseThrow();
        assertThat(applying.getParentSpanContext().isValid()).isFalse();
    }

    /**
     * The envelope is CloudEvents 1.0 as the CloudEvents SDK reads it (structured JSON), tracing
     * extension included (decision 0032).
     */
    @Test
    void theRelayedRecordIsACloudEventThatTheSdkReadsWithItsTracingExtension() throws Exception {
        String name = "sdk-" + UUID.randomUUID();
        Span action = tracer.spanBuilder("issue a thing").startSpan();
        Scope scope = action.makeCurrent();
        CloudEvent published;
        try {
            published = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.publish(Things.TOPIC, name, Things.TYPE, Map.of("name", name)));
        } finally {
            scope.close();
            action.end();
        }
        ConsumerRecord<String, String> record = KafkaTestClient.await(
                        Things.TOPIC, r -> name.equals(r.key()), 1, Duration.ofSeconds(30))
                .get(0);

        io.cloudevents.CloudEvent read = EventFormatProvider.getInstance()
                .resolveFormat(JsonFormat.CONTENT_TYPE)
                .deserialize(record.value().getBytes(StandardCharsets.UTF_8));

        assertThat(read.getSpecVersion().toString()).isEqualTo(CloudEvent.SPEC_VERSION);
        assertThat(read.getId()).isEqualTo(published.id());
        assertThat(read.getType()).isEqualTo(Things.TYPE);
        assertThat(read.getSource()).hasToString("/platform-events-test");
        assertThat(read.getSubject()).isEqualTo(name);
        assertThat(read.getTime().toInstant()).isEqualTo(published.time());
        assertThat(read.getDataContentType()).isEqualTo("application/json");
        assertThat(read.getExtension("traceparent")).isEqualTo(published.traceparent());
        assertThat(json.readTree(read.getData().toBytes()).get("name").asText()).isEqualTo(name);
    }

    private Optional<SpanData> consumerSpanOf(String eventId) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream()
                .filter(span -> eventId.equals(span.getAttributes()
                        .get(io.opentelemetry.api.common.AttributeKey.stringKey("messaging.message.id"))))
                .findFirst();
    }

    private static String header(ConsumerRecord<String, String> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
