package cn.gov.lvliang.renewal.platform.events;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * Carries one trace across the outbox and Kafka (decision 0031).
 *
 * <ul>
 *   <li><b>Publishing.</b> An event takes the W3C trace context of the code that published it
 *       ({@link #current()}): it is stored in the outbox row's envelope (the CloudEvents
 *       distributed-tracing extension) and sent as the Kafka header {@code traceparent} by the relay.
 *   <li><b>Consuming.</b> Applying an event is a {@code CONSUMER} span whose parent is that context
 *       ({@link #applying}), current while the handler runs, so the handler's own outbox events
 *       continue the same trace. Its trace and span ids are in the log context meanwhile
 *       (quarkus-opentelemetry puts a current span's ids there itself).
 *   <li><b>Batches.</b> A poll applied in one transaction is one span linked to each event's
 *       context (a span has one parent); each event's log line still names its own trace, which
 *       {@link #logUnder} puts into the log context by hand: that context is never current.
 * </ul>
 */
@ApplicationScoped
class EventTracing {

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final TextMapPropagator propagator;
    private final Tracer tracer;

    EventTracing(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer("cn.gov.lvliang.renewal.platform.events");
    }

    /** The current W3C trace context ({@code traceparent}, maybe {@code tracestate}); empty outside a trace. */
    Map<String, String> current() {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        return carrier;
    }

    /** A span applying {@code event} in {@code consumer}, child of the context the event carries. */
    Applying applying(String consumer, CloudEvent event) {
        Span span = spanBuilder(consumer, event.type())
                .setParent(contextOf(event))
                .setAttribute("messaging.message.id", event.id())
                .startSpan();
        return new Applying(span, span.makeCurrent());
    }

    /** A span applying a poll's events together, linked to each event's context. */
    Applying applyingBatch(String consumer, List<CloudEvent> events) {
        SpanBuilder builder = spanBuilder(consumer, "batch")
                .setNoParent()
                .setAttribute("messaging.batch.message_count", (long) events.size());
        for (CloudEvent event : events) {
            SpanContext linked = Span.fromContext(contextOf(event)).getSpanContext();
            if (linked.isValid()) {
                builder.addLink(linked);
            }
        }
        Span span = builder.startSpan();
        return new Applying(span, span.makeCurrent());
    }

    /** Runs {@code action} with the trace of {@code event} in the log context (a batch's log lines). */
    void logUnder(CloudEvent event, Runnable action) {
        SpanContext context = Span.fromContext(contextOf(event)).getSpanContext();
        if (!context.isValid()) {
            action.run();
            return;
        }
        Object traceId = MDC.get("traceId");
        Object spanId = MDC.get("spanId");
        MDC.put("traceId", context.getTraceId());
        MDC.put("spanId", context.getSpanId());
        try {
            action.run();
        } finally {
            restore("traceId", traceId);
            restore("spanId", spanId);
        }
    }

    private SpanBuilder spanBuilder(String consumer, String operation) {
        return tracer.spanBuilder(consumer + " " + operation)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.consumer.group.name", consumer);
    }

    private Context contextOf(CloudEvent event) {
        if (event.traceparent() == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put("traceparent", event.traceparent());
        if (event.tracestate() != null) {
            carrier.put("tracestate", event.tracestate());
        }
        return propagator.extract(Context.root(), carrier, MAP_GETTER);
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }

    /**
     * A started span made current; close ends both. Making it current also puts its trace and span
     * ids into the log context, and closing takes them out again: quarkus-opentelemetry's context
     * storage does it (on a Vert.x duplicated context and on any other thread alike).
     */
    static final class Applying implements AutoCloseable {
        private final Span span;
        private final Scope scope;

        private Applying(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        /** Marks the span failed, with the reason. */
        void failed(Throwable cause) {
            span.recordException(cause);
            span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, OutboxRelay.rootMessage(cause));
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }
}
