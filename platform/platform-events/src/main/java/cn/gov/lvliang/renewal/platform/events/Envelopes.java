package cn.gov.lvliang.renewal.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** Builds the CloudEvents envelope of an outbox row, the same for single events and batches. */
@ApplicationScoped
class Envelopes {

    private final ObjectMapper json;
    private final EventsConfig config;
    private final Clock clock;
    private final EventTracing tracing;

    Envelopes(ObjectMapper json, EventsConfig config, Clock clock, EventTracing tracing) {
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.tracing = tracing;
    }

    /**
     * A new event of this service: a fresh id, the service as source, now (to the microsecond, as
     * stored), and the trace context of the code publishing it.
     */
    CloudEvent create(String type, String aggregateId, Object data) {
        Map<String, String> trace = tracing.current();
        return new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                config.source(),
                type,
                aggregateId,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                "application/json",
                null,
                json.valueToTree(data),
                trace.get("traceparent"),
                trace.get("tracestate"));
    }

    /** The envelope as stored in {@code outbox_event.envelope} and published. */
    String serialise(CloudEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be serialised: " + event.type(), e);
        }
    }
}
